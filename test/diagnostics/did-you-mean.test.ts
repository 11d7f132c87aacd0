import { describe, expect, it } from "vitest";
import { didYouMean, editDistance } from "../../src/diagnostics/did-you-mean.js";

describe("editDistance", () => {
  it("counts insertions, deletions and substitutions", () => {
    expect(editDistance("", "")).toBe(0);
    expect(editDistance("abc", "abc")).toBe(0);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("abc", "")).toBe(3);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("submitedBy", "submittedBy")).toBe(1);
    expect(editDistance("Consideraton", "Consideration")).toBe(1);
    expect(editDistance("flaw", "lawn")).toBe(2);
  });

  it("is symmetric and case-sensitive", () => {
    expect(editDistance("sunday", "saturday")).toBe(3);
    expect(editDistance("saturday", "sunday")).toBe(3);
    expect(editDistance("Title", "title")).toBe(1);
  });

  it("counts a swap of two letters as two edits", () => {
    expect(editDistance("tilte", "title")).toBe(2);
  });
});

describe("didYouMean", () => {
  const coverKeys = ["organisation", "symbol", "agendaItem", "title", "purpose", "submittedBy", "forumDocNo", "meeting"];

  it("suggests the closest candidate within two edits", () => {
    expect(didYouMean("submitedBy", coverKeys)).toBe("submittedBy");
    expect(didYouMean("tilte", coverKeys)).toBe("title");
    expect(didYouMean("agendaItm", coverKeys)).toBe("agendaItem");
  });

  it("ignores case but returns the candidate as spelled", () => {
    expect(didYouMean("AGENDAITEM", coverKeys)).toBe("agendaItem");
    expect(didYouMean("consideraton", ["Information", "Consideration", "Endorsement"])).toBe("Consideration");
  });

  it("stops at two edits", () => {
    expect(didYouMean("sumitedBy", coverKeys)).toBe("submittedBy"); // two insertions
    expect(didYouMean("smitedBy", coverKeys)).toBeUndefined(); // three
  });

  it("suggests nothing for unrelated words or an empty list", () => {
    expect(didYouMean("colour", coverKeys)).toBeUndefined();
    expect(didYouMean("whatever", ["Information", "Consideration", "Endorsement", "Approval", "Discussion"])).toBeUndefined();
    expect(didYouMean("title", [])).toBeUndefined();
  });

  it("prefers the nearer of two candidates, whatever their order", () => {
    expect(didYouMean("metting", ["meeting", "setting"])).toBe("meeting");
    expect(didYouMean("meetng", ["meetings", "meeting"])).toBe("meeting");
    expect(didYouMean("meetng", ["meeting", "meetings"])).toBe("meeting");
  });
});
