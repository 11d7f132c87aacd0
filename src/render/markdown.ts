import { compileTemplates } from "./handlebars-env.js";
import { orderedMarker } from "./list-marker.js";
import { blockToMarkdown, escapeHeading, escapeInline, headingToMarkdown, runsToMarkdown } from "./markdown-escape.js";
import type { OutputFormat } from "./format.js";
import type { ColumnField, ListStyle } from "../model/document-shape.js";
import type { BlockView, ListItemView, PlanRowView, Run, WorkplanView } from "./view.js";

/** A bullet as one Markdown line: its indentation and its escaped text. */
interface MarkdownLine {
  indent: string;
  marker: string;
  text: string;
}

/**
 * GitHub-flavoured Markdown. Every string is escaped here, before the template sees it, and the
 * template runs without HTML escaping: Markdown has its own rules, and `&amp;` would print as is.
 */
export const markdown: OutputFormat = {
  id: "md",
  extension: "md",
  render: (view) => renderTemplate()(markdownView(view)),
};

let template: ((view: object) => string) | undefined;
const renderTemplate = () => (template ??= compileTemplates("markdown", { escape: false }));

function markdownView(view: WorkplanView) {
  const e = escapeInline;
  const r = runsToMarkdown;
  const line = blockToMarkdown;
  const { cover } = view;
  const optional = (runs: Run[] | null, format: (runs: Run[]) => string = r) => (runs === null ? null : format(runs));
  // Why joined here: the template must not print an empty label for a field a plan leaves out.
  const top = [cover.symbol && line(cover.symbol), cover.agendaItem && `Agenda Item: ${r(cover.agendaItem)}`].filter(Boolean).join(" · ");
  const facts = [
    cover.purpose && `Purpose: ${r(cover.purpose)}`,
    cover.submittedBy && `Submitted by: ${r(cover.submittedBy)}`,
    cover.forumDocNo && `Forum Doc. No.: ${r(cover.forumDocNo)}`,
    cover.date && `Date: ${r(cover.date)}`,
  ].filter(Boolean);
  return {
    statusMark: view.statusMark?.toUpperCase() ?? null,
    annex: view.annex && {
      heading: escapeHeading(view.annex.heading),
      entries: view.annex.entries.map((entry) => ({ acronym: e(entry.acronym), name: e(entry.name) })),
    },
    cover: {
      stamp: optional(cover.stamp),
      organisation: r(cover.organisation),
      top: top || null,
      title: r(cover.title),
      facts: facts.length ? facts.join("\\\n") : null,
      meeting: cover.meeting && { name: r(cover.meeting.name), place: line(cover.meeting.place), date: line(cover.meeting.date) },
    },
    title: headingToMarkdown(view.title),
    introduction: view.introduction && {
      heading: escapeHeading(view.introduction.heading),
      callout: optional(view.introduction.callout, blockToMarkdown),
      paragraphs: view.introduction.paragraphs.map((p) => blockToMarkdown(p)),
      steps: listLines(view.introduction.steps, 0, view.introduction.stepsStyle),
    },
    crossCutting: {
      lead: optional(view.crossCutting.lead, blockToMarkdown),
      areas: view.crossCutting.areas.map((area) => ({ name: headingToMarkdown(area.name), activities: listLines(area.activities) })),
    },
    deliverables: view.deliverables && {
      heading: escapeHeading(view.deliverables.heading),
      labelled: view.deliverables.labelled,
      items: view.deliverables.items.map((item) => ({
        number: e(item.number),
        text: runsToMarkdown(item.text),
        owner: optional(item.owner),
        group: optional(item.group, headingToMarkdown),
      })),
    },
    plans: view.plans && {
      heading: escapeHeading(view.plans.heading),
      columns: view.plans.columns.map((column) => e(column.title)),
      rows: view.plans.rows.map((row) => view.plans!.columns.map((column) => cellText(row, column.field))),
    },
  };
}

/** What one cell of a row prints, as one line of Markdown. */
function cellText(row: PlanRowView, field: ColumnField): string {
  const r = runsToMarkdown;
  switch (field) {
    case "title":
      return r(row.title);
    case "summary":
      return cell(row.summary);
    case "mandate":
      return row.mandate.map((m) => [`<ins>${r(m.source)}</ins>`, cell(m.text)].filter(Boolean).join(CELL_BREAK)).join(CELL_PARAGRAPH);
    case "priorities":
      return row.priorities.map((p) => r(p)).join(CELL_BREAK);
    case "collaboration":
      return cell(row.collaboration);
    case "owner":
    case "date":
    case "place":
      return row[field] ? r(row[field]) : "";
  }
}

/** A list as Markdown lines; a numbered or lettered list marks its top level so, its nested items with bullets. */
function listLines(items: readonly ListItemView[], depth = 0, style: ListStyle = "bullet"): MarkdownLine[] {
  return items.flatMap((item, i) => [
    { indent: "  ".repeat(depth), marker: marker(style, i), text: blockToMarkdown(item.text) },
    ...listLines(item.items, depth + 1),
  ]);
}

// Why "(a)" after a bullet: Markdown has no lettered list, so the letter is the item's first word.
const marker = (style: ListStyle, index: number) =>
  style === "letter" ? `- ${orderedMarker(style, index)}` : (orderedMarker(style, index) ?? "-");

// Why <br>: a GitHub table cell is one line of inline content, so paragraphs and bullets inside a
// cell are drawn with line breaks and bullet characters, which keeps the table one table.
const CELL_BREAK = "<br>";
const CELL_PARAGRAPH = "<br><br>";
const BULLETS = ["•", "◦", "▪"];

function cell(blocks: readonly BlockView[]): string {
  return blocks.map((block) => (block.paragraph ? runsToMarkdown(block.paragraph) : cellList(block.list ?? [], 0))).join(CELL_PARAGRAPH);
}

function cellList(items: readonly ListItemView[], depth: number): string {
  return items
    .map((item) => {
      const line = `${"&nbsp;&nbsp;&nbsp;".repeat(depth)}${BULLETS[depth % BULLETS.length]} ${runsToMarkdown(item.text)}`;
      return item.items.length ? `${line}${CELL_BREAK}${cellList(item.items, depth + 1)}` : line;
    })
    .join(CELL_BREAK);
}
