import { describe, expect, it } from "vitest";
import { matchItems, movedMatches, type Match } from "../../src/diff/match.js";

interface Item {
  id?: string;
  text: string;
}
const textOf = (item: Item) => item.text;
const idOf = (item: Item) => item.id;
const pairs = (matches: readonly Match[]) => matches.map((m) => [m.before, m.after, m.by]);

describe("matchItems", () => {
  it("pairs items by id first, whatever their wording", () => {
    const before: Item[] = [
      { id: "a", text: "Hold the first meeting" },
      { id: "b", text: "Elect a vice chair" },
    ];
    const after: Item[] = [
      { id: "b", text: "Something else entirely" },
      { id: "a", text: "Completely reworded" },
    ];
    const matching = matchItems(before, after, textOf, 0.5, idOf);
    expect(pairs(matching.matches)).toEqual([
      [1, 0, "id"],
      [0, 1, "id"],
    ]);
    expect(matching.removed).toEqual([]);
    expect(matching.added).toEqual([]);
  });

  it("lets an id match win over a closer wording", () => {
    const before: Item[] = [{ id: "a", text: "alpha beta gamma delta" }];
    const after: Item[] = [
      { id: "a", text: "one two three" },
      { id: "c", text: "alpha beta gamma delta" },
    ];
    const matching = matchItems(before, after, textOf, 0.5, idOf);
    expect(pairs(matching.matches)).toEqual([[0, 0, "id"]]);
    expect(matching.added).toEqual([1]);
  });

  it("then pairs items whose ids differ by wording, when at least as alike as the threshold", () => {
    const before: Item[] = [{ id: "mesf-workshop-viet-nam", text: "Hold an APEC Major Events Security Framework Workshop in Viet Nam" }];
    const after: Item[] = [{ id: "mesf-workshop", text: "Hold an APEC Major Events Security Framework Workshop in Port Moresby" }];
    const matching = matchItems(before, after, textOf, 0.5, idOf);
    expect(pairs(matching.matches)).toEqual([[0, 0, "similarity"]]);
    expect(matching.removed).toEqual([]);
    expect(matching.added).toEqual([]);
  });

  it("leaves items alike to nothing as removed and added", () => {
    const before: Item[] = [
      { id: "keep", text: "Hold the first meeting" },
      { id: "tourism", text: "Hold a workshop on tourism security in Bali" },
    ];
    const after: Item[] = [
      { id: "keep", text: "Hold the first meeting" },
      { id: "cve", text: "Policy dialogue on countering violent extremism online" },
    ];
    const matching = matchItems(before, after, textOf, 0.5, idOf);
    expect(pairs(matching.matches)).toEqual([[0, 0, "id"]]);
    expect(matching.removed).toEqual([1]);
    expect(matching.added).toEqual([1]);
  });

  it("respects a higher threshold: a reworded item becomes a removal and an addition", () => {
    const before: Item[] = [{ text: "Hold a workshop in Lima in March" }];
    const after: Item[] = [{ text: "Hold a workshop in Lima in April" }]; // 12/14 ≈ 0.86 alike
    expect(pairs(matchItems(before, after, textOf, 0.85).matches)).toEqual([[0, 0, "similarity"]]);
    const strict = matchItems(before, after, textOf, 0.9);
    expect(strict.matches).toEqual([]);
    expect(strict.removed).toEqual([0]);
    expect(strict.added).toEqual([0]);
  });

  it("pairs the most alike items first, not the first ones it meets", () => {
    const before = ["alpha beta gamma delta", "epsilon zeta eta theta"].map((text) => ({ text }));
    const after = ["epsilon zeta eta iota", "alpha beta gamma kappa"].map((text) => ({ text }));
    expect(pairs(matchItems(before, after, textOf, 0.5).matches)).toEqual([
      [1, 0, "similarity"],
      [0, 1, "similarity"],
    ]);
  });

  it("pairs equal lists without ids in place", () => {
    const items = ["Human Security", "Human Security", "Secure Trade"].map((text) => ({ text }));
    expect(pairs(matchItems(items, items, textOf, 0.5).matches)).toEqual([
      [0, 0, "similarity"],
      [1, 1, "similarity"],
      [2, 2, "similarity"],
    ]);
  });

  it("compares the text the caller gives, so a year shift can apply before matching", () => {
    const before = [{ text: "Session 2017" }];
    const after = [{ text: "Session 2018" }];
    expect(matchItems(before, after, textOf, 0.99).matches).toEqual([]);
    expect(matchItems(before, after, (item) => item.text.replace("2017", "2018"), 0.99).matches).toHaveLength(1);
  });
});

describe("movedMatches", () => {
  const ids = (list: string) => list.split("").map((id) => ({ id, text: `item ${id}` }));
  const moved = (from: string, to: string) => {
    const matching = matchItems(ids(from), ids(to), textOf, 0.99, idOf);
    return [...movedMatches(matching.matches)].map((m) => [m.before, m.after]);
  };

  it("reports only the item that moved up, not those it jumped over", () => {
    expect(moved("abcde", "adbce")).toEqual([[3, 1]]);
    expect(moved("abcde", "eabcd")).toEqual([[4, 0]]);
  });

  it("reports only the item that moved down", () => {
    expect(moved("abcde", "bcdea")).toEqual([[0, 4]]);
  });

  it("reports nothing for an unchanged order", () => {
    expect(moved("abcde", "abcde")).toEqual([]);
  });

  it("reports nothing when items were only removed and added around the others", () => {
    // Every index shifts, the order does not.
    expect(moved("abcde", "xbdyez")).toEqual([]);
  });

  it("reports nothing for no matches", () => {
    expect(movedMatches([]).size).toBe(0);
  });
});
