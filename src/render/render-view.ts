import type { Artifact } from "../model/artifact.js";
import type { FormatId, RenderOptions } from "./format.js";
import { FORMAT_LOADERS } from "./formats.js";
import type { WorkplanView } from "./view.js";

/**
 * Renders a workplan's view in one format, as the artifact `YEAR/<file stem>.<extension>`. Why one
 * format a call and the view passed in: the view is built once per plan and every format renders
 * from it, and a caller that writes each format as soon as it is ready can time each one.
 */
export async function renderView(view: WorkplanView, id: FormatId, options: RenderOptions = {}): Promise<Artifact> {
  const format = await FORMAT_LOADERS[id]();
  const output = await format.render(view, options);
  const bytes = typeof output === "string" ? new TextEncoder().encode(output) : output;
  return { path: `${view.period}/${view.fileStem}.${format.extension}`, bytes };
}
