import type { Diagnostic, Severity } from "../diagnostic.js";
import type { Formatter } from "./formatter.js";

const SEVERITIES = ["error", "warning", "info"] as const;

const COMMAND: Record<Severity, string> = { error: "error", warning: "warning", info: "notice" };

/** Why: GitHub shows at most 10 annotations of each kind per step and drops the rest without a word. */
const CAP = 10;

/**
 * GitHub Actions workflow commands, one `::error`/`::warning`/`::notice` line a diagnostic, which the
 * runner turns into annotations on the file and line. At most 10 of each severity are annotated; past
 * that a final `::notice::` says how many were left out and points at the step summary.
 * Why only nine info notices when anything is left out: the closing notice counts as a notice too.
 */
export const github: Formatter = (diagnostics) => {
  const counts = countBySeverity(diagnostics);
  const overflow = counts.error > CAP || counts.warning > CAP || counts.info > CAP;
  const caps: Record<Severity, number> = { error: CAP, warning: CAP, info: overflow ? CAP - 1 : CAP };
  const shown: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let out = "";
  for (const d of diagnostics) {
    if (shown[d.severity] >= caps[d.severity]) continue;
    shown[d.severity] += 1;
    out += annotation(d);
  }
  if (overflow) out += `::notice::${escapeData(omittedNotice(counts, shown))}\n`;
  return out;
};

function annotation(d: Diagnostic): string {
  const properties: [string, string | number][] = [["file", d.file]];
  if (d.span) {
    properties.push(
      ["line", d.span.start.line],
      ["col", d.span.start.column],
      ["endLine", d.span.end.line],
      ["endColumn", d.span.end.column],
    );
  }
  properties.push(["title", d.ruleId]);
  const list = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(",");
  return `::${COMMAND[d.severity]} ${list}::${escapeData(withHint(d))}\n`;
}

function omittedNotice(counts: Record<Severity, number>, shown: Record<Severity, number>): string {
  const omitted = SEVERITIES.filter((s) => counts[s] > shown[s]).map((s) => plural(counts[s] - shown[s], s));
  const list = omitted.length > 1 ? `${omitted.slice(0, -1).join(", ")} and ${omitted.at(-1)}` : omitted[0];
  const total = counts.error + counts.warning + counts.info;
  return (
    `Not annotated: ${list} (GitHub shows at most ${CAP} of each kind a step). ` +
    `The step summary lists all ${plural(total, "diagnostic")}.`
  );
}

/** Escapes a workflow command's message as the runner's own toolkit does (`escapeData` in @actions/core). */
const escapeData = (text: string) => text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");

/** Escapes a workflow command's property value; `:` and `,` would otherwise end the value early. */
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");

/**
 * Markdown for `$GITHUB_STEP_SUMMARY`: a heading, the counts, and a table of every diagnostic.
 * Why: annotations stop at 10 of each kind; the summary is where the whole list can always be read.
 */
export function githubStepSummary(diagnostics: readonly Diagnostic[]): string {
  const counts = countBySeverity(diagnostics);
  const lines = ["## ctwg lint", ""];
  if (diagnostics.length === 0) return [...lines, "No problems found.", ""].join("\n");
  const files = new Set(diagnostics.map((d) => d.file)).size;
  lines.push(
    `${plural(counts.error, "error")}, ${plural(counts.warning, "warning")}, ${plural(counts.info, "info")} in ${plural(files, "file")}.`,
    "",
    "| Location | Severity | Rule | Message |",
    "| --- | --- | --- | --- |",
  );
  for (const d of diagnostics) {
    const at = d.span ? `${d.file}:${d.span.start.line}:${d.span.start.column}` : d.file;
    lines.push(`| ${[at, d.severity, d.ruleId, withHint(d)].map(markdownCell).join(" | ")} |`);
  }
  return lines.join("\n") + "\n";
}

/**
 * Makes text safe for one Markdown table cell and shows it literally.
 * Why backticks are escaped too: inside a code span `\\` and `&lt;` are not decoded, so a message's
 * backticks are shown as typed rather than opening one.
 */
const markdownCell = (text: string) =>
  text
    .replace(/[\\`*_[\]|~]/g, "\\$&")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\r\n|\r|\n/g, "<br>");

const withHint = (d: Diagnostic) => (d.hint ? `${d.message} (hint: ${d.hint})` : d.message);

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 || noun === "info" ? "" : "s"}`;

function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity] += 1;
  return counts;
}
