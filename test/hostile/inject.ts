import { data2017, toYaml } from "../support/workplan.js";

/**
 * Text that must stay text, and the 2017 plan with it written into every field that prints. Shared
 * by the unit-level and the browser-level injection tests.
 */

/** HTML that would run script, load something or break out of an element if it were not escaped. */
export const HTML_PAYLOADS = [
  "<script>window.__pwned='script';alert('script')</script>",
  `<img src=x onerror="window.__pwned='onerror';alert('onerror')">`,
  `<a href="javascript:window.__pwned='href';alert('href')">click</a>`,
  "javascript:alert('bare')",
  `<a href="data:text/html,<script>alert('data')</script>">data link</a>`,
  "</style><script>window.__pwned='style'</script><style>",
  "</textarea><script>window.__pwned='textarea'</script>",
  "</title><script>window.__pwned='title'</script>",
  `"><svg onload="window.__pwned='attr'">`,
  "' onmouseover='window.__pwned=1",
  '<iframe src="http://127.0.0.1:9/frame"></iframe>',
  '<link rel="stylesheet" href="http://127.0.0.1:9/x.css">',
  "<style>@import url(http://127.0.0.1:9/y.css); body{background:url(http://127.0.0.1:9/z.png)}</style>",
  '<meta http-equiv="refresh" content="0;url=http://127.0.0.1:9/">',
  "<base href='http://127.0.0.1:9/'>",
  "{{constructor}} {{constructor.constructor('return this')()}} {{> x}} {{{raw}}} {{@root}}",
  "]]><!-- --!> <![CDATA[x]]>",
];

/** All of them in one string, for one document that carries every attack. */
export const HTML_PAYLOAD = HTML_PAYLOADS.join(" ");

/** Characters and lines that open Markdown syntax when they are not escaped. */
export const MARKDOWN_PAYLOADS = [
  "| a | b | c |",
  "back\\slash \\| \\\\ \\",
  "`code` ``double`` ```fence",
  "# heading",
  "## heading ##",
  "- bullet",
  "* star bullet",
  "+ plus bullet",
  "> quote",
  "1. numbered",
  "2) numbered",
  "---",
  "===",
  "    four spaces",
  "<b>bold</b> <script>x()</script> <!-- comment --> <div>block</div>",
  "line one\nline two\r\nline three\n\n- a list line\n# a heading line",
  "*em* _em_ **strong** __strong__ ~~strike~~",
  "[link](http://example.com) ![image](x.png) <http://example.com> [ref]: http://example.com",
  "&amp; &#60; &lt; &copy;",
  "trailing #",
  "|",
];

/** Invisible characters: a right-to-left override and a zero-width space. */
export const RLO = "\u202e";
export const ZWSP = "\u200b";

type Rich = string | unknown[];

/** Prefixes a rich text: the payload becomes the text's first run. */
function prefixRich(value: Rich, payload: string): Rich {
  if (typeof value === "string") return `${payload}${value}`;
  return [payload, ...value];
}

function prefixListItems(items: unknown[], payload: string): void {
  items.forEach((item, i) => {
    if (item && typeof item === "object" && !Array.isArray(item) && "text" in item) {
      const node = item as { text: Rich; items: unknown[] };
      node.text = prefixRich(node.text, payload);
      prefixListItems(node.items, payload);
    } else items[i] = prefixRich(item as Rich, payload);
  });
}

function prefixBlocks(value: unknown, payload: string): unknown {
  if (typeof value === "string") return `${payload}${value}`;
  const blocks = value as unknown[];
  if (blocks.length === 0) return [payload];
  blocks.forEach((block, i) => {
    if (block && typeof block === "object" && !Array.isArray(block) && "list" in block)
      prefixListItems((block as { list: unknown[] }).list, payload);
    else blocks[i] = prefixRich(block as Rich, payload);
  });
  return blocks;
}

/**
 * The 2017 plan, as YAML, with `payload` put at the start of every text it prints: the cover, the
 * title, every paragraph, step, area name and activity, every deliverable and every cell of the
 * table (row titles, summaries, mandate sources and texts, priorities, collaboration, empty cells
 * included). Returns the text and how many fields were changed.
 */
export function planWith(payload: string): { yaml: string; fields: number } {
  const data = data2017();
  let fields = 0;
  const count = <T>(value: T) => {
    fields++;
    return value;
  };
  const cover = data.cover;
  for (const key of ["organisation", "title", "submittedBy"]) cover[key] = count(`${payload}${cover[key]}`);
  cover.meeting.name = count(`${payload}${cover.meeting.name}`);
  data.title = count(`${payload}${data.title}`);
  data.introduction.paragraphs = data.introduction.paragraphs.map((p: Rich) => count(prefixRich(p, payload)));
  prefixListItems(data.introduction.steps, payload);
  fields += data.introduction.steps.length;
  data.crossCutting.lead = count(prefixRich(data.crossCutting.lead, payload));
  for (const area of data.crossCutting.areas) {
    area.name = count(`${payload}${area.name}`);
    prefixListItems(area.activities, payload);
    fields += area.activities.length;
  }
  for (const deliverable of data.deliverables) {
    deliverable.text = count(prefixRich(deliverable.text, payload));
    const plan = deliverable.plan;
    if (!plan) continue;
    if (plan.title !== undefined) plan.title = count(prefixRich(plan.title, payload));
    plan.summary = count(prefixBlocks(plan.summary ?? [], payload));
    for (const mandate of plan.mandate ?? []) {
      mandate.source = count(`${payload}${mandate.source}`);
      if (mandate.text !== undefined) mandate.text = count(prefixBlocks(mandate.text, payload));
    }
    plan.priorities = (plan.priorities ?? []).map((p: string) => count(`${payload}${p}`));
    plan.collaboration = count(prefixBlocks(plan.collaboration ?? [], payload));
  }
  return { yaml: toYaml(data), fields };
}

/** The elements ctwg's HTML template writes; anything else in the output came from the data. */
export const HTML_ELEMENTS = new Set([
  "html",
  "head",
  "meta",
  "title",
  "style",
  "body",
  "aside",
  "header",
  "main",
  "section",
  "p",
  "div",
  "dl",
  "dt",
  "dd",
  "h1",
  "h2",
  "h3",
  "ol",
  "ul",
  "li",
  "span",
  "em",
  "strong",
  "ins",
  "del",
  "cite",
  "table",
  "colgroup",
  "col",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
  "figure",
  "figcaption",
  "svg",
  "title",
  "desc",
  "rect",
  "text",
]);
