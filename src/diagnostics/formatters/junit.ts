import type { Diagnostic } from "../diagnostic.js";
import { visibleForXml } from "../visible.js";
import type { Formatter } from "./formatter.js";

/**
 * JUnit XML for CI test reports: a `<testsuite>` per file checked, in the order checked, and a
 * `<testcase>` per diagnostic; a file with none has one passing testcase, `ctwg lint`, as ESLint's
 * JUnit format writes, so a clean run shows its files passed rather than "0 tests". Errors and
 * warnings are `<failure>`s; an info is a passing testcase whose text is in `<system-out>`. Why
 * warnings fail: a report that shows them green hides them; whether they fail the build is the exit
 * code's business, not the report's.
 */
export const junit: Formatter = (diagnostics, { files = [] }) => {
  const byFile = new Map<string, Diagnostic[]>(files.map((file) => [file, []]));
  for (const d of diagnostics) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  const tests = (list: readonly Diagnostic[]) => Math.max(1, list.length);
  const total = [...byFile.values()].reduce((sum, list) => sum + tests(list), 0);
  const lines = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<testsuites name="ctwg lint" tests="${total}" failures="${failures(diagnostics)}">`,
  ];
  for (const [file, list] of byFile) {
    lines.push(`  <testsuite name="${attr(file)}" tests="${tests(list)}" failures="${failures(list)}">`);
    if (list.length === 0) lines.push(`    <testcase classname="${attr(file)}" name="ctwg lint"/>`);
    for (const d of list) lines.push(...testcase(d));
    lines.push(`  </testsuite>`);
  }
  lines.push(`</testsuites>`);
  return `${lines.join("\n")}\n`;
};

function testcase(d: Diagnostic): string[] {
  const at = d.span ? `${d.span.start.line}:${d.span.start.column}` : "";
  const open = `    <testcase classname="${attr(d.file)}" name="${attr(at ? `${d.ruleId} at ${at}` : d.ruleId)}">`;
  const where = at ? `${d.file}:${at}` : d.file;
  const hint = d.hint ? ` (${d.hint})` : "";
  const body =
    d.severity === "info"
      ? `      <system-out>${text(`${where}: info: ${d.message}${hint}`)}</system-out>`
      : `      <failure type="${d.severity}" message="${attr(d.message)}">${text(`${where}: ${d.message}${hint}`)}</failure>`;
  return [open, body, `    </testcase>`];
}

const failures = (list: readonly Diagnostic[]) => list.filter((d) => d.severity !== "info").length;

/** Why `visibleForXml`: XML 1.0 cannot carry most control characters even as `&#n;`, so they are written out (`\u{1b}`). */
const text = (s: string) => visibleForXml(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r/g, "&#13;");

/** Why tabs and newlines as references: a parser turns them into spaces in a raw attribute value. */
const attr = (s: string) => text(s).replace(/"/g, "&quot;").replace(/'/g, "&apos;").replace(/\t/g, "&#9;").replace(/\n/g, "&#10;");
