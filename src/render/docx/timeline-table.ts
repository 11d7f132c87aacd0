import { BorderStyle, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType, type IBorderOptions } from "docx";
import type { TimelineView } from "../timeline.js";

const RULE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: "9AA5B1" };
const FIRM = "1F4E79";
const PALE = "A9C4E0";

/**
 * The timeline drawn as a table: a row an event, a column a month (a year, for a plan of several),
 * the months an event spans filled in; pale when it is to be confirmed or known only to the month.
 * Why a table and not a picture: Word and LibreOffice lay it out with the text, a reader can
 * search it, and it costs no image library.
 */
export function timelineTable(timeline: TimelineView, period: string, contentWidth: number): (Table | Paragraph)[] {
  const labelWidth = Math.round(contentWidth * 0.34);
  const columnWidth = Math.floor((contentWidth - labelWidth) / timeline.months.length);
  const cell = (children: Paragraph[], width: number, fill?: string) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      borders: { top: RULE, bottom: RULE, left: RULE, right: RULE },
      margins: { top: 20, bottom: 20, left: 40, right: 40 },
      ...(fill && { shading: { type: ShadingType.CLEAR, color: "auto", fill } }),
      children,
    });
  const small = (text: string, bold = false) =>
    new Paragraph({ style: "TableText", spacing: { after: 0 }, children: [new TextRun({ text, bold, size: 14 })] });
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [cell([small("")], labelWidth), ...timeline.months.map((month) => cell([small(month.label, true)], columnWidth))],
  });
  const rows = timeline.events.map(
    (event) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell([small(event.label)], labelWidth),
          ...timeline.months.map((month) => {
            const spans = event.x < month.x + month.width && event.x + event.width > month.x;
            return cell([small("")], columnWidth, spans ? (event.tentative ? PALE : FIRM) : undefined);
          }),
        ],
      }),
  );
  return [
    new Table({
      width: { size: labelWidth + columnWidth * timeline.months.length, type: WidthType.DXA },
      columnWidths: [labelWidth, ...timeline.months.map(() => columnWidth)],
      rows: [header, ...rows],
    }),
    new Paragraph({
      style: "Caption",
      children: [new TextRun(`Meetings and workshops in ${period}; pale: to be confirmed or known only to the month.`)],
    }),
  ];
}
