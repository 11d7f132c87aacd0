import type { WorkplanDiff } from "./change.js";

/** The diff as JSON: `{ before, after, summary, changes }`, the shape documented in the README. */
export const formatDiffJson = (diff: WorkplanDiff): string => `${JSON.stringify({ format: "ctwg-diff/1", ...diff }, null, 2)}\n`;
