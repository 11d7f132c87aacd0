import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { distinct, forReading, READING_LIMITS } from "../../src/diagnostics/formatters/for-reading.js";
import { FORMATTERS } from "../../src/diagnostics/formatters/index.js";
import { NO_PAINT } from "../../src/diagnostics/formatters/formatter.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { LineIndex } from "../../src/diagnostics/line-index.js";
import { MAX_REPORTED } from "../../src/diagnostics/report-limit.js";
import { runCli } from "../support/cli.js";
import { replaceOnce, text2017 } from "../support/workplan.js";
import { projectWith } from "./support.js";

/**
 * Bounded cost: a plan under the size limit with 100,000 mistakes, and a bracket left open, give
 * reports a reader can read in every format; formats for people collapse repeats and stop at a cap
 * with a count, the machine formats keep every diagnostic. Why no timings: speed is the benchmark's
 * to measure; what is checked here is the shape that keeps the cost linear (a cap, one line index).
 */

/** The 2017 plan with `count` deliverables that are plain strings: each one a schema error. */
function planWithBadItems(count: number): string {
  const items = Array.from({ length: count }, (_, i) => `  - bogus${i}\n`).join("");
  return replaceOnce(text2017(), "\ndeliverables:\n", `\ndeliverables:\n${items}`);
}

const ITEMS = 100_000;

describe("a plan with 100,000 bad items", () => {
  let project: { cwd: string; cleanup: () => void };
  beforeAll(() => {
    project = projectWith(planWithBadItems(ITEMS));
  });
  afterAll(() => project.cleanup());

  it("is under the size limit, so it is read and checked, not refused", async () => {
    const { stdout } = await runCli(["lint", "2017", "--format", "compact"], project.cwd);
    expect(stdout).not.toContain("input/too-large");
  });

  for (const format of ["pretty", "compact"]) {
    it(`prints at most ${READING_LIMITS.perFile} diagnostics in ${format}, then counts the rest`, async () => {
      const { code, stdout } = await runCli(["lint", "2017", "--format", format], project.cwd);
      expect(code).toBe(1);
      const shown =
        format === "pretty"
          ? stdout.split("\n").filter((l) => /^(error|warning|info):/.test(l))
          : stdout.split("\n").filter((l) => / (error|warning|info): /.test(l));
      expect(shown.length).toBe(READING_LIMITS.perFile);
      expect(stdout).toMatch(/… and \d+ more not shown \(\d+ errors?/);
      expect(stdout).toContain("`ctwg lint --format json` lists every one");
    }, 60_000);
  }

  it("keeps every reported diagnostic in json, up to the per-file limit, and says how many more", async () => {
    const { stdout } = await runCli(["lint", "2017", "--format", "json"], project.cwd);
    const findings = JSON.parse(stdout) as { ruleId: string; message: string }[];
    expect(findings.length).toBeGreaterThan(READING_LIMITS.total);
    expect(findings.length).toBeLessThanOrEqual(MAX_REPORTED + 1);
    const more = findings.filter((f) => f.ruleId === "input/too-many-problems");
    expect(more.length).toBeLessThanOrEqual(1);
  }, 60_000);

  it("makes build fail with the same capped report, not hang", async () => {
    const { code, stderr, stdout } = await runCli(["build", "2017", "--format", "md"], project.cwd);
    expect(code).toBe(1);
    const printed = stdout + stderr;
    expect(printed).toMatch(/… and \d+ more not shown/);
  }, 60_000);
});

describe("one mistake the parser meets at every level", () => {
  it("an unclosed bracket nested 60 deep is reported once", async () => {
    const project = projectWith(`${text2017()}\nextra: ${"[".repeat(60)}\n`);
    try {
      const { stdout } = await runCli(["lint", "2017", "--format", "json"], project.cwd);
      const findings = JSON.parse(stdout) as { ruleId: string; message: string; line: number }[];
      const syntax = findings.filter((f) => f.ruleId === "yaml/syntax");
      const keys = syntax.map((f) => `${f.line}:${f.message}`);
      expect(new Set(keys).size).toBe(keys.length);
      expect(syntax.length).toBeLessThanOrEqual(3);
    } finally {
      project.cleanup();
    }
  });
});

describe("the pieces that keep formatting linear", () => {
  const diagnostic = (i: number, file = "workplans/2017.yaml"): Diagnostic => ({
    ruleId: "schema/invalid-type",
    severity: i % 3 === 0 ? "warning" : "error",
    message: `problem ${i}`,
    file,
    path: [],
    span: { start: { line: i + 1, column: 1 }, end: { line: i + 1, column: 2 } },
  });

  it("distinct drops exact repeats and keeps the first of each, in order", () => {
    const list = [diagnostic(1), diagnostic(2), diagnostic(1), diagnostic(3), diagnostic(2)];
    expect(distinct(list).map((d) => d.message)).toEqual(["problem 1", "problem 2", "problem 3"]);
  });

  it("forReading caps a file and the whole report, and counts what it left out by severity", () => {
    const list = [
      ...Array.from({ length: 150 }, (_, i) => diagnostic(i, "a.yaml")),
      ...Array.from({ length: 150 }, (_, i) => diagnostic(i, "b.yaml")),
      ...Array.from({ length: 50 }, (_, i) => diagnostic(i, "c.yaml")),
    ];
    const { shown, omitted } = forReading(list);
    expect(shown.length).toBe(READING_LIMITS.total);
    expect(shown.filter((d) => d.file === "a.yaml").length).toBe(READING_LIMITS.perFile);
    expect(omitted.error + omitted.warning + omitted.info).toBe(list.length - READING_LIMITS.total);
  });

  it("a line index gives each line without its break, CRLF or LF, and nothing past the end", () => {
    const index = new LineIndex("one\r\ntwo\nthree");
    expect([1, 2, 3, 4, 0].map((n) => index.line(n))).toEqual(["one", "two", "three", undefined, undefined]);
  });

  it("the machine formats keep every diagnostic, repeats too", () => {
    const list = [...Array.from({ length: 500 }, (_, i) => diagnostic(i)), diagnostic(0)];
    const options = { sources: new Map<string, string>(), paint: NO_PAINT };
    const json = JSON.parse(FORMATTERS.json!(list, options)) as unknown[];
    expect(json.length).toBe(list.length);
    const junit = FORMATTERS.junit!(list, options);
    expect(junit).toContain(`tests="${list.length}"`);
  });
});
