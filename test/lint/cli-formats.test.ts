import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type * as Sarif from "sarif";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { RULES } from "../../src/lint/rules/index.js";
import { runCli, tempProject } from "../support/cli.js";
import { replaceOnce, text2017 } from "../support/workplan.js";

/**
 * `ctwg lint` on a copy of the 2017 plan (eight warnings: five acronym spellings, two "(tbc)", one
 * stale date) in each report format, with the flags that decide the exit code.
 */

const FILE = "workplans/2017.yaml";
const WARNINGS_2017 = 8;

let project: { cwd: string; cleanup: () => void };
beforeEach(() => {
  project = tempProject();
});
afterEach(() => project.cleanup());

const lint = (...args: string[]) => runCli(["lint", "2017", ...args], project.cwd);
const write = (file: string, text: string) => writeFileSync(join(project.cwd, file), text);

/** The 2017 plan with an introduction paragraph that misspells Viet Nam 25 times. */
const TWENTY_FIVE_SLIPS = replaceOnce(
  text2017(),
  "introduction:\n  paragraphs:\n",
  `introduction:\n  paragraphs:\n    - ${Array.from({ length: 25 }, () => "Vietnam").join(", ")}.\n`,
);

describe("--format github", () => {
  it("prints one ::warning line per finding, with file, line and column", async () => {
    const result = await lint("--format", "github");
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(WARNINGS_2017);
    for (const line of lines)
      expect(line).toMatch(/^::warning file=workplans\/2017\.yaml,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::\S/);
    expect(lines.filter((line) => line.includes("title=consistent-acronym"))).toHaveLength(5);
  });

  it("annotates at most 10 errors, says how many were left out, and lists all of them in the step summary", async () => {
    write(FILE, TWENTY_FIVE_SLIPS);
    write("ctwg.config.yaml", "lint:\n  rules:\n    economy-spelling: error\n");
    const summary = join(project.cwd, "summary.md");
    write("summary.md", "earlier step\n");
    const result = await runCli(["lint", "2017", "--format", "github"], project.cwd, { GITHUB_STEP_SUMMARY: summary });
    expect(result.code).toBe(1);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines.filter((line) => line.startsWith("::error "))).toHaveLength(10);
    expect(lines.filter((line) => line.startsWith("::warning "))).toHaveLength(WARNINGS_2017);
    const notices = lines.filter((line) => line.startsWith("::notice"));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain("15 errors");
    expect(lines).toHaveLength(10 + WARNINGS_2017 + 1);

    const appended = readFileSync(summary, "utf8");
    expect(appended.startsWith("earlier step\n")).toBe(true);
    expect(appended).toContain("## ctwg lint");
    expect(appended).toContain("25 errors, 8 warnings");
    const rows = appended.split("\n").filter((line) => line.startsWith("| workplans/2017.yaml:"));
    expect(rows).toHaveLength(25 + WARNINGS_2017);
    expect(rows.filter((row) => row.includes("economy-spelling"))).toHaveLength(25);
  });

  it("caps warnings the same way", async () => {
    write(FILE, TWENTY_FIVE_SLIPS);
    const summary = join(project.cwd, "summary.md");
    const result = await runCli(["lint", "2017", "--format", "github"], project.cwd, { GITHUB_STEP_SUMMARY: summary });
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines.filter((line) => line.startsWith("::warning "))).toHaveLength(10);
    expect(lines.at(-1)).toMatch(/^::notice::.*23 warnings/);
    const rows = readFileSync(summary, "utf8")
      .split("\n")
      .filter((line) => line.startsWith("| workplans/2017.yaml:"));
    expect(rows).toHaveLength(25 + WARNINGS_2017);
  });

  it("writes no step summary for another format", async () => {
    const summary = join(project.cwd, "summary.md");
    await runCli(["lint", "2017", "--format", "compact"], project.cwd, { GITHUB_STEP_SUMMARY: summary });
    expect(existsSync(summary)).toBe(false);
  });
});

describe("--format sarif", () => {
  it("is a SARIF 2.1.0 log describing every rule, with a located result per finding", async () => {
    const result = await lint("--format", "sarif");
    expect(result.code).toBe(0);
    const log = JSON.parse(result.stdout) as Sarif.Log;
    expect(log.version).toBe("2.1.0");
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0]!;
    expect(run.tool.driver.name).toBe("ctwg");
    const ruleIds = (run.tool.driver.rules ?? []).map((rule) => rule.id);
    for (const { meta } of RULES) expect(ruleIds, meta.id).toContain(meta.id);
    const results = run.results ?? [];
    expect(results).toHaveLength(WARNINGS_2017);
    for (const r of results) {
      expect(ruleIds).toContain(r.ruleId);
      expect(r.level).toBe("warning");
      expect(r.message.text).toBeTruthy();
      const location = r.locations?.[0]?.physicalLocation;
      expect(location?.artifactLocation?.uri).toBe("workplans/2017.yaml");
      expect(location?.region?.startLine).toBeGreaterThan(0);
      expect(location?.region?.startColumn).toBeGreaterThan(0);
      expect(run.tool.driver.rules![r.ruleIndex!]!.id).toBe(r.ruleId);
    }
  });
});

