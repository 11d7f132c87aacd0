import { listBoxes, offsetItems, StructureBuilder, textBoxes, toStyled, type FlowBox, type FlowStyle } from "./flow.js";
import type { FontFace, Metrics } from "../../fonts/fonts.js";
import type { PagePlan, PlacedItem, TextLine } from "./page-plan.js";
import { LANDSCAPE, PageWriter, PORTRAIT } from "./page-writer.js";
import { layoutTable } from "./table-layout.js";
import { timelineFigure } from "./timeline-figure.js";
import { plainText, type WorkplanView } from "../view.js";

export const BODY_STYLE: FlowStyle = { size: 11, lineHeight: 14.5, paragraphGap: 7, listIndent: 18, itemGap: 3.5 };
const FOOTER_SIZE = 9;

/**
 * View → page plan: the cover page, the body in A4 upright, the itemized table on A4 across,
 * then "Page N of M" footers (known exactly, since layout is done before anything is drawn).
 */
export function layoutDocument(view: WorkplanView, metrics: Metrics): PagePlan {
  const structure = new StructureBuilder();
  const document = structure.add("Document", null);
  const writer = new PageWriter();

  writer.newPage(PORTRAIT);
  layoutCover(view, writer, metrics, structure, document);

  writer.newPage(PORTRAIT);
  const width = writer.contentWidth;
  const heading = (text: string, type: "H1" | "H2" | "H3", bookmark: 1 | 2 | null, spaceBefore: number): FlowBox[] => {
    const size = type === "H1" ? 14 : type === "H2" ? 12 : 11;
    const boxes = textBoxes([{ text, face: "bold", underline: type === "H3" }], width, BODY_STYLE, metrics, {
      struct: structure.add(type, document),
      align: type === "H1" ? "center" : "left",
      size,
      lineHeight: size * 1.3,
      spaceBefore,
      keepWithNext: true,
    });
    if (bookmark && boxes[0]) boxes[0].bookmark = { title: text, level: bookmark };
    return boxes;
  };
  const paragraph = (runs: WorkplanView["crossCutting"]["lead"]) =>
    textBoxes(toStyled(runs), width, BODY_STYLE, metrics, { struct: structure.add("P", document), spaceBefore: BODY_STYLE.paragraphGap });

  writer.flow(heading(plainText(view.title), "H1", null, 0));
  writer.y += 10;
  writer.flow(heading(view.introduction.heading, "H2", 1, 12));
  for (const runs of view.introduction.paragraphs) writer.flow(paragraph(runs));
  writer.flow(listBoxes(view.introduction.steps, width, BODY_STYLE, metrics, structure, document, 0, BODY_STYLE.paragraphGap));
  writer.flow(paragraph(view.crossCutting.lead));
  for (const area of view.crossCutting.areas) {
    writer.flow(heading(plainText(area.name), "H3", 2, 12));
    writer.flow(listBoxes(area.activities, width, BODY_STYLE, metrics, structure, document, 0, 4));
  }

  writer.flow(heading(view.deliverables.heading, "H2", 1, 16));
  writer.flow(deliverableBoxes(view.deliverables.items, width, metrics, structure, document));
  if (view.timeline) writer.flow(timelineFigure(view.timeline, width, metrics, structure, document));

  writer.newPage(LANDSCAPE);
  const plansHeading = textBoxes([{ text: view.plans.heading, face: "bold" }], writer.contentWidth, BODY_STYLE, metrics, {
    struct: structure.add("H2", document),
    size: 12,
    lineHeight: 16,
  });
  if (plansHeading[0]) plansHeading[0].bookmark = { title: view.plans.heading, level: 1 };
  writer.flow(plansHeading);
  writer.y += 6;
  layoutTable(view.plans, writer, metrics, structure, document);

  if (view.annex) {
    writer.newPage(PORTRAIT);
    const heading = textBoxes([{ text: view.annex.heading, face: "bold" }], writer.contentWidth, BODY_STYLE, metrics, {
      struct: structure.add("H2", document),
      size: 12,
      lineHeight: 16,
      keepWithNext: true,
    });
    if (heading[0]) heading[0].bookmark = { title: view.annex.heading, level: 1 };
    writer.flow(heading);
    writer.flow(annexBoxes(view.annex.entries, writer.contentWidth, metrics, structure, document));
  }

  addFooters(writer, metrics);
  return { pages: writer.pages, structure: structure.nodes, outline: writer.outline };
}

/** The acronym annex as a two-column table: the acronym, then its full name hanging beside it. */
function annexBoxes(entries: { acronym: string; name: string }[], width: number, metrics: Metrics, structure: StructureBuilder, parent: number): FlowBox[] {
  const table = structure.add("Table", parent);
  const body = structure.add("TBody", table);
  const indent = 80;
  return entries.flatMap((entry) => {
    const row = structure.add("TR", body);
    const acronym = structure.add("TH", row, "Row");
    const boxes = textBoxes([{ text: entry.name, face: "regular" }], width, BODY_STYLE, metrics, { struct: structure.add("TD", row), indent, spaceBefore: 2 });
    boxes[0]?.items.unshift(line(entry.acronym, "bold", BODY_STYLE.size, 0, 0, acronym, metrics));
    return boxes;
  });
}

