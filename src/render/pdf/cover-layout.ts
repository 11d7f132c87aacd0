import type { Metrics } from "../../fonts/fonts.js";
import { plainText, type Run, type WorkplanView } from "../view.js";
import { BODY_STYLE } from "./body-style.js";
import { offsetItems, textBoxes, type FlowBox, type StructureBuilder } from "./flow.js";
import type { PageWriter } from "./page-writer.js";
import { line } from "./single-line.js";

/**
 * The APEC meeting-document cover, printing only what the plan gives: symbol top left, agenda item
 * top right, a stamp above the organisation's box, the title and its facts centred, the forum
 * document number bottom left and the meeting in a box bottom right.
 */
export function layoutCover(view: WorkplanView, writer: PageWriter, metrics: Metrics, structure: StructureBuilder, parent: number): void {
  const { cover } = view;
  const g = writer.geometry;
  const width = writer.contentWidth;
  const section = structure.add("Sect", parent);
  const p = () => structure.add("P", section);
  const place = (boxes: FlowBox[], x: number, y: number): number => {
    for (const box of boxes) {
      writer.draw(offsetItems(box.items, x, y));
      y += box.height;
    }
    return y;
  };
  const topLine = (text: string, x: (textWidth: number) => number) =>
    writer.draw([line(text, "regular", 10, x(metrics.width(text, "regular", 10)), g.top, p(), metrics)]);

  if (view.statusMark) {
    const label = view.statusMark.toUpperCase();
    writer.draw([line(label, "bold", 12, (g.width - metrics.width(label, "bold", 12)) / 2, g.top - 30, p(), metrics)]);
  }
  if (cover.symbol) topLine(plainText(cover.symbol), () => g.left);
  if (cover.agendaItem) topLine(`Agenda Item: ${plainText(cover.agendaItem)}`, (textWidth) => g.width - g.right - textWidth);

  let stampBottom = g.top;
  if (cover.stamp) {
    const stamp = textBoxes([{ text: plainText(cover.stamp), face: "bold" }], width - 60, BODY_STYLE, metrics, {
      struct: p(),
      align: "center",
    });
    stampBottom = place(stamp, g.left + 30, cover.symbol || cover.agendaItem ? g.top + 22 : g.top) + 12;
  }

  const orgWidth = 150;
  const org = textBoxes([{ text: plainText(cover.organisation), face: "bold" }], orgWidth - 24, BODY_STYLE, metrics, {
    struct: p(),
    size: 13,
    lineHeight: 16,
  });
  const orgTop = Math.max(g.top + 40, stampBottom);
  const orgBottom = place(org, g.left + 12, orgTop + 10) + 10;
  writer.draw([{ kind: "box", x: g.left, y: orgTop, width: orgWidth, height: orgBottom - orgTop, stroke: 1.5, fill: null }]);

  const title = textBoxes([{ text: plainText(cover.title), face: "bold" }], width - 60, BODY_STYLE, metrics, {
    struct: p(),
    size: 16,
    lineHeight: 21,
    align: "center",
  });
  let y = place(title, g.left + 30, Math.max(300, orgBottom + 40)) + 18;
  for (const fact of coverFacts(cover)) {
    y = place(textBoxes([{ text: fact, face: "regular" }], width, BODY_STYLE, metrics, { struct: p(), align: "center" }), g.left, y) + 4;
  }

  if (cover.meeting) layoutMeetingBox(cover.meeting, writer, metrics, p(), place);
  if (cover.forumDocNo !== null) {
    writer.draw([line(`Forum Doc. No.: ${plainText(cover.forumDocNo)}`, "regular", 10, g.left, writer.bottom - 13, p(), metrics)]);
  }
}

/** The labelled facts under the cover's title, those the plan gives: purpose, submitter, the document's date. */
function coverFacts(cover: WorkplanView["cover"]): string[] {
  const facts: [string, Run[] | null][] = [
    ["Purpose", cover.purpose],
    ["Submitted by", cover.submittedBy],
    ["Date", cover.date],
  ];
  return facts.flatMap(([label, value]) => (value ? [`${label}: ${plainText(value)}`] : []));
}

/** The meeting the document is tabled at, in bold, centred in a box at the foot of the cover. */
function layoutMeetingBox(
  meeting: NonNullable<WorkplanView["cover"]["meeting"]>,
  writer: PageWriter,
  metrics: Metrics,
  struct: number,
  place: (boxes: FlowBox[], x: number, y: number) => number,
): void {
  const g = writer.geometry;
  const boxWidth = 220;
  const lines = [meeting.name, meeting.place, meeting.date].map(plainText);
  const boxes = lines.flatMap((text) =>
    textBoxes([{ text, face: "bold" }], boxWidth - 20, BODY_STYLE, metrics, { struct, size: 10, lineHeight: 13, align: "center" }),
  );
  const height = boxes.reduce((sum, box) => sum + box.height, 0) + 16;
  const top = writer.bottom - height;
  place(boxes, g.width - g.right - boxWidth + 10, top + 8);
  writer.draw([{ kind: "box", x: g.width - g.right - boxWidth, y: top, width: boxWidth, height, stroke: 1.5, fill: null }]);
}
