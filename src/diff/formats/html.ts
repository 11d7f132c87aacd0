import { html } from "../../render/html.js";
import { redlineView } from "../redline-view.js";
import type { DiffFormatter } from "./formatter.js";

/**
 * A redline: the newer plan laid out exactly as `ctwg build` lays it out, with deletions struck and
 * insertions underlined like tracked changes. One self-contained file, escaped like every build.
 */
export const formatDiffHtml: DiffFormatter = async (diff) => (await html.render(redlineView(diff))) as string;
