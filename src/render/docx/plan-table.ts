import {
  BorderStyle,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IBorderOptions,
} from "docx";
import type { ColumnField } from "../../model/document-shape.js";
import { columnShares } from "../column-shares.js";
import type { BlockView, PlanRowView, Run, WorkplanView } from "../view.js";
import type { DocxContext } from "./context.js";
import { LISTS } from "./numbering.js";
import { listParagraphs, markOf, textParagraph } from "./paragraphs.js";

const RULE: IBorderOptions = { style: BorderStyle.SINGLE, size: 6, color: "000000" };
const HEADER_FILL = "DFE6EE";

/**
 * The itemized table, set across a landscape page: its header row repeats on every page and a row
 * is never broken across two (unless it is taller than a page, which Word then breaks). Each row's
 * title is its header cell, in bold, as the PDF and HTML print it.
 */
export function planTable(plans: NonNullable<WorkplanView["plans"]>, context: DocxContext, tableWidth: number): Table {
  const widths = columnShares(plans.columns).map((share) => Math.floor(share * tableWidth));
  const cell = (children: Paragraph[], width: number, fill?: string) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      borders: { top: RULE, bottom: RULE, left: RULE, right: RULE },
      margins: { top: 60, bottom: 60, left: 80, right: 80 },
      ...(fill && { shading: { type: ShadingType.CLEAR, color: "auto", fill } }),
      // Word wants a paragraph in every cell, an empty one included.
      children: children.length ? children : [new Paragraph({ style: "TableText" })],
    });
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: plans.columns.map((column, i) =>
      cell([new Paragraph({ style: "TableHeading", children: [new TextRun(column.title)] })], widths[i]!, HEADER_FILL),
    ),
  });
  const rows = plans.rows.map((row) => {
    const mark = markOf(rowRuns(row), context).run;
    return new TableRow({
      cantSplit: true,
      ...(mark?.insertion && { insertion: mark.insertion }),
      ...(mark?.deletion && { deletion: mark.deletion }),
      children: plans.columns.map((column, i) => cell(cellParagraphs(row, column.field, context), widths[i]!)),
    });
  });
  return new Table({
    width: { size: tableWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [header, ...rows],
  });
}

/** Every run of a row, to tell a row that was added or dropped as a whole. */
function rowRuns(row: PlanRowView): Run[] {
  const ofBlocks = (blocks: readonly BlockView[]): Run[] =>
    blocks.flatMap(
      (b) =>
        b.paragraph ??
        b.list!.flatMap(function all(item): Run[] {
          return [...item.text, ...item.items.flatMap(all)];
        }),
    );
  return [
    ...row.title,
    ...ofBlocks(row.summary),
    ...row.mandate.flatMap((m) => [...m.source, ...ofBlocks(m.text)]),
    ...row.priorities.flat(),
    ...ofBlocks(row.collaboration),
    ...(row.owner ?? []),
    ...(row.date ?? []),
    ...(row.place ?? []),
  ];
}

function cellParagraphs(row: PlanRowView, field: ColumnField, context: DocxContext): Paragraph[] {
  const para = (runs: readonly Run[], style = "TableText", underline = false) => textParagraph(runs, context, { style }, { underline });
  const blocks = (content: readonly BlockView[]) =>
    content.flatMap((block) =>
      block.paragraph
        ? [para(block.paragraph)]
        : listParagraphs(block.list!, context, { reference: LISTS.cellBullets, instance: 0, style: "TableText" }),
    );
  switch (field) {
    case "title":
      return [para(row.title, "TableHeading")];
    case "summary":
    case "collaboration":
      return blocks(row[field]);
    case "mandate":
      return row.mandate.flatMap((m) => [para(m.source, "TableText", true), ...blocks(m.text)]);
    case "priorities":
      return row.priorities.map((p) => para(p));
    case "owner":
    case "date":
    case "place":
      return row[field] ? [para(row[field])] : [];
  }
}
