import type { Diagnostic } from "../diagnostic.js";
import { visible } from "../visible.js";
import { forReading, omittedNote } from "./for-reading.js";
import type { Formatter } from "./formatter.js";

/**
 * One line a diagnostic, `file:line:col: severity: message (hint: …) [rule-id]`, as compilers and
 * editors expect: the hint, when there is one, sits inside the message, so a parser that reads
 * GCC's lines still finds the file, position, severity and rule id where it looks for them, and a
 * CI log (where this is the default) still says how to fix each problem. Code frames and notes are
 * for `pretty`. Repeats are shown once, at most 100 a file (see forReading), and control characters
 * are made visible, so one diagnostic stays one line and cannot drive the terminal.
 */
export const compact: Formatter = (diagnostics) => {
  const { shown, omitted } = forReading(diagnostics);
  const note = omittedNote(omitted);
  return shown.map(line).join("") + (note ? `${note}\n` : "");
};

function line(d: Diagnostic): string {
  const at = d.span ? `:${d.span.start.line}:${d.span.start.column}` : "";
  const hint = d.hint ? ` (hint: ${visible(d.hint)})` : "";
  return `${visible(d.file)}${at}: ${d.severity}: ${visible(d.message)}${hint} [${visible(d.ruleId)}]\n`;
}
