import { describe, expect, it } from "vitest";
import { layoutDocument } from "../../../src/render/pdf/layout.js";
import type { Box, Page, PagePlan } from "../../../src/render/pdf/page-plan.js";
import { PORTRAIT } from "../../../src/render/pdf/page-writer.js";
import { buildView, type WorkplanView } from "../../../src/render/view.js";
import { workplan2017 } from "../../support/workplan.js";
import { lineText, metrics, overprinted, pageText, planFor, shaped, textLines } from "./plans.js";

const isLandscape = (page: Page) => page.width > page.height;
const boxes = (page: Page) => page.items.filter((item): item is Box => item.kind === "box");
const coverLines = (plan: PagePlan) => textLines(plan.pages[0]!).filter((line) => line.artifact !== "Pagination");
const STAMP = "Endorsed by the CTWG as at 9 October 2017";

/** The 2017 plan as a multi-year plan endorsed after its meeting: no symbol, agenda item or meeting; a stamp and a date instead. */
const endorsed = () =>
  shaped((data) => {
    delete data.cover.symbol;
    delete data.cover.agendaItem;
    delete data.cover.meeting;
    data.cover.stamp = STAMP;
    data.cover.date = "2017-10-09";
    delete data.year;
    data.period = "2018-2022";
  });

describe("the cover prints only what the plan gives", () => {
  it("has no symbol line, no agenda item label, no meeting box and no label without its value", () => {
    const plan = planFor(endorsed());
    const texts = coverLines(plan).map(lineText);
    expect(texts.join("\n")).not.toContain("Agenda Item");
    expect(texts.join("\n")).not.toContain("SCE-COW");
    expect(texts.join("\n")).not.toContain("Committee of the Whole");
    expect(texts.filter((text) => text.trim() === "" || /:\s*$/.test(text))).toEqual([]);
    expect(boxes(plan.pages[0]!)).toHaveLength(1);
  });

  it("prints the stamp in bold above the organisation's box, and the date under the facts", () => {
    const plan = planFor(endorsed());
    const lines = coverLines(plan);
    const stamp = lines.find((line) => lineText(line) === STAMP)!;
    expect(stamp.segments.every((segment) => segment.face === "bold")).toBe(true);
    const [organisation] = boxes(plan.pages[0]!);
    expect(stamp.y + stamp.size).toBeLessThan(organisation!.y);
    const submittedBy = lines.find((line) => lineText(line) === "Submitted by: CTWG Chair")!;
    const date = lines.find((line) => lineText(line) === "Date: 9 October 2017")!;
    expect(date.y).toBeGreaterThan(submittedBy.y);
    expect(overprinted(plan.pages[0]!)).toEqual([]);
  });

  it("leaves out purpose and submitter when the plan has neither", () => {
    const plan = planFor(
      shaped((data) => {
        delete data.cover.purpose;
        delete data.cover.submittedBy;
      }),
    );
    const text = pageText(plan.pages[0]!);
    expect(text).not.toContain("Purpose");
    expect(text).not.toContain("Submitted by");
    expect(text).toContain("Agenda Item: 7");
  });
});

describe("the sections print only when the plan has them", () => {
  it("prints no landscape page when no deliverable has a row of the table", () => {
    const plan = planFor(
      shaped((data) => {
        for (const deliverable of data.deliverables) delete deliverable.plan;
      }),
    );
    expect(plan.pages.some(isLandscape)).toBe(false);
    expect(plan.structure.some((node) => node.type === "Table")).toBe(false);
    expect(plan.outline.map((entry) => entry.title)).not.toContain("2. Itemized Work Plans for 2017");
  });

  it("prints no landscape page when the layout has no columns", () => {
    const plan = planFor(
      shaped((data) => {
        data.document = { columns: [] };
      }),
    );
    expect(plan.pages.some(isLandscape)).toBe(false);
  });

  it("prints neither introduction nor deliverables heading when the view has none, and keeps the timeline", () => {
    const view: WorkplanView = {
      ...buildView(workplan2017()),
      introduction: null,
      crossCutting: { lead: null, areas: [] },
      deliverables: null,
    };
    const plan = layoutDocument(view, metrics);
    const body = plan.pages
      .filter((page) => !isLandscape(page))
      .slice(1)
      .map(pageText)
      .join("\n");
    expect(body).not.toContain("Introduction");
    expect(body).not.toContain("Expected Outcomes");
    expect(plan.structure.filter((node) => node.type === "H2")).toHaveLength(1);
    expect(plan.structure.some((node) => node.type === "Figure")).toBe(true);
    expect(plan.pages.map(isLandscape)).toEqual([false, false, true, true]);
  });
});

describe("the itemized table's columns are data", () => {
  const columns = [
    { title: "Activity", field: "title" },
    { title: "Lead", field: "owner" },
    { title: "Timing", field: "date" },
  ];
  const plan = planFor(
    shaped((data) => {
      data.document = { columns };
      data.deliverables[0].owner = "Viet Nam";
    }),
  );
  const page = plan.pages.find(isLandscape)!;
  const header = boxes(page).filter((box) => box.fill !== null);

  it("lays out the columns in order, their titles as column headers", () => {
    expect(header).toHaveLength(3);
    const titles = header.map((box) =>
      lineText(textLines(page).find((line) => Math.abs(line.x - box.x - 4) < 0.01 && Math.abs(line.y - box.y - 4) < 0.01)!),
    );
    expect(titles).toEqual(["Activity", "Lead", "Timing"]);
    expect(plan.structure.filter((node) => node.type === "TH" && node.scope === "Column")).toHaveLength(3);
  });

  it("heads each row with its title and fills the other cells from the deliverable", () => {
    expect(plan.structure.filter((node) => node.type === "TH" && node.scope === "Row")).toHaveLength(7);
    const text = pageText(page);
    expect(text).toContain("Viet Nam");
    expect(text).toContain("21-22 February 2017");
    expect(text).not.toContain("Summary of Specific Plans");
    expect(overprinted(page)).toEqual([]);
  });

  it("gives the title a wide column and the short facts narrow ones, filling the width", () => {
    const [title, lead, timing] = header.map((box) => box.width);
    expect(title).toBeGreaterThan(lead! + 40);
    expect(lead).toBeCloseTo(timing!, 5);
    expect(title! + lead! + timing!).toBeCloseTo(page.width - header[0]!.x * 2, 5);
  });
});

describe("labels of other layouts", () => {
  it("hangs the items far enough for an 'Activity 8:' label, under a roman section number", () => {
    const plan = planFor(
      shaped((data) => {
        data.document = { numbering: "roman", itemLabel: "Activity {n}:" };
      }),
    );
    const page = plan.pages.find((p) => pageText(p).includes("Activity 8:"))!;
    expect(pageText(page)).toContain("I. Expected Outcomes/Deliverables for 2017");
    expect(overprinted(page)).toEqual([]);
  });

  it("prints no label and no indent when the layout labels no item", () => {
    const labels = (plan: PagePlan) => plan.structure.filter((node) => node.type === "Lbl").length;
    const plan = planFor(
      shaped((data) => {
        data.document = { itemLabel: "" };
      }),
    );
    expect(labels(planFor(workplan2017())) - labels(plan)).toBe(8);
    const first = plan.pages
      .filter((page) => !isLandscape(page))
      .flatMap(textLines)
      .find((line) => lineText(line).startsWith("Hold 9th Counter Terrorism"))!;
    expect(first.x).toBeCloseTo(PORTRAIT.left, 5);
  });
});
