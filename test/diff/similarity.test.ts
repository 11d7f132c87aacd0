import { describe, expect, it } from "vitest";
import { similarity } from "../../src/diff/similarity.js";

describe("similarity", () => {
  it("is 1 for equal texts, whatever their case, spacing and punctuation", () => {
    expect(similarity("Hold a workshop in Lima", "Hold a workshop in Lima")).toBe(1);
    expect(similarity("Hold a workshop, in Lima.", "hold  a WORKSHOP in lima")).toBe(1);
  });

  it("is 0 for texts with no word in common", () => {
    expect(similarity("Hold a workshop in Lima", "Elect new vice chair")).toBe(0);
  });

  it("is high but below 1 for a reworded text: the Dice coefficient of the words", () => {
    // 7 words a side, 6 shared: 2 × 6 / 14.
    const score = similarity("Hold a workshop in Lima in March", "Hold a workshop in Lima in April");
    expect(score).toBeCloseTo(12 / 14, 10);
    expect(score).toBeLessThan(1);
  });

  it("is low for a text that keeps only a few words", () => {
    // 6 and 6 words, "hold" and "a" shared: 4 / 12.
    expect(similarity("Hold a workshop on tourism security", "Hold a dialogue about online extremism")).toBeCloseTo(4 / 12, 10);
  });

  it("ignores word order and counts repeated words once per occurrence", () => {
    expect(similarity("security travel finance", "finance security travel")).toBe(1);
    // "the" ×3 against "the" ×1: one shared word out of four.
    expect(similarity("the the the", "the")).toBe(0.5);
  });

  it("is symmetric", () => {
    const a = "Conduct a review and assessment of the CTWG Strategic Plan 2013-2017";
    const b = "Implementation of the CTWG Strategic Plan 2018-2022 and review";
    expect(similarity(a, b)).toBe(similarity(b, a));
  });

  it("treats two texts without words as equal, and one without words as unlike any other", () => {
    expect(similarity("", "  ")).toBe(1);
    expect(similarity("", "Hold a workshop")).toBe(0);
  });
});
