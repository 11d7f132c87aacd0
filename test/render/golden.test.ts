import { describe, expect, it } from "vitest";
import { html } from "../../src/render/html.js";
import { markdown } from "../../src/render/markdown.js";
import { buildView } from "../../src/render/view.js";
import { expectHtmlGolden } from "../support/html-golden.js";
import { workplan2017 } from "../support/workplan.js";

// Golden files: update with `npx vitest run -u` and review the diff of test/fixtures/2017/
// and test/fixtures/html/style.css (the stylesheet cut out of every HTML golden) like code.
describe("the 2017 workplan", () => {
  const view = buildView(workplan2017());

  it("renders to the golden Markdown", async () => {
    await expect(markdown.render(view)).toMatchFileSnapshot("../fixtures/2017/out.md");
  });

  it("renders to the golden HTML", async () => {
    await expectHtmlGolden((await html.render(view)) as string, "../fixtures/2017/out.html");
  });

  it("renders the same bytes every time", async () => {
    expect(await markdown.render(buildView(workplan2017()))).toBe(await markdown.render(view));
    expect(await html.render(buildView(workplan2017()))).toBe(await html.render(view));
  });
});
