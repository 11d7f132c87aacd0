import { describe, expect, it } from "vitest";
import { html } from "../../src/render/html.js";
import { buildView } from "../../src/render/view.js";
import { workplan2017 } from "../support/workplan.js";
import { htmlToText } from "../support/fidelity.js";

const SCRIPT = "<script>alert(1)</script>";
const ATTRIBUTE = '" onmouseover="x';
const MUSTACHE = "{{constructor}}";

function renderHostile(): string {
  const workplan = structuredClone(workplan2017());
  workplan.cover.title = `Title ${SCRIPT}`;
  workplan.cover.symbol = `2017/SOM1/${ATTRIBUTE}`;
  workplan.title = `Body ${MUSTACHE} title`;
  workplan.introduction.paragraphs[0] = [`Para ${SCRIPT} `, { em: ATTRIBUTE }, ` ${MUSTACHE}`];
  const plan = workplan.deliverables[0]!.plan!;
  plan.summary = [`Cell ${SCRIPT}`, { list: [`Item ${ATTRIBUTE}`] }];
  plan.priorities = [MUSTACHE];
  plan.mandate[0]!.source = `</cite>${SCRIPT}`;
  return html.render(buildView(workplan)) as string;
}

describe("html.render", () => {
  const plain = html.render(buildView(workplan2017())) as string;

  it("is a complete, self-contained English document", () => {
    expect(plain.startsWith("<!DOCTYPE html>\n")).toBe(true);
    expect(plain).toContain('<html lang="en">');
    expect(plain).toContain('<meta charset="utf-8">');
    expect(plain).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';[^"]*">/);
    expect(plain).not.toMatch(/<script/i);
    expect(plain).not.toMatch(/<link\b/i);
    expect(plain).not.toMatch(/\b(src|href)=/i);
    expect(plain.trimEnd().endsWith("</html>")).toBe(true);
  });

  it("draws the itemized table with a header row of five column headings and seven rows", () => {
    expect(plain).toContain("<thead>");
    expect(plain.match(/<th scope="col">/g)).toHaveLength(5);
    expect(plain.match(/<th scope="row">/g)).toHaveLength(7);
    expect(plain.match(/<tr id="plan-/g)).toHaveLength(7);
    expect(plain).toContain('<th scope="col">Summary of Specific Plans</th>');
  });

  it("numbers the eight deliverables and underlines mandate sources with <cite>", () => {
    expect(plain.match(/<span class="number">1\.\d<\/span>/g)).toHaveLength(8);
    expect(plain).toContain("<cite>2016 Leaders Declaration</cite>");
    expect(plain).toContain("<em>Creating New Dynamism, Fostering Shared Future</em>");
  });

  it("escapes markup from the data everywhere, including attributes", () => {
    const output = renderHostile();
    expect(output).not.toMatch(/<script/i);
    expect(output).not.toContain(ATTRIBUTE);
    expect(output).not.toMatch(/onmouseover="/);
    expect(output).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(output).toContain("&quot; onmouseover&#x3D;&quot;x");
    expect(output).toContain("<cite>&lt;/cite&gt;&lt;script&gt;alert(1)&lt;/script&gt;</cite>");
    // The escaped text reads back as written.
    const text = htmlToText(output);
    expect(text).toContain(`Title ${SCRIPT}`);
    expect(text).toContain(`Cell ${SCRIPT}`);
    expect(text).toContain(`Item ${ATTRIBUTE}`);
    expect(text).toContain(`</cite>${SCRIPT}`);
  });

  it("prints template syntax in the data literally instead of evaluating it", () => {
    const output = renderHostile();
    expect(output).toContain(`<h1>Body ${MUSTACHE} title</h1>`);
    expect(output).toContain(`<p>${MUSTACHE}</p>`);
    expect(output).not.toMatch(/function Object|\[native code\]/);
  });

  it("keeps the CSP and the table when the data is hostile", () => {
    const output = renderHostile();
    expect(output.match(/<th scope="col">/g)).toHaveLength(5);
    expect(output.match(/http-equiv="Content-Security-Policy"/g)).toHaveLength(1);
    expect(output.match(/<\/table>/g)).toHaveLength(1);
  });
});
