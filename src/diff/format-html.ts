import type { Workplan } from "../model/schema.js";
import { html } from "../render/html.js";
import type { WorkplanDiff } from "./change.js";
import { redlineView } from "./redline-view.js";

/**
 * A redline: the newer plan laid out exactly as `ctwg build` lays it out, with deletions struck and
 * insertions underlined like tracked changes. One self-contained file, escaped like every build.
 */
export async function formatDiffHtml(diff: WorkplanDiff, before: Workplan, after: Workplan, threshold: number): Promise<string> {
  return (await html.render(redlineView(before, after, diff, threshold))) as string;
}
