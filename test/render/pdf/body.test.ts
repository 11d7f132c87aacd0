import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import type { Box, Page, PagePlan, StructNode } from "../../../src/render/pdf/page-plan.js";
import { PORTRAIT } from "../../../src/render/pdf/page-writer.js";
import { pdf } from "../../../src/render/pdf.js";
import { buildView } from "../../../src/render/view.js";
import { lineText, overprinted, planFor, shaped, textLines } from "./plans.js";
import type { PlanData } from "../../support/workplan.js";

const CALLOUT = "Mission Statement: the CTWG helps economies keep trade and travel secure.";
const MM = 72 / 25.4;

/** The 2017 plan with a mission statement, steps marked by `style` (one of them with a nested item), and two groups of owned deliverables. */
const featured = (style: "number" | "letter", edit: (data: PlanData) => void = () => {}) =>
  shaped((data) => {
    data.document = { ...data.document, stepsStyle: style };
    data.introduction.callout = [{ em: "Mission Statement:" }, " the CTWG helps economies keep trade and travel secure."];
    data.introduction.steps = ["Meet twice.", { text: "Run workshops.", items: ["On travel."] }, "Report to SOM."];
    data.deliverables.forEach((deliverable: PlanData, i: number) => {
      deliverable.group = i < 3 ? "Capacity building" : "Implementation";
      if (i === 0) deliverable.owner = "Secure Travel network";
    });
    edit(data);
  });

const linesOf = (plan: PagePlan) => plan.pages.flatMap((page) => textLines(page).map((line) => ({ page, line, text: lineText(line) })));
const findLine = (plan: PagePlan, test: (text: string) => boolean) => linesOf(plan).find((entry) => test(entry.text))!;
const boxesOf = (page: Page) => page.items.filter((item): item is Box => item.kind === "box");
const childrenOf = (plan: PagePlan, node: StructNode) => plan.structure.filter((child) => child.parent === node.id);

describe("the introduction's callout", () => {
  const plan = planFor(featured("number"));
  const first = findLine(plan, (text) => text.startsWith("Mission Statement:"));
  const frame = boxesOf(first.page).find((box) => box.fill === "#f4f4f1")!;

  it("is framed: a 1 pt rule on a light ground around its text, 3 mm above and 5 mm beside it", () => {
    expect(frame).toMatchObject({ stroke: 1, fill: "#f4f4f1" });
    expect(first.text).toBe(CALLOUT);
    expect(first.line.x).toBeCloseTo(frame.x + 5 * MM);
    expect(first.line.y).toBeCloseTo(frame.y + 3 * MM);
    expect(first.line.y + first.line.size).toBeLessThan(frame.y + frame.height);
    expect(first.line.x + first.line.segments.at(-1)!.x + first.line.segments.at(-1)!.width).toBeLessThanOrEqual(
      frame.x + frame.width - 5 * MM + 0.01,
    );
  });

  it("comes after the heading and before the first paragraph, its frame drawn under the text", () => {
    const heading = findLine(plan, (text) => text === "Introduction");
    const paragraph = findLine(plan, (text) => text.startsWith("In 2016, APEC Leaders"));
    expect(paragraph.page).toBe(first.page);
    expect(heading.line.y + heading.line.size).toBeLessThan(frame.y);
    expect(frame.y + frame.height).toBeLessThan(paragraph.line.y);
    expect(first.page.items.indexOf(frame)).toBeLessThan(first.page.items.indexOf(first.line));
  });

  it("is a P inside a Div, with the statement's emphasis in italics", () => {
    const p = plan.structure[first.line.struct!]!;
    expect(p.type).toBe("P");
    expect(plan.structure[p.parent!]!.type).toBe("Div");
    expect(first.line.segments[0]).toMatchObject({ text: "Mission Statement:", face: "italic" });
  });

  it("goes on in a frame of its own when it is longer than a page, nothing outside the page", () => {
    const long = planFor(
      featured("number", (data) => (data.introduction.callout = Array.from({ length: 700 }, (_, i) => `word${i}`).join(" "))),
    );
    const frames = long.pages.flatMap((page) =>
      boxesOf(page)
        .filter((box) => box.fill === "#f4f4f1")
        .map((box) => ({ page, box })),
    );
    expect(frames.length).toBeGreaterThan(1);
    for (const { page, box } of frames) expect(box.y + box.height).toBeLessThanOrEqual(page.height - PORTRAIT.bottom + 0.01);
    const words = linesOf(long).flatMap((entry) => entry.text.match(/word\d+/g) ?? []);
    expect(words).toEqual(Array.from({ length: 700 }, (_, i) => `word${i}`));
  });
});

describe("the introduction's steps", () => {
  const labelsOf = (plan: PagePlan) => {
    const list = plan.structure.find((node) => node.type === "L")!;
    const labels = linesOf(plan).filter((entry) => entry.line.struct !== null && plan.structure[entry.line.struct]!.type === "Lbl");
    return { list, labels: labels.slice(0, 4).map((entry) => entry.text) };
  };

  it("are numbered 1. 2. 3. at the top level, the nested item keeping its bullet", () => {
    const { list, labels } = labelsOf(planFor(featured("number")));
    expect(labels).toEqual(["1.", "2.", "◦", "3."]);
    expect(list.numbering).toBe("Decimal");
  });

  it("are lettered (a) (b) (c) when the layout says so", () => {
    const { list, labels } = labelsOf(planFor(featured("letter")));
    expect(labels).toEqual(["(a)", "(b)", "◦", "(c)"]);
    expect(list.numbering).toBe("LowerAlpha");
  });

  it("hang their text clear of the widest label, inside the page, the nested item further in", () => {
    const plan = planFor(featured("letter"));
    const line = (text: string) => findLine(plan, (t) => t === text).line;
    const label = line("(b)");
    const text = line("Run workshops.");
    expect(label.x).toBeGreaterThanOrEqual(PORTRAIT.left);
    expect(label.x + label.segments[0]!.width).toBeLessThan(text.x);
    expect(line("On travel.").x).toBeGreaterThan(text.x);
    expect(line("(a)").x + line("(a)").segments[0]!.width).toBeCloseTo(label.x + label.segments[0]!.width);
    for (const page of plan.pages) expect(overprinted(page)).toEqual([]);
  });

  it("stay bullets by default", () => {
    const plan = planFor(shaped((data) => (data.introduction.steps = ["Meet twice.", "Report to SOM."])));
    expect(labelsOf(plan).labels.slice(0, 2)).toEqual(["•", "•"]);
    expect(labelsOf(plan).list.numbering).toBeUndefined();
  });
});

