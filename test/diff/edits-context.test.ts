import { describe, expect, it } from "vitest";
import type { WordEdit } from "../../src/diff/change.js";
import { CONTEXT_WORDS, withContext } from "../../src/diff/edits-context.js";

const words = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => `w${from + k}`).join(" ");
const equal = (text: string): WordEdit => ({ op: "equal", text });
const DELETE: WordEdit = { op: "delete", text: "March" };
const INSERT: WordEdit = { op: "insert", text: "April" };
const shown = (edits: ReturnType<typeof withContext>) => edits.map((e) => (e.op === "elided" ? "…" : e.text)).join("");
const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

describe("withContext", () => {
  it("keeps six words of context by default", () => {
    expect(CONTEXT_WORDS).toBe(6);
  });

  it("elides a long unchanged run before the first change, keeping its last six words", () => {
    const edits = withContext([equal(`${words(1, 20)} `), DELETE, INSERT]);
    expect(edits).toEqual([{ op: "elided" }, equal(` ${words(15, 20)} `), DELETE, INSERT]);
  });

  it("elides a long unchanged run after the last change, keeping its first six words", () => {
    const edits = withContext([DELETE, INSERT, equal(` ${words(1, 20)}.`)]);
    expect(edits).toEqual([DELETE, INSERT, equal(` ${words(1, 6)} `), { op: "elided" }]);
  });

  it("keeps six words on each side of a long run between two changes", () => {
    const edits = withContext([DELETE, equal(` ${words(1, 30)} `), INSERT]);
    expect(edits[0]).toEqual(DELETE);
    expect(edits[edits.length - 1]).toEqual(INSERT);
    expect(edits.filter((e) => e.op === "elided")).toHaveLength(1);
    expect(shown(edits)).toBe(`March ${words(1, 6)} … ${words(25, 30)} April`);
  });

  it("keeps short runs whole: at most six words each side plus two", () => {
    const middle = [DELETE, equal(` ${words(1, 14)} `), INSERT];
    expect(withContext(middle)).toEqual(middle);
    const leading = [equal(`${words(1, 8)} `), DELETE];
    expect(withContext(leading)).toEqual(leading);
    const tooLong = [equal(`${words(1, 9)} `), DELETE];
    expect(withContext(tooLong)).toEqual([{ op: "elided" }, equal(` ${words(4, 9)} `), DELETE]);
  });

  it("never keeps more than six words on a side of a change", () => {
    const edits = withContext([
      equal(`${words(1, 50)} `),
      DELETE,
      INSERT,
      equal(` ${words(51, 100)} `),
      DELETE,
      equal(` ${words(101, 150)}`),
    ]);
    for (const edit of edits) if (edit.op === "equal") expect(wordCount(edit.text)).toBeLessThanOrEqual(6);
    expect(edits.filter((e) => e.op === "elided")).toHaveLength(3);
  });

  it("passes insertions and deletions through whole, however long", () => {
    const long: WordEdit = { op: "insert", text: words(1, 40) };
    expect(withContext([long])).toEqual([long]);
    expect(withContext([equal(`${words(1, 20)} `), long])).toContainEqual(long);
  });

  it("takes another number of words when asked", () => {
    expect(withContext([equal(`${words(1, 10)} `), DELETE], 2)).toEqual([{ op: "elided" }, equal(` ${words(9, 10)} `), DELETE]);
  });
});
