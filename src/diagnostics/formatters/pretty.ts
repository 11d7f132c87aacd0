import type { Diagnostic } from "../diagnostic.js";
import type { Formatter, Paint } from "./formatter.js";

/**
 * A code frame per diagnostic, after rustc and Elm: what is wrong, where (`--> file:line:col`), the
 * source line with a caret under the span, and how to fix it.
 */
export const pretty: Formatter = (diagnostics, { sources, paint }) =>
  diagnostics.map((d) => frame(d, sources.get(d.file), paint)).join("\n");

/** The most characters of a source line a frame shows. */
const FRAME_WIDTH = 120;

function frame(d: Diagnostic, text: string | undefined, paint: Paint): string {
  const colour = paint[d.severity];
  const lines = [`${colour(paint.bold(d.severity))}${paint.bold(`: ${d.message}`)} ${paint.dim(`[${d.ruleId}]`)}`];
  const start = d.span?.start;
  lines.push(`  ${paint.accent("-->")} ${d.file}${start ? `:${start.line}:${start.column}` : ""}`);
  const source = start && text !== undefined ? text.split(/\r?\n/)[start.line - 1] : undefined;
  if (start && d.span && source !== undefined) {
    const gutter = String(start.line).length;
    const bar = paint.accent(`${" ".repeat(gutter)} |`);
    const full = source.replace(/\t/g, " ");
    const endColumn = d.span.end.line === start.line ? d.span.end.column : full.length + 1;
    // A long line (a minified file, a 1 MB line) shows a window around the caret, not the whole line.
    const from = full.length > FRAME_WIDTH ? Math.max(0, start.column - 1 - 20) : 0;
    const shown = (from > 0 ? "…" : "") + full.slice(from, from + FRAME_WIDTH) + (full.length > from + FRAME_WIDTH ? "…" : "");
    const caretAt = start.column - 1 - from + (from > 0 ? 1 : 0);
    const width = Math.max(1, Math.min(endColumn - start.column, FRAME_WIDTH - (start.column - 1 - from)));
    lines.push(bar);
    lines.push(`${paint.accent(`${start.line} |`)} ${shown}`);
    lines.push(`${bar} ${" ".repeat(caretAt)}${colour("^".repeat(width))}`);
  }
  if (d.hint) lines.push(`${paint.accent(`${" ".repeat(String(start?.line ?? "").length)} =`)} ${paint.bold("hint")}: ${d.hint}`);
  for (const related of d.related ?? []) {
    lines.push(`  ${paint.accent("note")}: ${related.message}${related.span ? ` (${d.file}:${related.span.start.line}:${related.span.start.column})` : ""}`);
  }
  return lines.join("\n") + "\n";
}
