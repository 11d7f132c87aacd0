import { BODY_STYLE } from "./body-style.js";
import { layoutCover } from "./cover-layout.js";
import { listBoxes, offsetItems, stackHeight, StructureBuilder, textBoxes, toStyled, type FlowBox } from "./flow.js";
import { line } from "./single-line.js";
import type { Metrics } from "../../fonts/fonts.js";
import type { PagePlan, PlacedItem } from "./page-plan.js";
import { LANDSCAPE, PageWriter, PORTRAIT } from "./page-writer.js";
import { layoutTable } from "./table-layout.js";
import type { StyledRun } from "./text-layout.js";
import { timelineFigure } from "./timeline-figure.js";
import { plainText, type Run, type WorkplanView } from "../view.js";

const FOOTER_SIZE = 9;

type Deliverables = NonNullable<WorkplanView["deliverables"]>;

/**
 * View → page plan: the cover page, the body in A4 upright, the itemized table (if any) on A4
 * across, the annex (if any) upright again, then "Page N of M" footers (known exactly, since layout
 * is done before anything is drawn).
 */
export function layoutDocument(view: WorkplanView, metrics: Metrics): PagePlan {
  const structure = new StructureBuilder();
  const document = structure.add("Document", null);
  const writer = new PageWriter();

  writer.newPage(PORTRAIT);
  layoutCover(view, writer, metrics, structure, document);
  writer.newPage(PORTRAIT);
  layoutBody(view, writer, metrics, structure, document);
  if (view.plans) {
    writer.newPage(LANDSCAPE);
    writer.flow(sectionHeading(view.plans.heading, writer.contentWidth, metrics, structure, document, false));
    writer.y += 6;
    layoutTable(view.plans, writer, metrics, structure, document);
  }
  if (view.annex) {
    writer.newPage(PORTRAIT);
    writer.flow(sectionHeading(view.annex.heading, writer.contentWidth, metrics, structure, document, true));
    writer.flow(annexBoxes(view.annex.entries, writer.contentWidth, metrics, structure, document));
  }

  addFooters(writer, metrics);
  return { pages: writer.pages, structure: structure.nodes, outline: writer.outline };
}

/** The body in reading order: the title, the introduction, the cross-cutting areas, the deliverables and the timeline; each only when the plan has it. */
function layoutBody(view: WorkplanView, writer: PageWriter, metrics: Metrics, structure: StructureBuilder, document: number): void {
  const width = writer.contentWidth;
  const body: BodyContext = { width, metrics, structure, parent: document };
  const paragraph = (runs: Run[]) =>
    textBoxes(toStyled(runs), width, BODY_STYLE, metrics, { struct: structure.add("P", document), spaceBefore: BODY_STYLE.paragraphGap });

  writer.flow(headingBoxes(body, plainText(view.title), "H1", null, 0));
  writer.y += 10;
  if (view.introduction) {
    const { introduction } = view;
    writer.flow(headingBoxes(body, introduction.heading, "H2", 1, 12));
    if (introduction.callout) writer.flow(calloutBoxes(body, introduction.callout, writer.bottom - writer.geometry.top));
    for (const runs of introduction.paragraphs) writer.flow(paragraph(runs));
    if (introduction.steps.length) {
      writer.flow(
        listBoxes(introduction.steps, width, BODY_STYLE, metrics, structure, document, {
          spaceBefore: BODY_STYLE.paragraphGap,
          marker: introduction.stepsStyle,
        }),
      );
    }
  }
  if (view.crossCutting.lead) writer.flow(paragraph(view.crossCutting.lead));
  for (const area of view.crossCutting.areas) {
    writer.flow(headingBoxes(body, plainText(area.name), "H3", 2, 12));
    writer.flow(listBoxes(area.activities, width, BODY_STYLE, metrics, structure, document, { spaceBefore: 4 }));
  }
  if (view.deliverables) {
    writer.flow(headingBoxes(body, view.deliverables.heading, "H2", 1, 16));
    writer.flow(deliverableBoxes(body, view.deliverables));
  }
  if (view.timeline) writer.flow(timelineFigure(view.timeline, width, metrics, structure, document));
}

/** What the body's blocks share: the column's width, the fonts' metrics, the structure tree and the node they go under. */
interface BodyContext {
  width: number;
  metrics: Metrics;
  structure: StructureBuilder;
  parent: number;
}

/** A heading of the body, bold and kept with what follows: H1 centred, H2 larger, H3 underlined; bookmarked at `bookmark`'s level. */
function headingBoxes(body: BodyContext, text: string, type: "H1" | "H2" | "H3", bookmark: 1 | 2 | null, spaceBefore: number): FlowBox[] {
  const size = type === "H1" ? 14 : type === "H2" ? 12 : 11;
  const boxes = textBoxes([{ text, face: "bold", underline: type === "H3" }], body.width, BODY_STYLE, body.metrics, {
    struct: body.structure.add(type, body.parent),
    align: type === "H1" ? "center" : "left",
    size,
    lineHeight: size * 1.3,
    spaceBefore,
    keepWithNext: true,
  });
  if (bookmark && boxes[0]) boxes[0].bookmark = { title: text, level: bookmark };
  return boxes;
}

/** The callout's frame: a 1 pt rule on a light ground, 3 mm above and below the text and 5 mm beside it, as the HTML's. */
const CALLOUT = { stroke: 1, fill: "#f4f4f1", padY: 3 * (72 / 25.4), padX: 5 * (72 / 25.4) };

/**
 * The introduction's boxed statement, a P in a Div, its frame an artifact drawn under the text.
 * Why one box of flow per frame: a frame never splits across pages; a statement taller than a page
 * (`pageHeight`) goes on in a frame of its own on the next, so nothing runs off the page.
 */
