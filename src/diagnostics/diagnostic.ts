import { compareText } from "./compare-text.js";

/** A 1-based line and column in a source file. */
export interface Pos {
  line: number;
  column: number;
}

export interface Span {
  start: Pos;
  end: Pos;
}

export type Severity = "error" | "warning" | "info";

export type DataPath = (string | number)[];

/**
 * The one shape every problem travels in, from YAML syntax errors to lint findings.
 * Why data paths and spans both: stages and rules know where in the data a problem is; only the
 * source document knows where that is in the text, so `locate` turns one into the other.
 */
export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  message: string;
  file: string;
  path: DataPath;
  span?: Span;
  hint?: string;
  related?: { message: string; path: DataPath; span?: Span }[];
  url?: string;
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Orders diagnostics by file, then position, then severity, so output is stable across runs. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      compareText(a.file, b.file) ||
      (a.span?.start.line ?? 0) - (b.span?.start.line ?? 0) ||
      (a.span?.start.column ?? 0) - (b.span?.start.column ?? 0) ||
      severityRank[a.severity] - severityRank[b.severity] ||
      compareText(a.ruleId, b.ruleId),
  );
}

export const hasErrors = (diagnostics: readonly Diagnostic[]) => diagnostics.some((d) => d.severity === "error");

/** A stage's answer: a value when it could make one, and what it found on the way. */
export interface Result<T> {
  value: T | undefined;
  diagnostics: Diagnostic[];
}
