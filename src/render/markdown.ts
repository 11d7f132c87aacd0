import { compileTemplates } from "./handlebars-env.js";
import { blockToMarkdown, escapeHeading, escapeInline, headingToMarkdown, runsToMarkdown } from "./markdown-escape.js";
import type { OutputFormat } from "./format.js";
import type { BlockView, ListItemView, WorkplanView } from "./view.js";

/** A bullet as one Markdown line: its indentation and its escaped text. */
interface MarkdownLine {
  indent: string;
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
  return {
    draft: view.draft,
    annex: view.annex && {
      heading: escapeHeading(view.annex.heading),
      entries: view.annex.entries.map((entry) => ({ acronym: e(entry.acronym), name: e(entry.name) })),
    },
    cover: {
      organisation: r(view.cover.organisation),
      symbol: line(view.cover.symbol),
      agendaItem: r(view.cover.agendaItem),
      title: r(view.cover.title),
      purpose: r(view.cover.purpose),
      submittedBy: r(view.cover.submittedBy),
      forumDocNo: view.cover.forumDocNo === null ? null : r(view.cover.forumDocNo),
      meeting: { name: r(view.cover.meeting.name), place: line(view.cover.meeting.place), date: line(view.cover.meeting.date) },
    },
    title: headingToMarkdown(view.title),
    introduction: {
      heading: escapeHeading(view.introduction.heading),
      paragraphs: view.introduction.paragraphs.map((p) => blockToMarkdown(p)),
      steps: listLines(view.introduction.steps),
    },
    crossCutting: {
      lead: blockToMarkdown(view.crossCutting.lead),
      areas: view.crossCutting.areas.map((area) => ({ name: headingToMarkdown(area.name), activities: listLines(area.activities) })),
    },
    deliverables: {
      heading: escapeHeading(view.deliverables.heading),
      items: view.deliverables.items.map((item) => ({ number: item.number, text: runsToMarkdown(item.text) })),
    },
    plans: {
      heading: escapeHeading(view.plans.heading),
      columns: view.plans.columns.map(e),
      rows: view.plans.rows.map((row) => ({
        title: runsToMarkdown(row.title),
        summary: cell(row.summary),
        mandate: row.mandate
          .map((m) => [`<ins>${r(m.source)}</ins>`, cell(m.text)].filter(Boolean).join(CELL_BREAK))
          .join(CELL_PARAGRAPH),
        priorities: row.priorities.map((p) => r(p)).join(CELL_BREAK),
        collaboration: cell(row.collaboration),
      })),
    },
  };
}

function listLines(items: readonly ListItemView[], depth = 0): MarkdownLine[] {
  return items.flatMap((item) => [
    { indent: "  ".repeat(depth), text: blockToMarkdown(item.text) },
    ...listLines(item.items, depth + 1),
  ]);
}

// Why <br>: a GitHub table cell is one line of inline content, so paragraphs and bullets inside a
// cell are drawn with line breaks and bullet characters, which keeps the table one table.
const CELL_BREAK = "<br>";
const CELL_PARAGRAPH = "<br><br>";
const BULLETS = ["•", "◦", "▪"];

function cell(blocks: readonly BlockView[]): string {
  return blocks
    .map((block) => (block.paragraph ? runsToMarkdown(block.paragraph) : cellList(block.list ?? [], 0)))
    .join(CELL_PARAGRAPH);
}

function cellList(items: readonly ListItemView[], depth: number): string {
  return items
    .map((item) => {
      const line = `${"&nbsp;&nbsp;&nbsp;".repeat(depth)}${BULLETS[depth % BULLETS.length]} ${runsToMarkdown(item.text)}`;
      return item.items.length ? `${line}${CELL_BREAK}${cellList(item.items, depth + 1)}` : line;
    })
    .join(CELL_BREAK);
}
