import { columnShares } from "../column-shares.js";
import { blockBoxes, offsetItems, stackHeight, textBoxes, toStyled, type FlowBox, type FlowStyle, type StructureBuilder } from "./flow.js";
import type { Metrics } from "../../fonts/fonts.js";
import type { ColumnField } from "../../model/document-shape.js";
import type { PlacedItem } from "./page-plan.js";
import type { PageWriter } from "./page-writer.js";
import type { PlanRowView, Run, WorkplanView } from "../view.js";

export const CELL_STYLE: FlowStyle = { size: 9, lineHeight: 11.5, paragraphGap: 4, listIndent: 10, itemGap: 2 };
const PADDING = 4;
const BORDER = 0.75;
const HEADER_FILL = "#dfe6ee";

type Plans = NonNullable<WorkplanView["plans"]>;
type Cells = FlowBox[][];

/**
 * Lays out the itemized table from the writer's position. A row that fits on a page is never split:
 * it moves to the next page, under a repeated header row. A row taller than a page is split between
 * lines, and continues under the repeated header. Repeated headers are artifacts, so the structure
 * tree holds the header once.
 */
export function layoutTable(plans: Plans, writer: PageWriter, metrics: Metrics, structure: StructureBuilder, parent: number): void {
  const widths = columnWidths(plans.columns, writer.contentWidth);
  const inner = widths.map((width) => width - 2 * PADDING);
  const table = structure.add("Table", parent);

  const headerCells = (tagged: boolean): Cells => {
    const row = tagged ? structure.add("TR", structure.add("THead", table)) : null;
    return plans.columns.map((column, i) => {
      const th = row === null ? null : structure.add("TH", row, { scope: "Column" });
      return textBoxes([{ text: column.title, face: "bold" }], inner[i]!, CELL_STYLE, metrics, { struct: th });
    });
  };
  const repeatedHeader = headerCells(false);
  const rowHeight = (cells: Cells) => Math.max(...cells.map(stackHeight)) + 2 * PADDING;
  const headerHeight = rowHeight(repeatedHeader);

  const drawRow = (cells: Cells, height: number, fill: string | null) => {
    let x = writer.geometry.left;
    const items: PlacedItem[] = [];
    cells.forEach((boxes, i) => {
      items.push({ kind: "box", x, y: writer.y, width: widths[i]!, height, stroke: BORDER, fill });
      let y = writer.y + PADDING;
      boxes.forEach((box, k) => {
        y += k === 0 ? 0 : box.spaceBefore;
        items.push(...offsetItems(box.items, x + PADDING, y));
        y += box.height;
      });
      x += widths[i]!;
    });
    writer.draw(items);
    writer.y += height;
  };
  const continueOnNewPage = () => {
    writer.newPage();
    drawRow(repeatedHeader, headerHeight, HEADER_FILL);
  };

  drawRow(headerCells(true), headerHeight, HEADER_FILL);
  const body = structure.add("TBody", table);
  const pageRoom = writer.bottom - writer.geometry.top - headerHeight;

  for (const row of plans.rows) {
    const tr = structure.add("TR", body);
    const cells: Cells = plans.columns.map((column, i) => cellBoxes(column.field, row, inner[i]!, metrics, structure, tr));
    let height = rowHeight(cells);
    if (writer.y + height <= writer.bottom) {
      drawRow(cells, height, null);
      continue;
    }
    if (height <= pageRoom) {
      continueOnNewPage();
      drawRow(cells, height, null);
      continue;
    }
    // Taller than a page: fill what is left of this one (if a few lines fit), then continue.
    let rest = cells;
    if (writer.bottom - writer.y < 2 * PADDING + 3 * CELL_STYLE.lineHeight) continueOnNewPage();
    for (;;) {
      const room = writer.bottom - writer.y - 2 * PADDING;
      const split = rest.map((boxes) => takeFitting(boxes, room));
      const taken = split.map(([head]) => head);
      rest = split.map(([, tail]) => tail);
      const done = rest.every((boxes) => boxes.length === 0);
      height = done ? rowHeight(taken) : writer.bottom - writer.y;
      drawRow(taken, height, null);
      if (done) break;
      continueOnNewPage();
    }
  }
}

/** Each column's width in points: its field's share of the table. */
function columnWidths(columns: Plans["columns"], tableWidth: number): number[] {
  return columnShares(columns).map((share) => share * tableWidth);
}

/** A row's cell for one column: the title heads the row (TH, scope Row), every other field is a TD. */
function cellBoxes(
  field: ColumnField,
  row: PlanRowView,
  width: number,
  metrics: Metrics,
  structure: StructureBuilder,
  tr: number,
): FlowBox[] {
  if (field === "title")
    return textBoxes(toStyled(row.title), width, CELL_STYLE, metrics, {
      struct: structure.add("P", structure.add("TH", tr, { scope: "Row" })),
    });
  const td = structure.add("TD", tr);
  switch (field) {
    case "summary":
      return blockBoxes(row.summary, width, CELL_STYLE, metrics, structure, td);
    case "mandate":
      return mandateBoxes(row.mandate, width, metrics, structure, td);
    case "priorities":
      return priorityBoxes(row.priorities, width, metrics, structure, td);
    case "collaboration":
      return blockBoxes(row.collaboration, width, CELL_STYLE, metrics, structure, td);
    case "owner":
    case "date":
    case "place":
      return factBoxes(row[field], width, metrics, structure, td);
  }
}

/** A short fact (owner, date, place) as one paragraph; an empty cell when the row has none. */
function factBoxes(fact: Run[] | null, width: number, metrics: Metrics, structure: StructureBuilder, td: number): FlowBox[] {
  return fact ? textBoxes(toStyled(fact), width, CELL_STYLE, metrics, { struct: structure.add("P", td) }) : [];
}

/** The leading boxes of a cell that fit in `room`, and the rest. Always takes one box, so a split makes progress. */
function takeFitting(boxes: readonly FlowBox[], room: number): [FlowBox[], FlowBox[]] {
  let used = 0;
  let count = 0;
  for (const [i, box] of boxes.entries()) {
    const next = used + box.height + (i === 0 ? 0 : box.spaceBefore);
    if (next > room && count > 0) break;
    used = next;
    count++;
  }
  const rest = boxes.slice(count);
  if (rest[0]) rest[0] = { ...rest[0], spaceBefore: 0 };
  return [boxes.slice(0, count), rest];
}

function mandateBoxes(
  mandate: PlanRowView["mandate"],
  width: number,
  metrics: Metrics,
  structure: StructureBuilder,
  td: number,
): FlowBox[] {
  return mandate.flatMap((entry, i) => [
    ...textBoxes(toStyled(entry.source, true), width, CELL_STYLE, metrics, {
      struct: structure.add("P", td),
      spaceBefore: i === 0 ? 0 : CELL_STYLE.paragraphGap,
    }),
    ...blockBoxes(entry.text, width, CELL_STYLE, metrics, structure, td).map((box, k) => (k === 0 ? { ...box, spaceBefore: 2 } : box)),
  ]);
}

function priorityBoxes(priorities: readonly Run[][], width: number, metrics: Metrics, structure: StructureBuilder, td: number): FlowBox[] {
  return priorities.flatMap((priority, i) =>
    textBoxes(toStyled(priority), width, CELL_STYLE, metrics, {
      struct: structure.add("P", td),
      spaceBefore: i === 0 ? 0 : CELL_STYLE.paragraphGap,
    }),
  );
}
