import type { Formatter } from "./formatter.js";

/** One line a diagnostic, `file:line:col: severity: message [rule-id]`, as compilers and editors expect. */
export const compact: Formatter = (diagnostics) =>
  diagnostics
    .map((d) => {
      const at = d.span ? `:${d.span.start.line}:${d.span.start.column}` : "";
      return `${d.file}${at}: ${d.severity}: ${d.message}${d.hint ? ` (${d.hint})` : ""} [${d.ruleId}]\n`;
    })
    .join("");