function calloutBoxes(body: BodyContext, runs: Run[], pageHeight: number): FlowBox[] {
  const div = body.structure.add("Div", body.parent);
  const lines = textBoxes(toStyled(runs), body.width - 2 * CALLOUT.padX, BODY_STYLE, body.metrics, {
    struct: body.structure.add("P", div),
  });
  const perFrame = Math.max(1, Math.floor((pageHeight - 2 * CALLOUT.padY) / BODY_STYLE.lineHeight));
  const frames: FlowBox[] = [];
  for (let i = 0; i < lines.length; i += perFrame)
    frames.push(framed(lines.slice(i, i + perFrame), body.width, i === 0 ? BODY_STYLE.paragraphGap : 0));
  return frames;
}

/** Lines of text stacked inside a callout frame, as one box of flow. */
function framed(lines: readonly FlowBox[], width: number, spaceBefore: number): FlowBox {
  const height = stackHeight(lines) + 2 * CALLOUT.padY;
  const items: PlacedItem[] = [{ kind: "box", x: 0, y: 0, width, height, stroke: CALLOUT.stroke, fill: CALLOUT.fill }];
  let y = CALLOUT.padY;
  for (const line of lines) {
    items.push(...offsetItems(line.items, CALLOUT.padX, y));
    y += line.height;
  }
  return { height, spaceBefore, keepWithNext: false, items };
}

/** A section's heading at the top of its own page, bookmarked; the annex's keeps with its first entry. */
function sectionHeading(
  text: string,
  width: number,
  metrics: Metrics,
  structure: StructureBuilder,
  parent: number,
  keepWithNext: boolean,
): FlowBox[] {
  const boxes = textBoxes([{ text, face: "bold" }], width, BODY_STYLE, metrics, {
    struct: structure.add("H2", parent),
    size: 12,
    lineHeight: 16,
    keepWithNext,
  });
  if (boxes[0]) boxes[0].bookmark = { title: text, level: 1 };
  return boxes;
}

/** The acronym annex as a two-column table: the acronym, then its full name hanging beside it. */
function annexBoxes(
  entries: { acronym: string; name: string }[],
  width: number,
  metrics: Metrics,
  structure: StructureBuilder,
  parent: number,
): FlowBox[] {
  const table = structure.add("Table", parent);
  const body = structure.add("TBody", table);
  const indent = 80;
  return entries.flatMap((entry) => {
    const row = structure.add("TR", body);
    const acronym = structure.add("TH", row, { scope: "Row" });
    const boxes = textBoxes([{ text: entry.name, face: "regular" }], width, BODY_STYLE, metrics, {
      struct: structure.add("TD", row),
      indent,
      spaceBefore: 2,
    });
    boxes[0]?.items.unshift(line(entry.acronym, "bold", BODY_STYLE.size, 0, 0, acronym, metrics));
    return boxes;
  });
}

/**
 * The labelled deliverables: "1.1" or "Activity 1:" as the list label, the text hanging beside it
 * and its owner after it in brackets; no label column when the layout prints none. A group's
 * heading is an H3 between lists. Why end the list there: an L holds only LIs (and a caption), so a heading inside one breaks the tree.
 */
function deliverableBoxes(body: BodyContext, deliverables: Deliverables): FlowBox[] {
  const { width, metrics, structure } = body;
  const { items } = deliverables;
  const indent = deliverables.labelled
    ? labelIndent(
        items.map((item) => item.number),
        metrics,
      )
    : 0;
  let list: number | null = null;
  return items.flatMap((item, i) => {
    const heading = item.group ? headingBoxes(body, plainText(item.group), "H3", 2, i === 0 ? 10 : 14) : [];
    if (item.group || list === null) list = structure.add("L", body.parent);
    const li = structure.add("LI", list);
    const label = deliverables.labelled && item.number ? structure.add("Lbl", li) : null;
    const boxes = textBoxes(deliverableText(item), width, BODY_STYLE, metrics, {
      struct: structure.add("LBody", li),
      indent,
      spaceBefore: item.group ? 4 : i === 0 ? 6 : 5,
    });
    if (label !== null) boxes[0]?.items.unshift(line(item.number, "bold", BODY_STYLE.size, 0, 0, label, metrics));
    return [...heading, ...boxes];
  });
}

/** A deliverable's text, then its owner in brackets: "… (Lead: Secure Travel network)". */
function deliverableText(item: Deliverables["items"][number]): StyledRun[] {
  const text = toStyled(item.text);
  return item.owner ? [...text, { text: " (", face: "regular" }, ...toStyled(item.owner), { text: ")", face: "regular" }] : text;
}

/** How far item text hangs: 30 pt, or more when a label ("Activity 12:") is wider; none without labels. */
function labelIndent(labels: readonly string[], metrics: Metrics): number {
  if (labels.every((label) => label === "")) return 0;
  const widest = Math.max(...labels.map((label) => metrics.width(label, "bold", BODY_STYLE.size)));
  return Math.max(30, Math.ceil(widest + 8));
}

function addFooters(writer: PageWriter, metrics: Metrics): void {
  const total = writer.pages.length;
  writer.pages.forEach((page, i) => {
    const text = `Page ${i + 1} of ${total}`;
    const footer: PlacedItem = {
      ...line(
        text,
        "regular",
        FOOTER_SIZE,
        (page.width - metrics.width(text, "regular", FOOTER_SIZE)) / 2,
        page.height - 34,
        null,
        metrics,
      ),
      artifact: "Pagination",
    };
    page.items.push(footer);
  });
}
