import { docx } from "../../render/docx.js";
import { redlineView } from "../redline-view.js";
import type { DiffFormatter } from "./formatter.js";

/**
 * The redline as Word tracks it: the newer plan's Word document, laid out as `ctwg build` lays it
 * out, with every deleted and inserted word a tracked change by `author`, so a reviewer steps
 * through them and accepts or rejects each. Items added or dropped are whole inserted or deleted
 * paragraphs and rows; an item moved is deleted where it was and inserted where it is.
 */
export const formatDiffDocx: DiffFormatter<Uint8Array> = async (diff, options) =>
  (await docx.render(redlineView(diff, { moves: "delete-and-insert" }), {
    revisionAuthor: options.author ?? "ctwg",
    ...(options.timestamp && { timestamp: options.timestamp }),
  })) as Uint8Array;
