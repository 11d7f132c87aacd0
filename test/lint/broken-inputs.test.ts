import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formatReports } from "../../src/cli/report.js";
import { NO_PAINT } from "../../src/diagnostics/formatters/formatter.js";
import { check } from "../../src/index.js";

/**
 * Each folder in test/fixtures/broken/ holds a shortened 2017 workplan with mistakes of one kind and
 * the pretty diagnostics (no colour) it must produce. Update with `npx vitest run -u`, then read every
 * changed diagnostics.txt: the caret must sit under the token that is wrong.
 */
const BROKEN = new URL("../fixtures/broken/", import.meta.url);

/** The rules each case exists to show; a regenerated golden cannot quietly lose them. */
const EXPECTED_RULES: Record<string, string[]> = {
  "bad-date": ["schema/invalid-value", "schema/invalid-value"],
  "bad-enum": ["schema/invalid-value", "schema/invalid-value"],
  "duplicate-key": ["yaml/duplicate-key"],
  "missing-field": ["schema/missing-key", "schema/missing-key"],
  "syntax-error": ["yaml/syntax"],
  "unknown-key": ["schema/unknown-key", "schema/unknown-key"],
  "wrong-type": ["schema/wrong-type", "schema/wrong-type"],
};

const cases = readdirSync(BROKEN, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe("diagnostics for broken inputs", () => {
  it("has a case for every kind of mistake listed, and no unlisted case", () => {
    expect(cases).toEqual(Object.keys(EXPECTED_RULES).sort());
  });

  it.each(cases)("%s", async (name) => {
    const cwd = fileURLToPath(new URL(`${name}/`, BROKEN));
    const report = await check("input.yaml", { cwd });
    expect(report.workplan).toBeUndefined();
    expect(report.diagnostics.map((d) => d.ruleId).sort()).toEqual(EXPECTED_RULES[name]);
    for (const d of report.diagnostics) {
      expect(d.file).toBe("input.yaml");
      expect(d.span, `${d.ruleId} has a position`).toBeDefined();
    }
    const text = formatReports([report], "pretty", NO_PAINT);
    expect(text).not.toContain(cwd); // goldens hold no machine paths
    expect(text).not.toMatch(/\x1b\[/); // nor colour
    await expect(text).toMatchFileSnapshot(`../fixtures/broken/${name}/diagnostics.txt`);
  });
});
