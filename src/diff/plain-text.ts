import type { Blocks, ListItem, RichText } from "../model/schema.js";
import type { DataPath } from "../diagnostics/diagnostic.js";

/** A text of the document with its place: what list comparisons work on. */
export interface Located {
  path: DataPath;
  text: string;
}

/** A rich text as plain text (emphasis is presentation; a changed theme shows as changed words). */
export const plain = (text: RichText): string =>
  typeof text === "string" ? text : text.map((run) => (typeof run === "string" ? run : "em" in run ? run.em : run.theme)).join("");

/** A bullet list flattened in reading order, nested items included. */
export function listTexts(items: readonly ListItem[], path: DataPath): Located[] {
  return items.flatMap((item, i) =>
    typeof item === "object" && !Array.isArray(item)
      ? [{ path: [...path, i, "text"], text: plain(item.text) }, ...listTexts(item.items, [...path, i, "items"])]
      : [{ path: [...path, i], text: plain(item) }],
  );
}

/** A cell's paragraphs and bullets in reading order. */
export function blockTexts(blocks: Blocks | undefined, path: DataPath): Located[] {
  if (blocks === undefined) return [];
  if (typeof blocks === "string") return [{ path, text: blocks }];
  return blocks.flatMap((block, i) =>
    typeof block === "object" && !Array.isArray(block)
      ? listTexts(block.list, [...path, i, "list"])
      : [{ path: [...path, i], text: plain(block) }],
  );
}
