import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { NO_PAINT } from "../../src/diagnostics/formatters/formatter.js";
import { diffWorkplans } from "../../src/diff/diff-workplans.js";
import { formatDiffHtml } from "../../src/diff/formats/html.js";
import { formatDiffMarkdown } from "../../src/diff/formats/markdown.js";
import type { Workplan } from "../../src/model/schema.js";
import { compile, data2017, toYaml, workplan2017 } from "../support/workplan.js";

/** Everything that could break out of a table cell, a list item or the comment itself. */
const HOSTILE = "a | b <script>alert(1)</script> *bold* `code`\nnext line";
const IMG = "<img src=x onerror=alert(2)>";
/** The raw HTML ctwg itself writes into a Markdown diff. */
const OWN_TAGS = ["ins", "del", "details", "summary", "strong"];

const plan = (data: unknown): Workplan => {
  const { workplan, diagnostics } = compile(toYaml(data));
  if (!workplan) throw new Error(`hostile plan does not validate: ${JSON.stringify(diagnostics, null, 2)}`);
  return workplan;
};

/** Hostile text in a changed step, a changed deliverable (short: not folded) and a new deliverable. */
function hostilePlan(): Workplan {
  const data = data2017();
  data.introduction.steps[0] = `${data.introduction.steps[0]} ${HOSTILE} ${IMG}`;
  data.deliverables[4].text = `Agree on ${HOSTILE} ${IMG}`;
  data.deliverables.push({ id: "hostile", text: `New ${HOSTILE} ${IMG}`, noPlan: "a test" });
  return plan(data);
}

/** Hostile text in the title of a deliverable with enough changes to be folded into <details>. */
function hostileFoldedPlan(): Workplan {
  const data = data2017();
  const first = data.deliverables[0];
  first.text = `Hold ${IMG} ${HOSTILE}`;
  first.plan.title = "Hold the 9th meeting";
  first.plan.summary[0] = "The meeting will discuss, among others:";
  first.event.place.city = "Da Nang";
  first.event.date = "2017-03-01";
  first.plan.priorities = ["Human Security", "Structural Reform"];
  return plan(data);
}

const md = new MarkdownIt({ html: true });
const plain = { paint: NO_PAINT, colour: false };

/** The tags of every piece of raw HTML the Markdown hands through, by name. */
function rawTags(markdown: string): string[] {
  const tokens = md.parse(markdown, {}).flatMap((t) => [t, ...(t.children ?? [])]);
  return tokens
    .filter((t) => t.type === "html_inline" || t.type === "html_block")
    .flatMap((t) => [...t.content.matchAll(/<\/?([A-Za-z][^\s/>]*)/g)].map((m) => m[1]!.toLowerCase()));
}

/** The number of cells of each row of each table, as markdown-it reads them. */
function tableShapes(markdown: string): number[][] {
  const shapes: number[][] = [];
  let cells = 0;
  for (const token of md.parse(markdown, {})) {
    if (token.type === "table_open") shapes.push([]);
    if (token.type === "tr_open") cells = 0;
    if (token.type === "th_open" || token.type === "td_open") cells++;
    if (token.type === "tr_close") shapes[shapes.length - 1]!.push(cells);
  }
  return shapes;
}

const diff = diffWorkplans(workplan2017(), hostilePlan());
const markdown = await formatDiffMarkdown(diff, plain);
const folded = await formatDiffMarkdown(diffWorkplans(workplan2017(), hostileFoldedPlan()), plain);

describe("the Markdown diff of a plan with hostile text", () => {
  it("changes what the test means to change", () => {
    expect(diff.changes.map((c) => `${c.kind} ${c.section}`)).toEqual(["changed steps", "changed deliverables", "added deliverables"]);
    expect(markdown).not.toContain("<details>");
  });

  it("keeps both summary tables whole: the same number of columns in every row", () => {
    const shapes = tableShapes(markdown);
    expect(shapes).toHaveLength(2);
    // Counts: a header and six rows; deliverables: a header and one row per changed deliverable.
    expect(shapes[0]).toEqual([2, 2, 2, 2, 2, 2, 2]);
    expect(shapes[1]).toEqual([2, 2, 2]);
  });

  it("hands through no raw HTML but the <ins> and <del> it writes itself", () => {
    const tags = rawTags(markdown);
    expect(tags.length).toBeGreaterThan(0);
    for (const tag of tags) expect(OWN_TAGS).toContain(tag);
  });

  it("renders the hostile text as text", () => {
    const html = md.render(markdown);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("*bold* `code` next line");
    expect(html).not.toContain("<em>bold</em>");
    expect(html).not.toContain("<code>");
  });

  it("keeps each change on its own list item: a newline in the text does not start a new block", () => {
    const tokens = md.parse(markdown, {});
    expect(tokens.filter((t) => t.type === "heading_open")).toHaveLength(2);
    expect(tokens.filter((t) => t.type === "inline" && /^next line/.test(t.content))).toEqual([]);
  });

  // A change with more than four detail lines is folded into `<details><summary>TITLE</summary>`,
  // an HTML block where Markdown's backslash escapes do not apply, so the title is escaped as HTML.
  it("hands through no raw HTML in the title of a folded change either", () => {
    expect(folded).toContain("<details><summary>");
    for (const tag of rawTags(folded)) expect(OWN_TAGS).toContain(tag);
  });

  it("folds the hostile title as the test intends (so the test above tests the summary)", () => {
    expect(folded).toMatch(/<details><summary><strong>edited<\/strong> · 1\.1 Hold .*&lt;img/);
    expect(
      tableShapes(folded)
        .flat()
        .every((n) => n === 2),
    ).toBe(true);
  });
});

describe("the HTML redline of a plan with hostile text", () => {
  const before = workplan2017();
  for (const [name, after] of [
    ["changed and new items", hostilePlan()],
    ["a folded item", hostileFoldedPlan()],
  ] as const) {
    it(`escapes it: ${name}`, async () => {
      const html = await formatDiffHtml(diffWorkplans(before, after), plain);
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/<img/i);
      expect(html).not.toMatch(/<[^>]*onerror/i);
      expect(html).toMatch(/&lt;script&gt;(<\/ins>)?(<ins>)?alert/);
      expect(html).toContain("&lt;img");
      expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    });
  }
});
