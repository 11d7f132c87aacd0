import { jsonForTerminal } from "../visible.js";
import type { Formatter } from "./formatter.js";

/**
 * A JSON array for machines. Why flat `line`/`column` beside `span`: most consumers want the start
 * position only, and reading it should not need to know the span's shape.
 */
export const json: Formatter = (diagnostics) =>
  `${jsonForTerminal(
    JSON.stringify(
      diagnostics.map((d) => ({
        file: d.file,
        line: d.span?.start.line ?? null,
        column: d.span?.start.column ?? null,
        endLine: d.span?.end.line ?? null,
        endColumn: d.span?.end.column ?? null,
        severity: d.severity,
        ruleId: d.ruleId,
        message: d.message,
        hint: d.hint ?? null,
        path: d.path,
      })),
      null,
      2,
    ),
  )}\n`;
