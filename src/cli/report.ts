import { sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import { FORMATTERS } from "../diagnostics/formatters/index.js";
import type { Paint } from "../diagnostics/formatters/formatter.js";
import type { FileReport } from "../index.js";

/** Formats the diagnostics of several files as one block of text, sorted, in the chosen format. */
export function formatReports(reports: readonly FileReport[], format: string, paint: Paint): string {
  const formatter = FORMATTERS[format]!;
  const sources = new Map(reports.flatMap((r) => (r.text === undefined ? [] : [[r.file, r.text] as const])));
  return formatter(sortDiagnostics(reports.flatMap((r) => r.diagnostics)), { sources, paint });
}

/** "2 errors and 1 warning in 1 of 3 files", or "no problems in 3 files". */
export function summarize(reports: readonly FileReport[], paint: Paint): string {
  const all: Diagnostic[] = reports.flatMap((r) => r.diagnostics);
  const count = (severity: Diagnostic["severity"]) => all.filter((d) => d.severity === severity).length;
  const files = `${reports.length} ${reports.length === 1 ? "file" : "files"}`;
  if (all.length === 0) return `${paint.bold("✓")} no problems in ${files}\n`;
  const parts = [
    [count("error"), "error"],
    [count("warning"), "warning"],
    [count("info"), "note"],
  ]
    .filter(([n]) => Number(n) > 0)
    .map(([n, word]) => `${n} ${word}${n === 1 ? "" : "s"}`);
  const affected = reports.filter((r) => r.diagnostics.length > 0).length;
  const mark = count("error") > 0 ? paint.error("✖") : paint.warning("!");
  return `${mark} ${parts.join(" and ")} in ${affected} of ${files}\n`;
}
