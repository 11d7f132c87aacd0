import { sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import { FORMATTERS } from "../diagnostics/formatters/index.js";
import type { FormatOptions, Paint } from "../diagnostics/formatters/formatter.js";
import type { FileReport } from "../index.js";

/** Formats the diagnostics of several files as one block of text, sorted, in the chosen format. */
export function formatReports(
  reports: readonly FileReport[],
  format: string,
  paint: Paint,
  extra: Pick<FormatOptions, "rules" | "toolVersion"> = {},
): string {
  const formatter = FORMATTERS[format];
  if (!formatter) throw new Error(`no report format "${format}"; the command should have refused it`);
  const sources = new Map(reports.flatMap((r) => (r.text === undefined ? [] : [[r.file, r.text] as const])));
  return formatter(sortDiagnostics(reports.flatMap((r) => r.diagnostics)), { sources, paint, files: reports.map((r) => r.file), ...extra });
}

/** "✖ 3 problems (1 error, 2 warnings) in 1 of 3 files", or "✓ no problems in 3 files". */
export function summarize(reports: readonly FileReport[], paint: Paint): string {
  const all: Diagnostic[] = reports.flatMap((r) => r.diagnostics);
  const count = (severity: Diagnostic["severity"]) => all.filter((d) => d.severity === severity).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const files = plural(reports.length, "file");
  if (all.length === 0) return `${paint.bold("✓")} no problems in ${files}\n`;
  const parts = (
    [
      [count("error"), "error"],
      [count("warning"), "warning"],
      [count("info"), "note"],
    ] as const
  )
    .filter(([n]) => n > 0)
    .map(([n, word]) => plural(n, word));
  const affected = reports.filter((r) => r.diagnostics.length > 0).length;
  const mark = count("error") > 0 ? paint.error("✖") : paint.warning("!");
  return `${mark} ${plural(all.length, "problem")} (${parts.join(", ")}) in ${affected} of ${files}\n`;
}
