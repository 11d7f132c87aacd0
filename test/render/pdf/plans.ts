import type { Workplan } from "../../../src/model/schema.js";
import { loadFonts, metricsFor } from "../../../src/fonts/fonts.js";
import { layoutDocument } from "../../../src/render/pdf/layout.js";
import type { Page, PagePlan, TextLine } from "../../../src/render/pdf/page-plan.js";
import { buildView } from "../../../src/render/view.js";
import { workplan2017 } from "../../support/workplan.js";

export const metrics = metricsFor(loadFonts());
export const planFor = (workplan: Workplan): PagePlan => layoutDocument(buildView(workplan), metrics);

/** The text of a line, its segments joined. */
export const lineText = (line: TextLine) => line.segments.map((s) => s.text).join("");
export const textLines = (page: Page) => page.items.filter((item): item is TextLine => item.kind === "text");
export const pageText = (page: Page) => textLines(page).map(lineText).join("\n");

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
