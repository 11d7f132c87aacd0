import { diffWordsWithSpace } from "diff";
import type { WordEdit } from "./change.js";

/**
 * The word-level edits that turn `before` into `after`. Why words and not characters: a reader of a
 * reworded sentence wants "March → April", not "Mar[-ch-]{+pril+}".
 */
export function wordDiff(before: string, after: string): WordEdit[] {
  const edits: WordEdit[] = [];
  for (const part of diffWordsWithSpace(before, after)) {
    const op = part.added ? "insert" : part.removed ? "delete" : "equal";
    const last = edits[edits.length - 1];
    if (last && last.op === op) last.text += part.value;
    else edits.push({ op, text: part.value });
  }
  return edits;
}
