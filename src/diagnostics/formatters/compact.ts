import type { Diagnostic } from "../diagnostic.js";
import { visible } from "../visible.js";
import { forReading, omittedNote } from "./for-reading.js";
import type { Formatter } from "./formatter.js";

/**
 * One line a diagnostic, `file:line:col: severity: message [rule-id]`, as compilers and editors
 * expect; hints are for `pretty`. Repeats are shown once, at most 100 a file (see forReading), and
 * control characters are made visible, so one diagnostic stays one line and cannot drive the terminal.
 */
export const compact: Formatter = (diagnostics) => {
  const { shown, omitted } = forReading(diagnostics);
  const note = omittedNote(omitted);
  return shown.map(line).join("") + (note ? `${note}\n` : "");
};

function line(d: Diagnostic): string {
  const at = d.span ? `:${d.span.start.line}:${d.span.start.column}` : "";
  return `${visible(d.file)}${at}: ${d.severity}: ${visible(d.message)} [${visible(d.ruleId)}]\n`;
}
