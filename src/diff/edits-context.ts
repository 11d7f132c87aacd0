import type { WordEdit } from "./change.js";

/** Words of unchanged text kept on each side of a change; the rest of a long unchanged run is elided. */
export const CONTEXT_WORDS = 6;

/**
 * Edits with long unchanged stretches shortened to their first and last few words, so a changed
 * word shows with enough of its sentence to read, and a long paragraph does not drown it.
 */
export function withContext(edits: readonly WordEdit[], words = CONTEXT_WORDS): (WordEdit | { op: "elided" })[] {
  return edits.flatMap((edit, i): (WordEdit | { op: "elided" })[] => {
    if (edit.op !== "equal") return [edit];
    const tokens = edit.text.split(/(\s+)/);
    const wordCount = tokens.filter((t) => t.trim() !== "").length;
    const keepHead = i === edits.length - 1 ? 0 : words; // before the next change
    const keepTail = i === 0 ? 0 : words; // after the previous change
    if (wordCount <= keepHead + keepTail + 2) return [edit];
    const take = (n: number, fromEnd: boolean) => {
      const list = fromEnd ? [...tokens].reverse() : tokens;
      const kept: string[] = [];
      let seen = 0;
      for (const token of list) {
        if (token.trim() !== "") {
          if (seen === n) break;
          seen++;
        }
        kept.push(token);
      }
      return (fromEnd ? kept.reverse() : kept).join("");
    };
    const tail = keepTail ? take(keepTail, false) : "";
    const head = keepHead ? take(keepHead, true) : "";
    return [
      ...(tail ? [{ op: "equal" as const, text: `${tail.replace(/\s+$/, "")} ` }] : []),
      { op: "elided" as const },
      ...(head ? [{ op: "equal" as const, text: ` ${head.replace(/^\s+/, "")}` }] : []),
    ];
  });
}
