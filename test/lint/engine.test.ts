import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Diagnostic, Pos } from "../../src/diagnostics/diagnostic.js";
import { lint } from "../../src/index.js";
import { parseConfig, type LintConfig } from "../../src/lint/config.js";
import { RULES } from "../../src/lint/rules/index.js";
import { loadLintSettings } from "../../src/load/lint-settings.js";
import { tempProject } from "../support/cli.js";
import { replaceOnce, rulesAndPaths, text2017 } from "../support/workplan.js";

/**
 * The engine around the rules, through the public `lint()`: positions inside folded paragraphs,
 * severities from the configuration, suppression comments and their own diagnostics.
 */

const FILE = "workplans/2017.yaml";
const IDS = RULES.map((rule) => rule.meta.id);

let project: { cwd: string; cleanup: () => void };
beforeEach(() => {
  project = tempProject();
});
afterEach(() => project.cleanup());

/** Writes `text` as the project's 2017 plan and lints it with the real glossary and the given config. */
async function lintText(text: string, config?: LintConfig): Promise<Diagnostic[]> {
  writeFileSync(join(project.cwd, FILE), text);
  const settings = await loadLintSettings(project.cwd);
  expect(settings.diagnostics).toEqual([]);
  const report = await lint(FILE, { cwd: project.cwd, settings: { glossary: settings.glossary, config: config ?? settings.config } });
  expect(report.workplan, "the edited plan still validates").toBeDefined();
  return report.diagnostics;
}

/** The 1-based line and column of the first occurrence of `needle` in `text` (plus `skip` characters). */
function positionOf(text: string, needle: string, skip = 0): Pos {
  const at = text.indexOf(needle);
  if (at === -1) throw new Error(`not found: ${needle}`);
  const before = text.slice(0, at + skip);
  const line = before.split("\n").length;
  return { line, column: before.length - before.lastIndexOf("\n") };
}

const ofRule = (diagnostics: readonly Diagnostic[], ruleId: string) => diagnostics.filter((d) => d.ruleId === ruleId);

/** The line that opens the stale paragraph (`        - >-`), where a suppression comment goes above. */
const STALE_PARAGRAPH = "        - >-\n          As part of the APEC MESF capacity building";

describe("positions", () => {
  it('points the stale date at the "20-21" inside the folded paragraph, to the end of "2016" on the next line', async () => {
    const text = text2017();
    const [stale, ...rest] = ofRule(await lintText(text), "stale-date");
    expect(rest).toEqual([]);
    expect(stale!.span!.start).toEqual(positionOf(text, "20-21 February\n"));
    const end = positionOf(text, "2016 will be a highly");
    expect(stale!.span!.end).toEqual({ line: end.line, column: end.column + "2016".length });
    // Not the start of the paragraph, which is where a whole-value span would begin.
    expect(stale!.span!.start).not.toEqual(positionOf(text, "As part of the APEC MESF"));
  });

  it("points each TPT-WG at its own place in a paragraph that holds two acronym slips", async () => {
    const text = text2017();
    const line = text.split("\n").find((l) => l.includes("CTI SCCP, TPT-WG"))!;
    const lineNumber = text.split("\n").indexOf(line) + 1;
    const starts = ofRule(await lintText(text), "consistent-acronym")
      .filter((d) => d.span!.start.line === lineNumber)
      .map((d) => d.span!.start.column)
      .sort((a, b) => a - b);
    expect(starts).toEqual([line.indexOf("CTI SCCP") + 1, line.indexOf("TPT-WG") + 1]);
  });
});

