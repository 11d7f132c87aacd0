import { describe, expect, it } from "vitest";
import type { WordEdit } from "../../src/diff/change.js";
import { wordDiff } from "../../src/diff/word-diff.js";

const rebuild = (edits: readonly WordEdit[], keep: "delete" | "insert") =>
  edits
    .filter((e) => e.op === "equal" || e.op === keep)
    .map((e) => e.text)
    .join("");
const WORD = /[\p{L}\p{N}]/u;

/** True when no edit starts or ends inside a word of the side it belongs to. */
function onWordBoundaries(edits: readonly WordEdit[], before: string, after: string): boolean {
  let [i, j] = [0, 0];
  const boundary = (text: string, at: number) => at === 0 || at === text.length || !(WORD.test(text[at - 1]!) && WORD.test(text[at]!));
  for (const edit of edits) {
    const n = edit.text.length;
    if (edit.op !== "insert" && !(boundary(before, i) && boundary(before, i + n))) return false;
    if (edit.op !== "delete" && !(boundary(after, j) && boundary(after, j + n))) return false;
    if (edit.op !== "insert") i += n;
    if (edit.op !== "delete") j += n;
  }
  return true;
}

const PAIRS: [string, string][] = [
  ["The workshop will be held in March 2017.", "The workshop will be held in April 2017."],
  [
    "Hold 9th Counter Terrorism Working Group (CTWG) Meeting in Nha Trang, Viet Nam 21-22 February",
    "Hold 11th Counter Terrorism Working Group (CTWG) Meeting in Port Moresby, Papua New Guinea 3-4 March",
  ],
  ["Agree on CTWG Strategic Plan 2018-2022", "Begin implementing the CTWG Strategic Plan 2018-2022"],
  [
    "Review and assessment of the CTWG Strategic Plan 2013-2017 and the APEC Counter-Terrorism and Secure Trade Strategy and their implementation;",
    "Implementation of the CTWG Strategic Plan 2018-2022 and review of the APEC Counter-Terrorism and Secure Trade Strategy;",
  ],
  ["mesf-workshop-viet-nam", "mesf-workshop"],
  ["", "A new sentence."],
  ["An old sentence.", ""],
  ["same  words,\ttabs\nand lines", "same words, tabs and lines"],
];

describe("wordDiff", () => {
  it('edits whole words: "March" → "April" is one delete and one insert', () => {
    const edits = wordDiff("The workshop will be held in March 2017.", "The workshop will be held in April 2017.");
    expect(edits.filter((e) => e.op === "delete")).toEqual([{ op: "delete", text: "March" }]);
    expect(edits.filter((e) => e.op === "insert")).toEqual([{ op: "insert", text: "April" }]);
    expect(edits).toEqual([
      { op: "equal", text: "The workshop will be held in " },
      { op: "delete", text: "March" },
      { op: "insert", text: "April" },
      { op: "equal", text: " 2017." },
    ]);
  });

  it("never cuts a word: a shared prefix or suffix is not kept apart", () => {
    // A character diff would keep "Mar" or "ch"; a word diff replaces the word.
    expect(wordDiff("March", "Marching")).toEqual([
      { op: "delete", text: "March" },
      { op: "insert", text: "Marching" },
    ]);
    for (const [before, after] of PAIRS)
      expect(onWordBoundaries(wordDiff(before, after), before, after), `${before} → ${after}`).toBe(true);
  });

  it("rebuilds `before` from equal and deleted text, and `after` from equal and inserted text", () => {
    for (const [before, after] of PAIRS) {
      const edits = wordDiff(before, after);
      expect(rebuild(edits, "delete")).toBe(before);
      expect(rebuild(edits, "insert")).toBe(after);
    }
  });

  it("merges neighbouring pieces of the same kind", () => {
    for (const [before, after] of PAIRS) {
      const edits = wordDiff(before, after);
      for (let k = 1; k < edits.length; k++) expect(edits[k]!.op).not.toBe(edits[k - 1]!.op);
    }
  });

  it("gives one equal piece for equal texts", () => {
    expect(wordDiff("Human Security", "Human Security")).toEqual([{ op: "equal", text: "Human Security" }]);
  });

  it("gives one insertion or one deletion when a side is empty", () => {
    expect(wordDiff("", "A new sentence.")).toEqual([{ op: "insert", text: "A new sentence." }]);
    expect(wordDiff("An old sentence.", "")).toEqual([{ op: "delete", text: "An old sentence." }]);
  });
});
