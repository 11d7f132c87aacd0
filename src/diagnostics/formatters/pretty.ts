import type { Diagnostic, Span } from "../diagnostic.js";
import { LineIndex } from "../line-index.js";
import { visible, visibleWidth } from "../visible.js";
import { forReading, omittedNote } from "./for-reading.js";
import type { Formatter, Paint } from "./formatter.js";

/**
 * A code frame per diagnostic, after rustc and Elm: what is wrong, where (`--> file:line:col`), the
 * source line with a caret under the span, and how to fix it. Repeats are shown once and at most
 * 100 a file are (see forReading); every text is printed with its control characters made visible.
 */
export const pretty: Formatter = (diagnostics, { sources, paint }) => {
  const { shown, omitted } = forReading(diagnostics);
  const indexes = new Map<string, LineIndex | undefined>();
  const indexOf = (file: string) => {
    if (!indexes.has(file)) {
      const text = sources.get(file);
      indexes.set(file, text === undefined ? undefined : new LineIndex(text));
    }
    return indexes.get(file);
  };
  const frames = shown.map((d) => frame(d, indexOf(d.file), paint));
  const note = omittedNote(omitted);
  if (note) frames.push(`${paint.dim(note)}\n`);
  return frames.join("\n");
};

/** The most columns of a source line a frame shows. */
const FRAME_WIDTH = 120;

/** How many columns of a long line a frame keeps before the caret. */
const LEAD = 20;

function frame(d: Diagnostic, index: LineIndex | undefined, paint: Paint): string {
  const colour = paint[d.severity];
  const lines = [`${colour(paint.bold(d.severity))}${paint.bold(`: ${visible(d.message)}`)} ${paint.dim(`[${visible(d.ruleId)}]`)}`];
  const start = d.span?.start;
  const file = visible(d.file);
  lines.push(`  ${paint.accent("-->")} ${file}${start ? `:${start.line}:${start.column}` : ""}`);
  const source = start ? index?.line(start.line) : undefined;
  if (d.span && source !== undefined) {
    const { text, caretAt, width } = window(source, d.span);
    const bar = paint.accent(`${" ".repeat(String(d.span.start.line).length)} |`);
    lines.push(bar);
    lines.push(`${paint.accent(`${d.span.start.line} |`)} ${text}`);
    lines.push(`${bar} ${" ".repeat(caretAt)}${colour("^".repeat(width))}`);
  }
  if (d.hint) lines.push(`${paint.accent(`${" ".repeat(String(start?.line ?? "").length)} =`)} ${paint.bold("hint")}: ${visible(d.hint)}`);
  for (const related of d.related ?? []) {
    const at = related.span ? ` (${file}:${related.span.start.line}:${related.span.start.column})` : "";
    lines.push(`  ${paint.accent("note")}: ${visible(related.message)}${at}`);
  }
  return `${lines.join("\n")}\n`;
}

/**
 * The part of a source line a frame shows, with the caret's column and width under it. A long line
 * (a minified file, a line of a megabyte) shows a window around the caret: 20 columns before it,
 * 120 in all. Columns are counted as printed, tabs as one space and control characters made
 * visible, so the caret stays under the character it points at. Costs the window, not the line.
 */
function window(source: string, span: Span): { text: string; caretAt: number; width: number } {
  const caret = span.start.column - 1;
  const spanEnd = span.end.line === span.start.line ? span.end.column - 1 : source.length;
  // Past the end of the line (an error at the end of the file) every column is one wide.
  const widthAt = (i: number) => (i < source.length ? columnsOf(source[i]!) : 1);
  const fits = source.length <= FRAME_WIDTH && columnsBetween(0, source.length, widthAt) <= FRAME_WIDTH;
  let from = 0;
  if (!fits) {
    from = caret;
    for (let lead = 0; from > 0 && lead + widthAt(from - 1) <= LEAD; from--) lead += widthAt(from - 1);
  }
  let to = from;
  for (let used = 0; used + widthAt(to) <= FRAME_WIDTH; to++) used += widthAt(to);
  const shownTo = Math.min(to, source.length);
  const text = (from > 0 ? "…" : "") + visible(source.slice(from, shownTo).replace(/\t/g, " ")) + (source.length > to ? "…" : "");
  const caretAt = (from > 0 ? 1 : 0) + columnsBetween(from, caret, widthAt);
  const width = Math.max(1, columnsBetween(caret, Math.min(spanEnd, to), widthAt));
  return { text, caretAt, width };
}

/** The columns a character of a source line takes in a frame: a tab is printed as one space. */
const columnsOf = (character: string) => (character === "\t" ? 1 : visibleWidth(character));

/** The printed columns from index `from` to `to`, each as `widthAt` says; zero when `to` comes first. */
function columnsBetween(from: number, to: number, widthAt: (i: number) => number): number {
  let columns = 0;
  for (let i = from; i < to; i++) columns += widthAt(i);
  return columns;
}