describe("the deliverables' groups and owners", () => {
  const plan = planFor(featured("number"));
  const groups = linesOf(plan).filter(
    (entry) =>
      entry.line.struct !== null &&
      plan.structure[entry.line.struct]!.type === "H3" &&
      ["Capacity building", "Implementation"].includes(entry.text),
  );

  it("print each group's heading once, bold and underlined, before its first item", () => {
    expect(groups.map((entry) => entry.text)).toEqual(["Capacity building", "Implementation"]);
    for (const entry of groups) expect(entry.line.segments.every((segment) => segment.face === "bold" && segment.underline)).toBe(true);
    const order = linesOf(plan).map((entry) => entry.text);
    const at = (text: string) => order.indexOf(text);
    expect(at("1.1")).toBeGreaterThan(at("Capacity building"));
    expect(at("1.3")).toBeLessThan(at("Implementation"));
    expect(at("1.4")).toBeGreaterThan(at("Implementation"));
    expect(
      plan.outline
        .filter((entry) => entry.level === 2)
        .map((entry) => entry.title)
        .slice(-2),
    ).toEqual(["Capacity building", "Implementation"]);
  });

  it("end the list before a heading and start a new one after it, so each L holds only LIs", () => {
    const document = plan.structure.find((node) => node.type === "Document")!;
    const heading = findLine(plan, (text) => text.startsWith("1. Expected Outcomes")).line.struct!;
    const after = childrenOf(plan, document)
      .filter((node) => node.id > heading)
      .slice(0, 4);
    expect(after.map((node) => node.type)).toEqual(["H3", "L", "H3", "L"]);
    expect(childrenOf(plan, after[1]!)).toHaveLength(3);
    for (const list of plan.structure.filter((node) => node.type === "L"))
      expect(childrenOf(plan, list).every((child) => child.type === "LI")).toBe(true);
  });

  it("print the owner in brackets after the item's text", () => {
    const body = findLine(plan, (text) => text.startsWith("Hold 9th Counter Terrorism")).line.struct;
    const text = linesOf(plan)
      .filter((entry) => entry.line.struct === body)
      .map((entry) => entry.text)
      .join(" ");
    expect(text).toBe(
      "Hold 9th Counter Terrorism Working Group (CTWG) Meeting in Nha Trang, Viet Nam 21-22 February (Lead: Secure Travel network)",
    );
    expect(linesOf(plan).filter((entry) => entry.text.includes("(Lead:"))).toHaveLength(1);
  });

  it("print neither label nor indent when the layout labels no item", () => {
    const unlabelled = planFor(featured("number", (data) => (data.document.itemLabel = "")));
    const item = findLine(unlabelled, (text) => text.startsWith("Hold 9th Counter Terrorism"));
    expect(item.line.x).toBeCloseTo(PORTRAIT.left);
    expect(linesOf(unlabelled).map((entry) => entry.text)).not.toContain("1.1");
    const li = unlabelled.structure[item.line.struct!]!.parent!;
    expect(childrenOf(unlabelled, unlabelled.structure[li]!).map((node) => node.type)).toEqual(["LBody"]);
  });
});

interface TreeNode {
  role?: string;
  children?: TreeNode[];
}

describe("the PDF of a plan with groups, a callout and numbered steps", () => {
  it("has a structure tree with no heading inside a list and the numbering on the steps' list", async () => {
    const bytes = (await pdf.render(buildView(featured("number")))) as Uint8Array;
    const document = await getDocument({ data: bytes.slice(), isEvalSupported: false, useSystemFonts: false }).promise;
    const misplaced: string[] = [];
    const walk = (node: TreeNode, inList: boolean) => {
      if (inList && node.role && !["LI", "Lbl", "LBody", "L", "P"].includes(node.role)) misplaced.push(node.role);
      if (node.role === "L")
        for (const child of node.children ?? []) if (child.role && child.role !== "LI") misplaced.push(`${child.role} in L`);
      for (const child of node.children ?? []) walk(child, inList || node.role === "L");
    };
    const roles = new Set<string>();
    const collect = (node: TreeNode) => {
      if (node.role) roles.add(node.role);
      node.children?.forEach(collect);
    };
    for (let n = 1; n <= document.numPages; n++) {
      const tree = (await (await document.getPage(n)).getStructTree()) as TreeNode;
      walk(tree, false);
      collect(tree);
    }
    expect(misplaced).toEqual([]);
    for (const role of ["Div", "H3", "L", "LI", "Lbl"]) expect(roles).toContain(role);
    const raw = Buffer.from(bytes).toString("latin1");
    expect(raw).toMatch(/\/O \/List\s*\/ListNumbering \/Decimal/);
  });
});
