import type { Formatter } from "./formatter.js";

/** One line a diagnostic, `file:line:col: severity: message [rule-id]`, as compilers and editors expect; hints are for `pretty`. */
export const compact: Formatter = (diagnostics) =>
  diagnostics
    .map((d) => {
      const at = d.span ? `:${d.span.start.line}:${d.span.start.column}` : "";
      return `${d.file}${at}: ${d.severity}: ${d.message} [${d.ruleId}]\n`;
    })
    .join("");
