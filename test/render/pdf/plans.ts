import type { Workplan } from "../../../src/model/schema.js";
import { loadFonts, metricsFor } from "../../../src/fonts/fonts.js";
import { layoutDocument } from "../../../src/render/pdf/layout.js";
import type { Page, PagePlan, TextLine } from "../../../src/render/pdf/page-plan.js";
import { buildView } from "../../../src/render/view.js";
import { compile, data2017, type PlanData, toYaml, workplan2017 } from "../../support/workplan.js";

export const metrics = metricsFor(loadFonts());
export const planFor = (workplan: Workplan): PagePlan => layoutDocument(buildView(workplan), metrics);

/** The text of a line, its segments joined. */
export const lineText = (line: TextLine) => line.segments.map((s) => s.text).join("");
export const textLines = (page: Page) => page.items.filter((item): item is TextLine => item.kind === "text");
export const pageText = (page: Page) => textLines(page).map(lineText).join("\n");

/** The 2017 plan's data changed by `edit`, then validated again; throws when the result does not validate. */
export function shaped(edit: (data: PlanData) => void): Workplan {
  const data = data2017();
  edit(data);
  const { workplan, diagnostics } = compile(toYaml(data));
  if (!workplan) throw new Error(`the edited plan does not validate: ${JSON.stringify(diagnostics, null, 2)}`);
  return workplan;
}

/** Lines overlap when their boxes intersect horizontally and vertically. */
export function overprinted(page: Page): [string, string][] {
  const lines = textLines(page).map((line) => ({
    text: lineText(line),
    left: line.x + line.segments[0]!.x,
    right: line.x + line.segments.reduce((end, s) => Math.max(end, s.x + s.width), 0),
    top: line.y,
    bottom: line.y + line.size,
  }));
  const clashes: [string, string][] = [];
  for (const [i, a] of lines.entries()) {
    for (const b of lines.slice(i + 1)) {
      if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5)
        clashes.push([a.text, b.text]);
    }
  }
  return clashes;
}

/** The 2017 plan with its itemized table made long: every row repeated `times` times, ids kept unique. */
export function longTable(times: number): Workplan {
  const workplan = structuredClone(workplan2017());
  const rows = workplan.deliverables.filter((d) => d.plan);
  workplan.deliverables = Array.from({ length: times }, (_, copy) => rows.map((d) => ({ ...d, id: `${d.id}-${copy}` }))).flat();
  return workplan;
}

/** The 2017 plan with one summary cell far taller than a page. */
export function tallRow(characters: number): Workplan {
  const workplan = structuredClone(workplan2017());
  const words = Array.from({ length: Math.ceil(characters / 10) }, (_, i) => `word${String(i).padStart(4, "0")}`);
  workplan.deliverables[0]!.plan!.summary = [words.join(" ")];
  return workplan;
}