/** The numbered deliverables: "1.1" as the list label, the text hanging beside it. */
function deliverableBoxes(items: WorkplanView["deliverables"]["items"], width: number, metrics: Metrics, structure: StructureBuilder, parent: number): FlowBox[] {
  const list = structure.add("L", parent);
  const indent = 30;
  return items.flatMap((item, i) => {
    const li = structure.add("LI", list);
    const label = structure.add("Lbl", li);
    const boxes = textBoxes(toStyled(item.text), width, BODY_STYLE, metrics, {
      struct: structure.add("LBody", li),
      indent,
      spaceBefore: i === 0 ? 6 : 5,
    });
    boxes[0]?.items.unshift(line(item.number, "bold", BODY_STYLE.size, 0, 0, label, metrics));
    return boxes;
  });
}

/**
 * The APEC meeting-document cover: symbol top left, agenda item top right, the organisation in a
 * box, the title and its facts centred, the forum document number bottom left and the meeting in a
 * box bottom right.
 */
function layoutCover(view: WorkplanView, writer: PageWriter, metrics: Metrics, structure: StructureBuilder, parent: number): void {
  const cover = {
    symbol: plainText(view.cover.symbol),
    agendaItem: plainText(view.cover.agendaItem),
    organisation: plainText(view.cover.organisation),
    title: plainText(view.cover.title),
    purpose: plainText(view.cover.purpose),
    submittedBy: plainText(view.cover.submittedBy),
    forumDocNo: view.cover.forumDocNo && plainText(view.cover.forumDocNo),
    meeting: { name: plainText(view.cover.meeting.name), place: plainText(view.cover.meeting.place), date: plainText(view.cover.meeting.date) },
  };
  const g = writer.geometry;
  const width = writer.contentWidth;
  const section = structure.add("Sect", parent);
  const p = () => structure.add("P", section);
  const style = BODY_STYLE;
  const place = (boxes: FlowBox[], x: number, y: number): number => {
    for (const box of boxes) {
      writer.draw(offsetItems(box.items, x, y));
      y += box.height;
    }
    return y;
  };

  if (view.draft) {
    const label = "DRAFT";
    writer.draw([line(label, "bold", 12, (g.width - metrics.width(label, "bold", 12)) / 2, g.top - 30, p(), metrics)]);
  }
  writer.draw([line(cover.symbol, "regular", 10, g.left, g.top, p(), metrics)]);
  const agenda = `Agenda Item: ${cover.agendaItem}`;
  writer.draw([line(agenda, "regular", 10, g.width - g.right - metrics.width(agenda, "regular", 10), g.top, p(), metrics)]);

  const orgWidth = 150;
  const org = textBoxes([{ text: cover.organisation, face: "bold" }], orgWidth - 24, style, metrics, { struct: p(), size: 13, lineHeight: 16 });
  const orgTop = g.top + 40;
  const orgBottom = place(org, g.left + 12, orgTop + 10) + 10;
  writer.draw([{ kind: "box", x: g.left, y: orgTop, width: orgWidth, height: orgBottom - orgTop, stroke: 1.5, fill: null }]);

  const title = textBoxes([{ text: cover.title, face: "bold" }], width - 60, style, metrics, { struct: p(), size: 16, lineHeight: 21, align: "center" });
  let y = place(title, g.left + 30, 300) + 18;
  for (const fact of [`Purpose: ${cover.purpose}`, `Submitted by: ${cover.submittedBy}`]) {
    y = place(textBoxes([{ text: fact, face: "regular" }], width, style, metrics, { struct: p(), align: "center" }), g.left, y) + 4;
  }

  const boxWidth = 220;
  const meetingLines = [cover.meeting.name, cover.meeting.place, cover.meeting.date];
  const meetingStruct = p();
  const meeting = meetingLines.flatMap((text) =>
    textBoxes([{ text, face: "bold" }], boxWidth - 20, style, metrics, { struct: meetingStruct, size: 10, lineHeight: 13, align: "center" }),
  );
  const meetingHeight = meeting.reduce((sum, box) => sum + box.height, 0) + 16;
  const boxTop = writer.bottom - meetingHeight;
  place(meeting, g.width - g.right - boxWidth + 10, boxTop + 8);
  writer.draw([{ kind: "box", x: g.width - g.right - boxWidth, y: boxTop, width: boxWidth, height: meetingHeight, stroke: 1.5, fill: null }]);
  if (cover.forumDocNo !== null) {
    writer.draw([line(`Forum Doc. No.: ${cover.forumDocNo}`, "regular", 10, g.left, writer.bottom - 13, p(), metrics)]);
  }
}

/** A single line of text at a position, not wrapped. */
function line(text: string, face: FontFace, size: number, x: number, y: number, struct: number | null, metrics: Metrics): TextLine {
  return { kind: "text", x, y, size, struct, segments: [{ text, face, underline: false, x: 0, width: metrics.width(text, face, size) }] };
}

function addFooters(writer: PageWriter, metrics: Metrics): void {
  const total = writer.pages.length;
  writer.pages.forEach((page, i) => {
    const text = `Page ${i + 1} of ${total}`;
    const footer: PlacedItem = {
      ...line(text, "regular", FOOTER_SIZE, (page.width - metrics.width(text, "regular", FOOTER_SIZE)) / 2, page.height - 34, null, metrics),
      artifact: "Pagination",
    };
    page.items.push(footer);
  });
}
