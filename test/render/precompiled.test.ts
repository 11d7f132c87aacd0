import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileFromSources, compileTemplates } from "../../src/render/handlebars-env.js";
import { buildView } from "../../src/render/view.js";
import { markdown } from "../../src/render/markdown.js";
import { ROOT, workplan2017 } from "../support/workplan.js";

describe("the precompiled templates (made by the build)", () => {
  it("exist after the build the test setup ran", () => {
    expect(existsSync(join(ROOT, "dist/templates/html.cjs"))).toBe(true);
    expect(existsSync(join(ROOT, "dist/templates/markdown.cjs"))).toBe(true);
  });

  it("print exactly what the templates compiled from templates/ print", async () => {
    const view = buildView(workplan2017());
    expect(compileTemplates("html", { escape: true })(view)).toBe(compileFromSources("html", { escape: true })(view));
    // The Markdown format renders an escaped copy of the view: compare the two compilations on a view of its kind.
    const mdView = {
      ...view,
      draft: true,
      annex: null,
      cover: {
        ...view.cover,
        organisation: "A",
        symbol: "S",
        agendaItem: "7",
        title: "T",
        purpose: "P",
        submittedBy: "C",
        forumDocNo: null,
        meeting: { name: "M", place: "X", date: "D" },
      },
      title: "T",
      introduction: { heading: "I", paragraphs: [], steps: [] },
      crossCutting: { lead: "L", areas: [] },
      deliverables: { heading: "1.", items: [] },
      plans: { heading: "2.", columns: ["a"], rows: [] },
    };
    expect(compileTemplates("markdown", { escape: false })(mdView)).toBe(compileFromSources("markdown", { escape: false })(mdView));
    expect(markdown.render(view)).toContain("# Counter-Terrorism Working Group's Proposed Workplan for 2017");
  });

  it("escape HTML, and stay strict about fields the view lacks", async () => {
    const html = compileTemplates("html", { escape: true });
    const view = buildView(workplan2017());
    view.title = [{ text: "<script>alert(1)</script>", em: false, ins: false, del: false }];
    expect(html(view)).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    const { lang: _lang, ...missing } = view;
    expect(() => html(missing)).toThrow(/lang/);
  });
});