describe("configuration", () => {
  it("gives every rule its own severity by default", async () => {
    const diagnostics = await lintText(text2017());
    expect(ofRule(diagnostics, "stale-date").map((d) => d.severity)).toEqual(["warning"]);
  });

  it("turns stale-date into an error", async () => {
    const diagnostics = await lintText(text2017(), { rules: { "stale-date": "error" }, profiles: {} });
    expect(ofRule(diagnostics, "stale-date").map((d) => d.severity)).toEqual(["error"]);
    expect(ofRule(diagnostics, "tbc-in-text").map((d) => d.severity)).toEqual(["warning", "warning"]);
  });

  it("turns stale-date off", async () => {
    const diagnostics = await lintText(text2017(), { rules: { "stale-date": "off" }, profiles: {} });
    expect(ofRule(diagnostics, "stale-date")).toEqual([]);
    expect(diagnostics).toHaveLength(7);
  });

  it("reports an unknown rule id in the configuration, at its key, with a did-you-mean", () => {
    const result = parseConfig("lint:\n  rules:\n    stale-dat: error\n", "ctwg.config.yaml", IDS);
    expect(result.value).toBeUndefined();
    expect(result.diagnostics).toHaveLength(1);
    const [d] = result.diagnostics;
    expect(d).toMatchObject({
      ruleId: "config/unknown-rule",
      severity: "error",
      file: "ctwg.config.yaml",
      path: ["lint", "rules", "stale-dat"],
      hint: "did you mean `stale-date`?",
    });
    expect(d!.span).toEqual({ start: { line: 3, column: 5 }, end: { line: 3, column: 14 } });
  });

  it("reads a valid configuration, and an empty one as the defaults", () => {
    expect(parseConfig("lint:\n  rules:\n    stale-date: error\n    known-acronym: off\n", "c.yaml", IDS)).toEqual({
      value: { rules: { "stale-date": "error", "known-acronym": "off" }, profiles: {} },
      diagnostics: [],
    });
    expect(parseConfig("# nothing yet\n", "c.yaml", IDS)).toEqual({ value: { rules: {}, profiles: {} }, diagnostics: [] });
  });

  it("rejects a severity that is not error, warning, info or off as a schema error", () => {
    const result = parseConfig("lint:\n  rules:\n    stale-date: fatal\n", "ctwg.config.yaml", IDS);
    expect(result.value).toBeUndefined();
    expect(result.diagnostics.length).toBeGreaterThan(0);
    for (const d of result.diagnostics) {
      expect(d.ruleId).toMatch(/^schema\//);
      expect(d.severity).toBe("error");
    }
    expect(result.diagnostics[0]!.span?.start.line).toBe(3);
  });

  it("rejects an unknown key beside `rules`", () => {
    const result = parseConfig("lint:\n  rule:\n    stale-date: error\n", "ctwg.config.yaml", IDS);
    expect(result.value).toBeUndefined();
    expect(result.diagnostics.map((d) => d.ruleId)).toContain("schema/unknown-key");
  });
});

describe("suppression comments", () => {
  it("`ctwg-disable-next-line stale-date` above the paragraph removes the finding, and nothing else", async () => {
    const text = replaceOnce(text2017(), STALE_PARAGRAPH, `        # ctwg-disable-next-line stale-date\n${STALE_PARAGRAPH}`);
    const diagnostics = await lintText(text);
    expect(ofRule(diagnostics, "stale-date")).toEqual([]);
    expect(ofRule(diagnostics, "lint/unused-suppression")).toEqual([]);
    expect(diagnostics).toHaveLength(7);
  });

  it("a suppression of another rule leaves the finding", async () => {
    const text = replaceOnce(text2017(), STALE_PARAGRAPH, `        # ctwg-disable-next-line tbc-in-text\n${STALE_PARAGRAPH}`);
    const diagnostics = await lintText(text);
    expect(ofRule(diagnostics, "stale-date")).toHaveLength(1);
    expect(ofRule(diagnostics, "lint/unused-suppression")).toHaveLength(1);
  });

  it("`ctwg-disable consistent-acronym` at the top removes all five", async () => {
    const text = `# ctwg-disable consistent-acronym\n${text2017()}`;
    const diagnostics = await lintText(text);
    expect(ofRule(diagnostics, "consistent-acronym")).toEqual([]);
    expect(
      rulesAndPaths(diagnostics)
        .map(([id]) => id)
        .sort(),
    ).toEqual(["stale-date", "tbc-in-text", "tbc-in-text"]);
  });

  it("a suppression with nothing to suppress is reported at its own line", async () => {
    const text = replaceOnce(text2017(), "\nyear: 2017\n", "\n  # ctwg-disable-next-line stale-date\nyear: 2017\n");
    const diagnostics = await lintText(text);
    const unused = ofRule(diagnostics, "lint/unused-suppression");
    expect(unused).toHaveLength(1);
    expect(unused[0]!.severity).toBe("warning");
    expect(unused[0]!.span!.start).toEqual(positionOf(text, "# ctwg-disable-next-line"));
    expect(unused[0]!.message).toContain("stale-date");
    expect(ofRule(diagnostics, "stale-date")).toHaveLength(1);
  });

  it("a suppression of a rule that is off is not reported as unused", async () => {
    const text = `# ctwg-disable stale-date\n${text2017()}`;
    const diagnostics = await lintText(text, { rules: { "stale-date": "off" }, profiles: {} });
    expect(ofRule(diagnostics, "lint/unused-suppression")).toEqual([]);
  });

  it("an unknown rule id in a suppression is reported with a did-you-mean, and suppresses nothing", async () => {
    const text = replaceOnce(text2017(), STALE_PARAGRAPH, `        # ctwg-disable-next-line stale-dates\n${STALE_PARAGRAPH}`);
    const diagnostics = await lintText(text);
    const unknown = ofRule(diagnostics, "lint/unknown-rule");
    expect(unknown).toHaveLength(1);
    expect(unknown[0]!.hint).toBe("did you mean `stale-date`?");
    expect(unknown[0]!.message).toContain("stale-dates");
    expect(unknown[0]!.span!.start).toEqual(positionOf(text, "# ctwg-disable-next-line stale-dates"));
    expect(ofRule(diagnostics, "stale-date")).toHaveLength(1);
  });

  it("a `#` inside a text is not taken for a suppression", async () => {
    const text = replaceOnce(
      text2017(),
      "    - The CTWG will continue to work on major event security capacity building activities.\n",
      '    - "The CTWG will continue to work on major event security # ctwg-disable stale-date"\n',
    );
    const diagnostics = await lintText(text);
    expect(ofRule(diagnostics, "stale-date")).toHaveLength(1);
  });
});

describe("the previous year's plan", () => {
  it("is read from YEAR-1.yaml beside the file, for meeting-sequence", async () => {
    const previous = replaceOnce(
      replaceOnce(replaceOnce(text2017(), "year: 2017\n", "year: 2016\n"), "meetingNumber: 9\n", "meetingNumber: 8\n"),
      "meetingNumber: 10\n",
      "meetingNumber: 9\n",
    );
    writeFileSync(join(project.cwd, "workplans", "2016.yaml"), previous);
    const diagnostics = await lintText(text2017());
    expect(rulesAndPaths(ofRule(diagnostics, "meeting-sequence"))).toEqual([
      ["meeting-sequence", ["deliverables", 0, "event", "meetingNumber"]],
    ]);
  });
});
