import type { ColumnField } from "../model/document-shape.js";
import { compileTemplates } from "./handlebars-env.js";
import type { OutputFormat } from "./format.js";
import type { BlockView, ListItemView, PlanRowView, Run, WorkplanView } from "./view.js";

/** One self-contained HTML file: styles inline, no scripts, no external loads; Handlebars escapes every field. */
export const html: OutputFormat = {
  id: "html",
  extension: "html",
  render: (view) => renderTemplate()(htmlView(view)),
};

let template: ((view: object) => string) | undefined;
const renderTemplate = () => (template ??= compileTemplates("html", { escape: true }));

/** A block of a table cell: a cited source (underlined), a paragraph or a list; exactly one is set. */
interface CellBlock {
  cite: Run[] | null;
  paragraph: Run[] | null;
  list: ListItemView[] | null;
}

/** A cell as the template prints it: the row's header (its title), or the blocks of a data cell. */
interface Cell {
  header: Run[] | null;
  blocks: CellBlock[];
}

/** The view with each row laid out as the layout's columns, and the steps' list style as flags. */
function htmlView(view: WorkplanView) {
  const { introduction, plans, cover } = view;
  return {
    ...view,
    // Why flags: a cover without a symbol and an agenda item, or without a meeting, prints no empty row for them.
    coverTop: Boolean(cover.symbol || cover.agendaItem),
    coverBottom: Boolean(cover.forumDocNo || cover.meeting),
    introduction: introduction && {
      ...introduction,
      stepsOrdered: introduction.stepsStyle !== "bullet",
      stepsLettered: introduction.stepsStyle === "letter",
    },
    plans: plans && {
      ...plans,
      rows: plans.rows.map((row) => ({ id: row.id, cells: plans.columns.map((column) => cellOf(row, column.field)) })),
    },
  };
}

function cellOf(row: PlanRowView, field: ColumnField): Cell {
  const data = (blocks: CellBlock[]): Cell => ({ header: null, blocks });
  const blocks = (content: readonly BlockView[]) => content.map((block) => ({ cite: null, ...block }));
  const paragraph = (runs: Run[]): CellBlock => ({ cite: null, paragraph: runs, list: null });
  switch (field) {
    case "title":
      return { header: row.title, blocks: [] };
    case "summary":
    case "collaboration":
      return data(blocks(row[field]));
    case "mandate":
      return data(row.mandate.flatMap((m) => [{ cite: m.source, paragraph: null, list: null }, ...blocks(m.text)]));
    case "priorities":
      return data(row.priorities.map(paragraph));
    case "owner":
    case "date":
    case "place":
      return data(row[field] ? [paragraph(row[field])] : []);
  }
}
