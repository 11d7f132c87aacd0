import { BookmarkEnd, BookmarkStart, DeletedTextRun, InsertedTextRun, TextRun, type ParagraphChild } from "docx";
import type { Run } from "../view.js";
import type { DocxContext } from "./context.js";

/** How a paragraph's runs look beyond their own marks: the cover's bold, a mandate's underline. */
export interface RunLook {
  bold?: boolean;
  underline?: boolean;
  /** In half-points, as Word counts type sizes. */
  size?: number;
}

/**
 * Runs as Word runs: italics for emphasis, tracked insertions and deletions for a redline's marks,
 * and a bookmark around the text of each string of the workplan (see bookmark-names.ts). A deleted
 * run stays inside the bookmark it interrupts: it is the old text of the same string.
 */
export function inline(runs: readonly Run[], context: DocxContext, look: RunLook = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  let open: { key: string | undefined; id: number; name: string; text: string } | undefined;
  const close = () => {
    if (open) {
      out.push(marker(new BookmarkEnd(open.id)));
      context.marked(open.name, open.text);
    }
    open = undefined;
  };
  for (const run of runs) {
    if (!run.del) {
      const key = run.path && JSON.stringify(run.path);
      if (open?.key !== key) {
        close();
        const mark = run.path && context.bookmark(run.path);
        if (mark) {
          out.push(marker(new BookmarkStart(mark.name, mark.id)));
          open = { key, id: mark.id, name: mark.name, text: "" };
        }
      }
      if (open) open.text += run.text;
    }
    out.push(...textRuns(run, context, look));
  }
  close();
  return out;
}

/**
 * A bookmark's start or end as a paragraph's child. Why the cast: the library types only whole
 * `Bookmark`s as children, whose ids come from its process-wide counter; a paragraph writes any
 * element it is given, and ids counted per document keep a build reproducible.
 */
const marker = (element: BookmarkStart | BookmarkEnd) => element as unknown as ParagraphChild;

/** One run of text; a line break in the text is a Word line break, not a new paragraph. */
function textRuns(run: Run, context: DocxContext, look: RunLook): ParagraphChild[] {
  return run.text.split("\n").map((line, i) => {
    const options = {
      text: line,
      ...(i > 0 && { break: 1 }),
      ...(run.em && { italics: true }),
      ...(look.bold && { bold: true }),
      ...(look.underline && { underline: {} }),
      ...(look.size && { size: look.size }),
    };
    const revision = run.ins || run.del ? context.revision() : undefined;
    if (revision && run.del) return new DeletedTextRun({ ...options, ...revision });
    if (revision) return new InsertedTextRun({ ...options, ...revision });
    return new TextRun(options);
  });
}
