import type { Diagnostic, Span } from "../../src/diagnostics/diagnostic.js";

/**
 * A diagnostic for formatter tests: an error of `some-rule` in workplans/2017.yaml saying "Something
 * is wrong.", with what the test is about given as `overrides`. Why no span by default: whether a
 * diagnostic has one is what formatters branch on most, so a test that wants one says where.
 */
export function diagnostic(overrides: Partial<Diagnostic> = {}): Diagnostic {
  return {
    ruleId: "some-rule",
    severity: "error",
    message: "Something is wrong.",
    file: "workplans/2017.yaml",
    path: [],
    ...overrides,
  };
}

/** The span from `start` to `end`, each `[line, column]`, 1-based as in a Diagnostic. */
export function span([startLine, startColumn]: [number, number], [endLine, endColumn]: [number, number]): Span {
  return { start: { line: startLine, column: startColumn }, end: { line: endLine, column: endColumn } };
}
