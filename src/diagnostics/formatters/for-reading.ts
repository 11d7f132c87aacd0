import type { Diagnostic, Severity } from "../diagnostic.js";
import { firstOfEach } from "../first-of-each.js";

/**
 * The most diagnostics a format for people prints: 100 a file, 200 in all, as compilers stop
 * listing errors after a few screens. Why: past that a reader scrolls rather than reads, and a
 * hostile file of 100,000 problems would otherwise print for minutes. The machine formats (json,
 * sarif, junit) keep every one.
 */
export const READING_LIMITS = { perFile: 100, total: 200 } as const;

/** What a format for people prints, and how many of each severity it leaves out. */
export interface ForReading {
  shown: Diagnostic[];
  omitted: Record<Severity, number>;
}

/**
 * The diagnostics a person reads: each distinct one once, the first 100 of each file and 200 in
 * all, in the order given. Why a repeat is dropped without a count: the same rule, message and span
 * again says nothing new; the YAML parser repeats an unclosed bracket once a nesting level it backs
 * out of, and "(repeated 815 times)" would only report how deep that was.
 */
export function forReading(diagnostics: readonly Diagnostic[]): ForReading {
  const perFile = new Map<string, number>();
  const shown: Diagnostic[] = [];
  const omitted: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of distinct(diagnostics)) {
    const inFile = perFile.get(d.file) ?? 0;
    if (inFile >= READING_LIMITS.perFile || shown.length >= READING_LIMITS.total) {
      omitted[d.severity] += 1;
      continue;
    }
    perFile.set(d.file, inFile + 1);
    shown.push(d);
  }
  return { shown, omitted };
}

/** Each diagnostic once, in the order given: a later one of the same file, rule, message and span is left out. */
export function distinct(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return firstOfEach(diagnostics, identity);
}

/** Same file, rule, message and span: the same diagnostic. */
const identity = (d: Diagnostic) =>
  JSON.stringify([d.file, d.ruleId, d.message, d.span?.start.line, d.span?.start.column, d.span?.end.line, d.span?.end.column]);

/**
 * "… and 15 more not shown (12 errors, 3 warnings); …", or undefined when nothing was left out.
 * Why it names `ctwg lint --format json`: `build` prints errors in this format too, and its own
 * `--format` picks documents.
 */
export function omittedNote(omitted: Record<Severity, number>): string | undefined {
  const total = omitted.error + omitted.warning + omitted.info;
  if (total === 0) return undefined;
  const parts = (
    [
      [omitted.error, "error"],
      [omitted.warning, "warning"],
      [omitted.info, "note"],
    ] as const
  )
    .filter(([n]) => n > 0)
    .map(([n, word]) => `${n} ${word}${n === 1 ? "" : "s"}`);
  const { perFile, total: all } = READING_LIMITS;
  return `… and ${total} more not shown (${parts.join(", ")}): at most ${perFile} a file and ${all} in all are printed; \`ctwg lint --format json\` lists every one`;
}
