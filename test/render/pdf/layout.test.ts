import { describe, expect, it } from "vitest";
import type { Box, Page, TextLine } from "../../../src/render/pdf/page-plan.js";
import { LANDSCAPE } from "../../../src/render/pdf/page-writer.js";
import { TEMPLATE_COLUMNS } from "../../../src/model/document-shape.js";
import { workplan2017 } from "../../support/workplan.js";
import { lineText, longTable, overprinted, pageText, planFor, tallRow, textLines } from "./plans.js";

const isLandscape = (page: Page) => page.width > page.height;
/** Table pages: the landscape ones. Their header is the bold "Title" line near the top. */
const hasHeaderRow = (page: Page) => textLines(page).some((line) => lineText(line) === "Title" && line.segments[0]!.face === "bold");
const BOTTOM_MARGIN = 18 * (72 / 25.4);

describe("layoutDocument on the 2017 plan", () => {
  const plan = planFor(workplan2017());

  it("puts the cover on page 1, the body on A4 upright and the table on A4 across", () => {
    expect(plan.pages).toHaveLength(7);
    expect(plan.pages.map(isLandscape)).toEqual([false, false, false, false, false, true, true]);
    expect(pageText(plan.pages[0]!)).toContain("2017/SOM1/SCE-COW/002");
    expect(pageText(plan.pages[0]!)).toContain("Agenda Item: 7");
    expect(Math.round(plan.pages[0]!.width)).toBe(595);
    expect(Math.round(plan.pages[0]!.height)).toBe(842);
  });

  it("repeats the header row on every table page, tagged once and as artifacts after", () => {
    const tablePages = plan.pages.filter(isLandscape);
    expect(tablePages.every(hasHeaderRow)).toBe(true);
    const headerLines = plan.pages.flatMap(textLines).filter((line) => lineText(line) === "Title");
    expect(headerLines.map((line) => line.struct === null)).toEqual([false, true]);
  });

  it("keeps the template's five columns, their titles and their widths of 18, 32, 22, 12 and 16 per cent", () => {
    const page = plan.pages.find(isLandscape)!;
    const header = page.items.filter((item): item is Box => item.kind === "box" && item.fill !== null).slice(0, 5);
    const tableWidth = LANDSCAPE.width - LANDSCAPE.left - LANDSCAPE.right;
    expect(header.map((box) => box.width)).toEqual([0.18, 0.32, 0.22, 0.12, 0.16].map((fraction) => fraction * tableWidth));
    const firstLines = header.map(
      (box) => textLines(page).find((line) => Math.abs(line.x - box.x - 4) < 0.01 && Math.abs(line.y - box.y - 4) < 0.01)!,
    );
    expect(firstLines.map((line) => TEMPLATE_COLUMNS.find((column) => column.title.startsWith(lineText(line)))?.field)).toEqual(
      TEMPLATE_COLUMNS.map((column) => column.field),
    );
  });

  it("never splits a row that fits on a page", () => {
    for (const row of ["Hold an APEC Major Events Security Framework Capacity", "Hold a workshop on Safeguarding the Tourism"]) {
      const pages = plan.pages.filter((page) => pageText(page).includes(row));
      expect(pages).toHaveLength(1);
    }
  });

  it("numbers every page as an artifact", () => {
    plan.pages.forEach((page, i) => {
      const footer = textLines(page).find((line) => lineText(line) === `Page ${i + 1} of 7`);
      expect(footer?.struct).toBeNull();
      expect(footer?.artifact).toBe("Pagination");
    });
  });

  it("overprints nothing and keeps text inside the page", () => {
    for (const page of plan.pages) {
      expect(overprinted(page)).toEqual([]);
      for (const line of textLines(page)) {
        expect(line.x).toBeGreaterThanOrEqual(0);
        expect(line.x + line.segments.reduce((w, s) => Math.max(w, s.x + s.width), 0)).toBeLessThanOrEqual(page.width);
        expect(line.y + line.size).toBeLessThanOrEqual(page.height);
      }
    }
  });

  it("bookmarks the sections and the cross-cutting areas on the pages they start", () => {
    expect(plan.outline.map((entry) => [entry.level, entry.title])).toEqual([
      [1, "Introduction"],
      [2, "Secure Supply Chains"],
      [2, "Secure Travel"],
      [2, "Secure Finance"],
      [2, "Secure Infrastructure"],
      [1, "1. Expected Outcomes/Deliverables for 2017"],
      [1, "2. Itemized Work Plans for 2017"],
    ]);
    for (const entry of plan.outline) expect(pageText(plan.pages[entry.page]!)).toContain(entry.title);
  });

  it("builds a structure tree with headings, lists and a table of TH and TD", () => {
    const count = (type: string) => plan.structure.filter((node) => node.type === type).length;
    expect(count("H1")).toBe(1);
    expect(count("H2")).toBe(3);
    expect(count("H3")).toBe(4);
    expect(count("Table")).toBe(1);
    expect(plan.structure.filter((n) => n.type === "TH" && n.scope === "Column")).toHaveLength(TEMPLATE_COLUMNS.length);
    expect(plan.structure.filter((n) => n.type === "TH" && n.scope === "Row")).toHaveLength(7);
    expect(count("TD")).toBe(7 * 4);
    expect(count("LI")).toBeGreaterThan(30);
  });
});

describe("layoutDocument on long tables", () => {
  it("repeats the header on each of the pages a long table reaches", () => {
    const plan = planFor(longTable(5));
    const tablePages = plan.pages.filter(isLandscape);
    expect(tablePages.length).toBeGreaterThan(2);
    expect(tablePages.every(hasHeaderRow)).toBe(true);
  });

  it("breaks a row taller than a page between lines and continues it under a repeated header", () => {
    const plan = planFor(tallRow(12_000));
    const tablePages = plan.pages.filter(isLandscape);
    const withWords = tablePages.filter((page) => pageText(page).includes("word"));
    expect(withWords.length).toBeGreaterThan(1);
    expect(withWords.every(hasHeaderRow)).toBe(true);
    const placed = withWords.flatMap((page) => pageText(page).match(/word\d{4}/g) ?? []);
    expect(placed).toEqual(Array.from({ length: 1200 }, (_, i) => `word${String(i).padStart(4, "0")}`));
    for (const page of withWords) {
      expect(overprinted(page)).toEqual([]);
      const body = textLines(page).filter((line: TextLine) => line.struct !== null || line.artifact !== "Pagination");
      for (const line of body) expect(line.y + line.size).toBeLessThanOrEqual(page.height - BOTTOM_MARGIN + 0.01);
    }
  });

  it("breaks a word longer than a column instead of running off the page", () => {
    const workplan = structuredClone(workplan2017());
    workplan.deliverables[0]!.plan!.summary = ["x".repeat(400)];
    const plan = planFor(workplan);
    const page = plan.pages.find((p) => pageText(p).includes("xxxx"))!;
    const pieces = textLines(page).filter((line) => lineText(line).startsWith("xxx"));
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.map(lineText).join("")).toBe("x".repeat(400));
    expect(overprinted(page)).toEqual([]);
  });
});
