import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { html } from "../../src/render/html.js";
import { markdown } from "../../src/render/markdown.js";
import { buildView } from "../../src/render/view.js";
import { fragments, htmlToText, missingFragments, words } from "../support/fidelity.js";
import { workplan2017 } from "../support/workplan.js";

/** The text of the document as APEC published it, the reference for what the renderings must say. */
const SOURCE = readFileSync(new URL("../fixtures/2017/source.txt", import.meta.url), "utf8");

const report = (missing: string[]) => `missing fragments:\n${missing.map((m) => `  - ${m}`).join("\n")}`;

describe("fidelity to the published 2017 document", () => {
  const view = buildView(workplan2017());

  it("cuts the source into a meaningful number of fragments", () => {
    expect(fragments(SOURCE).length).toBeGreaterThan(100);
  });

  it("the Markdown says every fragment of the source", async () => {
    const missing = missingFragments(SOURCE, (await markdown.render(view)) as string);
    expect(missing, report(missing)).toEqual([]);
  });

  it("the HTML says every fragment of the source", async () => {
    const missing = missingFragments(SOURCE, htmlToText((await html.render(view)) as string));
    expect(missing, report(missing)).toEqual([]);
  });
});

describe("the fidelity helper", () => {
  it("reports a dropped paragraph as missing", async () => {
    const workplan = structuredClone(workplan2017());
    workplan.introduction.paragraphs.splice(2, 1); // "In the 2016 APEC Ministers Responsible for Trade Statement, …"
    const missing = missingFragments(SOURCE, htmlToText((await html.render(buildView(workplan))) as string));
    expect(missing.length).toBeGreaterThanOrEqual(1);
    expect(missing.some((m) => m.startsWith("in the 2016 apec ministers responsible for trade statement"))).toBe(true);
  });

  it("reports a changed word inside a sentence", () => {
    const source = "The CTWG will meet in Nha Trang.\nIt will discuss threats.";
    expect(missingFragments(source, "The CTWG will meet in Hanoi. It will discuss threats.")).toEqual(["the ctwg will meet in nha trang"]);
  });

  it("ignores case, punctuation, markup and split ordinals", () => {
    const source = "Hold 9 th Counter Terrorism Working Group (CTWG) Meeting\t<u>2016 Leaders Declaration</u>";
    expect(
      missingFragments(source, "hold **9th** counter-terrorism working group — ctwg — meeting; <ins>2016 LEADERS declaration</ins>"),
    ).toEqual([]);
  });

  it("decodes entities and drops tags and styles in HTML", () => {
    expect(htmlToText("<style>p { x: 1 }</style><p>R&amp;D&nbsp;&lt;x&gt; &#x41;&#66; &quot;q&quot;</p>")).toBe('  R&D <x> AB "q" ');
    expect(htmlToText("&amp;lt;")).toBe("&lt;");
    expect(words("APEC’s 10 th, Viet-Nam")).toEqual(["apec", "s", "10th", "viet", "nam"]);
  });
});