describe("--format junit", () => {
  it("has a failing testcase per finding", async () => {
    const result = await lint("--format", "junit");
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith("<?xml")).toBe(true);
    expect(result.stdout.match(/<testcase /g)).toHaveLength(WARNINGS_2017);
    expect(result.stdout.match(/<failure type="warning"/g)).toHaveLength(WARNINGS_2017);
    expect(result.stdout).toContain(`tests="${WARNINGS_2017}" failures="${WARNINGS_2017}"`);
  });
});

describe("--output", () => {
  it("writes the report to the file, creating its folder, and prints nothing", async () => {
    const result = await lint("--format", "sarif", "--output", "out/report.sarif");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("");
    const log = JSON.parse(readFileSync(join(project.cwd, "out", "report.sarif"), "utf8")) as Sarif.Log;
    expect(log.version).toBe("2.1.0");
    expect(log.runs[0]!.results).toHaveLength(WARNINGS_2017);
  });
});

describe("exit codes", () => {
  it("is 0 on warnings only, and 1 with --fail-on warning", async () => {
    expect((await lint()).code).toBe(0);
    expect((await lint("--fail-on", "warning")).code).toBe(1);
    expect((await lint("--fail-on", "error")).code).toBe(0);
  });

  it("is 1 with more warnings than --max-warnings allows", async () => {
    expect((await lint("--max-warnings", "7")).code).toBe(1);
    expect((await lint("--max-warnings", "8")).code).toBe(0);
  });

  it("is 1 with --fail-on info when there is only an info finding, as the configuration may make one", async () => {
    const found = await lint("--format", "json");
    const ids = [...new Set((JSON.parse(found.stdout) as { ruleId: string }[]).map((d) => d.ruleId))];
    write("ctwg.config.yaml", `lint:\n  rules:\n${ids.map((id) => `    ${id}: info\n`).join("")}`);
    expect((await lint()).code).toBe(0);
    expect((await lint("--fail-on", "warning")).code).toBe(0);
    expect((await lint("--fail-on", "info")).code).toBe(1);
  });

  it("is 2 for a bad --fail-on or --max-warnings, with a did-you-mean for ESLint's words", async () => {
    const warn = await lint("--fail-on", "warn");
    expect(warn.code).toBe(2);
    expect(warn.stderr).toBe(`ctwg: --fail-on takes error, warning or info, not "warn"; did you mean warning?\n`);
    expect((await lint("--fail-on", "eror")).stderr).toContain("did you mean error?");
    expect((await lint("--fail-on", "notice")).code).toBe(2);
    expect((await lint("--max-warnings", "many")).code).toBe(2);
  });

  it("is 1 when ctwg.config.yaml makes stale-date an error", async () => {
    write("ctwg.config.yaml", "lint:\n  rules:\n    stale-date: error\n");
    const result = await lint("--format", "compact");
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/: error: "20-21 February 2016".*\[stale-date\]/);
  });

  it("reads the configuration given with --config", async () => {
    write("strict.yaml", "lint:\n  rules:\n    stale-date: error\n");
    expect((await lint("--config", "strict.yaml")).code).toBe(1);
  });

  it("is 2 for a broken ctwg.config.yaml, with its diagnostic on stderr", async () => {
    write("ctwg.config.yaml", "lint:\n  rules:\n    stale-dat: error\n");
    const result = await lint("--format", "compact");
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("there is no lint rule `stale-dat`");
    expect(result.stderr).toContain("ctwg.config.yaml:3:5");
    expect(result.stderr).toContain("did you mean `stale-date`?");
  });

  it("is 2 for a ctwg.config.yaml that is not YAML", async () => {
    write("ctwg.config.yaml", "lint:\n  rules: [stale-date: error\n");
    const result = await lint();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("ctwg.config.yaml");
  });
});

describe("--format compact on the 2017 plan", () => {
  it("matches the golden file", async () => {
    const result = await lint("--format", "compact");
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout.trimEnd().split("\n")).toHaveLength(WARNINGS_2017);
    expect(result.stdout).not.toContain(project.cwd);
    await expect(result.stdout).toMatchFileSnapshot("../fixtures/lint/2017-compact.txt");
  });
});
