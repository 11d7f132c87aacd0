import { jsonForTerminal } from "../../diagnostics/visible.js";
import type { DiffFormatter } from "./formatter.js";

/**
 * The diff as JSON, `ctwg-diff/1`: `{ format, before, after, summary, changes }`, the shape documented
 * in the README. Why the fields are named: the diff also carries the plans and their alignment, which
 * are no part of the public format.
 */
export const formatDiffJson: DiffFormatter = ({ before, after, summary, changes }) =>
  `${jsonForTerminal(JSON.stringify({ format: "ctwg-diff/1", before, after, summary, changes }, null, 2))}\n`;
