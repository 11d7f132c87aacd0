import { describe, expect, it } from "vitest";
import { compact } from "../../../src/diagnostics/formatters/compact.js";
import { diagnostics, options } from "../../fixtures/formatters/diagnostics.js";
import { diagnostic, span } from "../../support/diagnostics.js";

/** What GCC-style log parsers read off a line: file, line, column, severity, message, and the rule id last. */
const GCC_LINE = /^(?<file>[^:\n]+):(?<line>\d+):(?<column>\d+): (?<severity>error|warning|info): (?<message>.*) \[(?<rule>[^\]\n]+)\]$/;

// Golden files: update with `npx vitest run -u` and review the diff of test/fixtures/formatters/ like code.
describe("compact", () => {
  it("writes the golden lines", async () => {
    await expect(compact(diagnostics, options)).toMatchFileSnapshot("../../fixtures/formatters/compact.txt");
  });

  it("writes one line a diagnostic, a line break in a message made visible", () => {
    const out = compact(diagnostics, options);
    expect(out.endsWith("\n")).toBe(true);
    expect(out.trimEnd().split("\n")).toHaveLength(diagnostics.length);
  });

  it("puts the hint in the message, before the rule id, where a compiler's log parser still reads the line", () => {
    const d = diagnostic({
      ruleId: "schema/unknown-key",
      span: span([11, 3], [11, 8]),
      message: "unknown key `symbl` in `cover`",
      hint: "did you mean `symbol`?",
    });
    const out = compact([d], options);
    expect(out).toBe(
      "workplans/2017.yaml:11:3: error: unknown key `symbl` in `cover` (hint: did you mean `symbol`?) [schema/unknown-key]\n",
    );
    expect(GCC_LINE.exec(out.trimEnd())?.groups).toEqual({
      file: "workplans/2017.yaml",
      line: "11",
      column: "3",
      severity: "error",
      message: "unknown key `symbl` in `cover` (hint: did you mean `symbol`?)",
      rule: "schema/unknown-key",
    });
  });

  it("writes no hint part for a diagnostic without one", () => {
    expect(compact([diagnostic({ span: span([2, 1], [2, 4]) })], options)).toBe(
      "workplans/2017.yaml:2:1: error: Something is wrong. [some-rule]\n",
    );
  });

  it("makes the hint's control characters visible, so it cannot break the line or drive the terminal", () => {
    const out = compact([diagnostic({ span: span([1, 1], [1, 2]), hint: "write\nit \u001b[2Jagain\r" })], options);
    expect(out).toBe("workplans/2017.yaml:1:1: error: Something is wrong. (hint: write\\u{a}it \\u{1b}[2Jagain\\u{d}) [some-rule]\n");
  });
});
