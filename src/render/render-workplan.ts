import type { Artifact } from "../emit/write-artifacts.js";
import type { Workplan } from "../model/schema.js";
import type { FormatId, RenderOptions } from "./format.js";
import { FORMAT_LOADERS } from "./formats.js";
import { buildView, type ViewOptions } from "./view.js";

/** Renders a valid workplan in the given formats, as artifacts under `YEAR/`. */
export async function renderWorkplan(
  workplan: Workplan,
  formats: readonly FormatId[],
  options: RenderOptions & ViewOptions = {},
): Promise<Artifact[]> {
  const view = buildView(workplan, options);
  const artifacts: Artifact[] = [];
  for (const id of formats) {
    const format = await FORMAT_LOADERS[id]();
    const output = await format.render(view, options);
    const bytes = typeof output === "string" ? new TextEncoder().encode(output) : output;
    artifacts.push({ path: `${view.year}/${view.fileStem}.${format.extension}`, bytes });
  }
  return artifacts;
}
