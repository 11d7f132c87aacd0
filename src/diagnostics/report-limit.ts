import type { Diagnostic, Severity } from "./diagnostic.js";

/**
 * The most diagnostics the parse and schema stages report for one file; past it they only count.
 * Why: a 2 MB file can hold 300,000 mistakes, and keeping, explaining and printing each (even as
 * JSON) cost more time and memory than any command may take; a file that wrong is one mistake
 * repeated or not a workplan at all, and ten thousand findings show which.
 */
export const MAX_REPORTED = 10_000;

/**
 * The one diagnostic that stands for those a stage did not report: how many, of what. Why no span:
 * it is about the file, so it sorts first among the file's diagnostics, where a reader sees it.
 */
export function notReported(file: string, count: number, severity: Severity, what: string): Diagnostic {
  return {
    ruleId: "input/too-many-problems",
    severity,
    message: `${count} more ${what} were found and are not listed: ctwg lists at most ${MAX_REPORTED} a file`,
    file,
    path: [],
    hint: "so many are usually one mistake repeated, or a file that is not a workplan: fix the first ones and check again",
  };
}
