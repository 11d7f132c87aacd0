import type { Diagnostic, Severity } from "../diagnostic.js";
import { visible } from "../visible.js";
import { distinct } from "./for-reading.js";
import type { Formatter } from "./formatter.js";

const SEVERITIES = ["error", "warning", "info"] as const;

const COMMAND: Record<Severity, string> = { error: "error", warning: "warning", info: "notice" };

/** Why: GitHub shows at most 10 annotations of each kind per step and drops the rest without a word. */
const CAP = 10;

/** Line breaks, which workflow commands and table cells carry their own way (`%0A`, `<br>`), so they are left for them. */
const BREAKS = "\r\n";

/** The most rows the step summary lists. Why: GitHub refuses a step summary over 1 MiB; a thousand rows of a few hundred bytes stay under it. */
export const SUMMARY_ROWS = 1000;

/**
 * GitHub Actions workflow commands, one `::error`/`::warning`/`::notice` line a diagnostic, which the
 * runner turns into annotations on the file and line. At most 10 of each severity are annotated; past
 * that a final `::notice::` says how many were left out and points at the step summary.
 * Why only nine info notices when anything is left out: the closing notice counts as a notice too.
 * Repeats are annotated once, and control characters are made visible: the log shows them raw.
 */
export const github: Formatter = (all) => {
  const diagnostics = distinct(all);
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
  const properties: [string, string | number][] = [["file", visible(d.file, BREAKS)]];
  if (d.span) {
    properties.push(
      ["line", d.span.start.line],
      ["col", d.span.start.column],
      ["endLine", d.span.end.line],
      ["endColumn", d.span.end.column],
    );
  }
  properties.push(["title", visible(d.ruleId, BREAKS)]);
  const list = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(",");
  return `::${COMMAND[d.severity]} ${list}::${escapeData(visible(withHint(d), BREAKS))}\n`;
}

function omittedNotice(counts: Record<Severity, number>, shown: Record<Severity, number>): string {
  const omitted = SEVERITIES.filter((s) => counts[s] > shown[s]).map((s) => plural(counts[s] - shown[s], s));
  const list = omitted.length > 1 ? `${omitted.slice(0, -1).join(", ")} and ${omitted.at(-1)}` : omitted[0];
  const total = counts.error + counts.warning + counts.info;
  const summary = total > SUMMARY_ROWS ? `the first ${SUMMARY_ROWS} of all ${total}` : `all ${plural(total, "diagnostic")}`;
  return `Not annotated: ${list} (GitHub shows at most ${CAP} of each kind a step). The step summary lists ${summary}.`;
}

/** Escapes a workflow command's message as the runner's own toolkit does (`escapeData` in @actions/core). */
const escapeData = (text: string) => text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");

/** Escapes a workflow command's property value; `:` and `,` would otherwise end the value early. */
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");

/**
 * Markdown for `$GITHUB_STEP_SUMMARY`: a heading, the counts, and a table of every diagnostic, each
 * once, up to 1,000 rows. Why: annotations stop at 10 of each kind; the summary is where the list
 * can be read, as far as GitHub lets a summary grow.
 */
export function githubStepSummary(all: readonly Diagnostic[]): string {
  const diagnostics = distinct(all);
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
  for (const d of diagnostics.slice(0, SUMMARY_ROWS)) {
    const at = d.span ? `${d.file}:${d.span.start.line}:${d.span.start.column}` : d.file;
    lines.push(`| ${[at, d.severity, d.ruleId, withHint(d)].map(markdownCell).join(" | ")} |`);
  }
  const left = diagnostics.length - SUMMARY_ROWS;
  if (left > 0) lines.push("", `… and ${plural(left, "more diagnostic")}: \`ctwg lint --format json\` lists every one.`);
  return `${lines.join("\n")}\n`;
}

/**
 * Makes text safe for one Markdown table cell and shows it literally.
 * Why backticks are escaped too: inside a code span `\\` and `&lt;` are not decoded, so a message's
 * backticks are shown as typed rather than opening one.
 */
const markdownCell = (text: string) =>
  visible(text, BREAKS)
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
