import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/lint/config.js";
import { RULES } from "../../src/lint/rules/index.js";

/** A rule's setting in ctwg.config.yaml: strict, with a "did you mean" for what other linters write. */

const IDS = RULES.map((rule) => rule.meta.id);
const FILE = "ctwg.config.yaml";
const withSetting = (setting: string) => `lint:\n  rules:\n    stale-date: ${setting}\n`;
const check = (setting: string) => parseConfig(withSetting(setting), FILE, IDS);

describe("a rule's setting in ctwg.config.yaml", () => {
  it("refuses `warn` with one diagnostic at the value, saying what is expected and what was meant", () => {
    const result = check("warn");
    expect(result.value).toBeUndefined();
    expect(result.diagnostics).toEqual([
      {
        ruleId: "schema/invalid-value",
        severity: "error",
        message: '`lint.rules.stale-date`: expected error, warning, info or off; found text "warn"',
        file: FILE,
        path: ["lint", "rules", "stale-date"],
        span: { start: { line: 3, column: 17 }, end: { line: 3, column: 21 } },
        hint: "did you mean `warning`?",
      },
    ]);
  });

  it.each([
    ["warn", "warning"],
    ["WARN", "warning"],
    ["Warning", "warning"],
    ["warnings", "warning"],
    ["err", "error"],
    ["eror", "error"],
    ["information", "info"],
    ["none", "off"],
    ["false", "off"],
    ["0", "off"],
    ["1", "warning"],
    ["2", "error"],
    ['"2"', "error"],
    ["of", "off"],
  ])("suggests for %s the setting %s, and does not accept it", (written, meant) => {
    const result = check(written);
    expect(result.value).toBeUndefined();
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]!.hint).toBe(`did you mean \`${meant}\`?`);
    expect(result.diagnostics[0]!.span?.start).toEqual({ line: 3, column: 17 });
  });

  it.each(["fatal", "on", "no", "true", "1.5", "[warning]", "{ level: warning }", ""])(
    "lists the settings for %j, where it cannot tell what was meant",
    (written) => {
      const result = check(written);
      expect(result.value).toBeUndefined();
      expect(result.diagnostics).toHaveLength(1);
      expect(result.diagnostics[0]).toMatchObject({
        ruleId: "schema/invalid-value",
        message: expect.stringMatching(/^`lint\.rules\.stale-date`: expected error, warning, info or off; found /),
        hint: "write `error`, `warning`, `info` or `off`",
      });
      expect(result.diagnostics[0]!.span?.start.line).toBe(3);
    },
  );

  it("reports a misspelt rule and its bad setting together, each at its place", () => {
    const result = parseConfig("lint:\n  rules:\n    stale-dat: warn\n", FILE, IDS);
    expect(result.value).toBeUndefined();
    expect(result.diagnostics.map((d) => [d.ruleId, d.span?.start, d.hint])).toEqual([
      ["config/unknown-rule", { line: 3, column: 5 }, "did you mean `stale-date`?"],
      ["schema/invalid-value", { line: 3, column: 16 }, "did you mean `warning`?"],
    ]);
  });

  it("reports every bad setting and the file's other problems at once", () => {
    const result = parseConfig(
      "lint:\n  rules:\n    stale-date: warn\n    known-acronym: 0\n    tbc-in-text: error\n  rule: {}\n",
      FILE,
      IDS,
    );
    expect(result.value).toBeUndefined();
    expect(result.diagnostics.map((d) => [d.ruleId, d.span?.start.line, d.hint])).toEqual([
      ["schema/unknown-key", 6, "did you mean `rules`?"],
      ["schema/invalid-value", 3, "did you mean `warning`?"],
      ["schema/invalid-value", 4, "did you mean `off`?"],
    ]);
  });

  it("still accepts the four settings as written", () => {
    const text = "lint:\n  rules:\n    stale-date: error\n    known-acronym: off\n    tbc-in-text: info\n    fill-in: warning\n";
    expect(parseConfig(text, FILE, IDS)).toEqual({
      value: { rules: { "stale-date": "error", "known-acronym": "off", "tbc-in-text": "info", "fill-in": "warning" }, profiles: {} },
      diagnostics: [],
    });
  });

  it("still reports `lint.rules` that is not a mapping as the file format's error", () => {
    const result = parseConfig("lint:\n  rules: warn\n", FILE, IDS);
    expect(result.value).toBeUndefined();
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(["schema/wrong-type"]);
  });
});
