import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlign,
  WidthType,
  type IBorderOptions,
} from "docx";
import type { Run, WorkplanView } from "../view.js";
import type { DocxContext } from "./context.js";
import { inline } from "./inline.js";
import { SIZE } from "./styles.js";

const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 12, color: "000000", space: 6 };
const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };

/**
 * The APEC meeting-document cover, as the PDF lays it out and printing only what the plan gives:
 * symbol top left and agenda item top right, a stamp, the organisation in a box, the title and its
 * facts centred, the forum document number bottom left and the meeting in a box bottom right.
 */
export function coverBlock(view: WorkplanView, context: DocxContext, contentWidth: number): (Paragraph | Table)[] {
  const { cover } = view;
  const text = (runs: readonly Run[], bold = false) => inline(runs, context, { bold });
  const out: (Paragraph | Table)[] = [];
  if (view.statusMark)
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ text: view.statusMark.toUpperCase(), bold: true, size: 24 })],
      }),
    );
  if (cover.symbol || cover.agendaItem) {
    out.push(
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: contentWidth }],
        children: [
          ...(cover.symbol ? text(cover.symbol) : []),
          ...(cover.agendaItem ? [new TextRun({ text: "\tAgenda Item: " }), ...text(cover.agendaItem)] : []),
        ],
      }),
    );
  }
  if (cover.stamp)
    out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240 }, children: text(cover.stamp, true) }));
  out.push(
    new Paragraph({
      spacing: { before: 480, after: 0 },
      indent: { left: 120, right: contentWidth - 3000 },
      border: { top: LINE, bottom: LINE, left: LINE, right: LINE },
      children: inline(cover.organisation, context, { bold: true, size: SIZE.organisation }),
    }),
  );
  out.push(new Paragraph({ style: "CoverTitle", children: text(cover.title, true) }));
  const facts: [string, Run[] | null][] = [
    ["Purpose", cover.purpose],
    ["Submitted by", cover.submittedBy],
    ["Date", cover.date],
  ];
  for (const [label, value] of facts)
    if (value) out.push(new Paragraph({ style: "CoverFact", children: [new TextRun(`${label}: `), ...text(value)] }));
  // The foot sits low on the page, under the facts, as the PDF sets it at the page's foot.
  if (cover.forumDocNo || cover.meeting)
    out.push(new Paragraph({ spacing: { before: 3000, after: 0 } }), coverFoot(view, context, contentWidth));
  return out;
}

/** The cover's foot: the forum document number on the left, the meeting's box on the right. */
function coverFoot(view: WorkplanView, context: DocxContext, contentWidth: number): Table {
  const { forumDocNo, meeting } = view.cover;
  const boxWidth = 4400;
  const cell = (children: Paragraph[], width: number, boxed: boolean) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      verticalAlign: VerticalAlign.BOTTOM,
      borders: boxed ? { top: LINE, bottom: LINE, left: LINE, right: LINE } : { top: NONE, bottom: NONE, left: NONE, right: NONE },
      margins: boxed ? { top: 120, bottom: 120, left: 120, right: 120 } : { top: 0, bottom: 0, left: 0, right: 0 },
      children,
    });
  const meetingLines = meeting ? [meeting.name, meeting.place, meeting.date] : [];
  return new Table({
    width: { size: contentWidth, type: WidthType.DXA },
    columnWidths: [contentWidth - boxWidth, boxWidth],
    borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
    rows: [
      new TableRow({
        children: [
          cell(
            [
              new Paragraph({
                spacing: { after: 0 },
                children: forumDocNo ? [new TextRun("Forum Doc. No.: "), ...inline(forumDocNo, context)] : [],
              }),
            ],
            contentWidth - boxWidth,
            false,
          ),
          meeting
            ? cell(
                meetingLines.map(
                  (line) =>
                    new Paragraph({
                      alignment: AlignmentType.CENTER,
                      spacing: { after: 0 },
                      children: inline(line, context, { bold: true, size: 20 }),
                    }),
                ),
                boxWidth,
                true,
              )
            : cell([new Paragraph({})], boxWidth, false),
        ],
      }),
    ],
  });
}
