import type { OutputFormat } from "./format.js";
import { wordDocument } from "./docx/document.js";
import { packDocument } from "./docx/package.js";

/**
 * The Word document delegates edit: Word's own styles and numbering, the table in a landscape
 * section, every workplan string bookmarked with its path for `ctwg import`. Loaded only when a
 * .docx is asked for, as the docx library is large.
 */
export const docx: OutputFormat = {
  id: "docx",
  extension: "docx",
  render(view, options = {}) {
    const date = options.timestamp ?? new Date(`${view.firstDay}T00:00:00Z`);
    const revisions = view.redline
      ? { author: options.revisionAuthor ?? "ctwg", date: date.toISOString().replace(/\.\d{3}Z$/, "Z") }
      : null;
    return packDocument(wordDocument(view, revisions), date);
  },
};
