import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "./support/workplan.js";

// A smoke test of `npm run bench` (scripts/bench.mjs) in its quick mode: it runs, and the report it
// writes has its sections, tables and numbers. No timing is ever asserted: the figures depend on the
// machine and on what else it is doing. The test setup has built the CLI; CTWG_BENCH_NO_BUILD keeps
// the benchmark from rebuilding dist/ under the other tests should src/ change meanwhile.

/** The lines of the Markdown table that follows `heading`, header and separator included. */
function tableAfter(text: string, heading: string): string[] {
  const start = text.indexOf(heading);
  expect(start, `no "${heading}" in:\n${text}`).toBeGreaterThanOrEqual(0);
  const lines = text.slice(start).split("\n");
  const first = lines.findIndex((line) => line.startsWith("|"));
  const rest = lines.slice(first);
  const end = rest.findIndex((line) => !line.startsWith("|"));
  return end < 0 ? rest : rest.slice(0, end);
}

/** The cells of a table row. */
const cells = (row: string) =>
  row
    .split("|")
    .slice(1, -1)
    .map((cell) => cell.trim());

const NUMBER = /^\d[\d,]*(\.\d+)?$/;
const RATIO = /^\d+\.\d\d×$/;
/** CPU figures come from GNU time; where it is not installed the report says so and shows dashes. */
const cpu = (figure: RegExp, absent = /^—$/) => (report.includes("- **CPU**: not measured") ? absent : figure);

let dir: string;
let report: string;
let stderr = "";
let status: number | null;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ctwg-bench-test-"));
  const child = spawn(process.execPath, [join(ROOT, "scripts", "bench.mjs"), "--tiny", "--output", join(dir, "b.md")], {
    cwd: ROOT,
    env: { ...process.env, CTWG_BENCH_NO_BUILD: "1" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  status = await new Promise<number | null>((done) => child.on("close", (code) => done(code)));
  report = status === 0 ? readFileSync(join(dir, "b.md"), "utf8") : "";
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm run bench -- --tiny", () => {
  it("runs to the end, printing its progress on stderr", () => {
    expect(status, stderr).toBe(0);
    expect(stderr).toMatch(/^bench: single commands: run 1 of 2$/m);
    expect(stderr).toMatch(/^bench: wrote /m);
  });

  it("says what it measures, how, on which machine, and the command that made it", () => {
    expect(report).toMatch(/^# Benchmarks$/m);
    expect(report).toContain("whole processes");
    expect(report).toContain("median of the per-round ratios");
    for (const what of ["**Wall**", "**CPU**", "**Peak memory**"]) expect(report).toContain(what);
    expect(report).toMatch(/```sh\nnode scripts\/bench\.mjs --tiny --output \S+b\.md\n```/);
    const machine = tableAfter(report, "## Machine").map(cells);
    const field = (name: string) => machine.find(([key]) => key === name)?.[1];
    for (const name of ["CPU", "Cores", "Memory", "OS", "Node", "Date"]) expect(field(name), name).toBeTruthy();
    expect(field("Node")).toBe(process.version);
    expect(field("Date")).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it("times the floor and every ctwg command, with min, median and max wall time and median CPU time", () => {
    const table = tableAfter(report, "## Single commands");
    expect(cells(table[0]!).slice(1, 5)).toEqual(["wall min ms", "wall median ms", "wall max ms", "CPU median ms"]);
    const rows = table.slice(2).map(cells);
    const labels = rows.map(([label]) => label);
    expect(labels).toEqual([
      "`node -e 0`",
      "`ctwg lint 2017`",
      "`ctwg build 2017 --format md,html`",
      "`ctwg build 2017`",
      "`ctwg build 2017 --format pdf`",
      "`ctwg diff fixtures/2016.yaml 2017`",
      "`ctwg --version (installed package)`",
      "`ctwg --version (this clone)`",
    ]);
    for (const row of rows) {
      for (const cell of row.slice(1, 4)) expect(cell, row.join(" | ")).toMatch(NUMBER);
      expect(row[4], row.join(" | ")).toMatch(cpu(NUMBER));
    }
    // --tiny leaves pandoc out, and says so.
    expect(report).toContain("pandoc to HTML: not measured, skipped (--tiny).");
    const ratios = tableAfter(report, "Paired ratios");
    expect(cells(ratios[0]!)).toContain("CPU median");
    const lintRatio = ratios.slice(2).map(cells)[0]!;
    expect(lintRatio[1]).toMatch(RATIO);
    expect(lintRatio[5]).toMatch(cpu(RATIO));
  });

  it("reports the scale sizes with a line fit, the many-plan build, skips the largest file, and times the --watch saves", () => {
    const scale = tableAfter(report, "## Scale").slice(2).map(cells);
    expect(scale.map(([files]) => files)).toEqual(["1", "2", "5"]);
    for (const row of scale) {
      expect(row[2], row.join(" | ")).toMatch(NUMBER);
      expect(row[4], row.join(" | ")).toMatch(cpu(NUMBER));
    }
    const lintFit = report.slice(report.indexOf("### `ctwg lint DIR`"), report.indexOf("### `ctwg build DIR"));
    expect(lintFit).toMatch(/^- wall: time = [\d.,]+ ms \+ -?[\d.,]+ ms · n/m);
    if (!report.includes("- **CPU**: not measured")) expect(lintFit).toMatch(/^- CPU: time = [\d.,]+ ms \+ -?[\d.,]+ ms · n/m);
    const many = tableAfter(report, "## Many plans in one build");
    expect(cells(many[0]!)).toContain("cores busy (median)");
    const [build] = many.slice(2).map(cells);
    expect(build![0]).toBe("`ctwg build plans --out out`");
    for (const cell of build!.slice(2, 5)) expect(cell).toMatch(NUMBER);
    expect(build![6]).toMatch(cpu(/^\d+\.\d\d$/));
    expect(report).toMatch(/## Largest accepted file\n\nSkipped \(--tiny\)\./);
    const watch = tableAfter(report, "## `--watch`");
    expect(cells(watch[0]!).slice(0, 3)).toEqual(["save", "save → written ms", "CPU ms"]);
    const saves = watch.slice(2).map(cells);
    expect(saves.length).toBeGreaterThanOrEqual(1);
    const watcherCpu = report.includes("- **CPU** is not measured here") ? /^—$/ : NUMBER;
    for (const row of saves) {
      expect(row[1], row.join(" | ")).toMatch(NUMBER);
      expect(row[2], row.join(" | ")).toMatch(watcherCpu);
    }
  });

  it("has the targets table, each target measured and marked, or said not to be", () => {
    const targets = tableAfter(report, "## Targets");
    expect(cells(targets[0]!)).toEqual(["target", "wall", "CPU", "met"]);
    const rows = targets.slice(2).map(cells);
    expect(rows.map(([target]) => target)).toEqual([
      expect.stringMatching(/^`ctwg lint 2017` ≤ 1\.5× `node -e 0`/),
      expect.stringMatching(/^`ctwg build 2017 --format md,html` ≤ 1\.0× pandoc's standalone HTML/),
      expect.stringMatching(/^`ctwg build 2017` \(its default formats: .*\) ≤ 0\.5× pandoc \+ wkhtmltopdf/),
      expect.stringMatching(/^`ctwg build 2017 --format pdf` ≤ 0\.5× pandoc \+ wkhtmltopdf/),
      expect.stringMatching(/^lint of 1,000 plans ≤ 2 ms a file .* peak memory ≤ 200 MB/),
      expect.stringMatching(/uses every core: CPU time \/ wall time ≥ 0\.8 × \d+ cores/),
      expect.stringMatching(/^`--watch` .*save → every output written ≤ 100 ms/),
    ]);
    for (const [, wall, cpuFigure, met] of rows) {
      expect(met).toMatch(/^[✓✗—]$/);
      if (met === "—") expect(`${wall} ${cpuFigure}`).toMatch(/not measured|not judged|--tiny/);
      else expect(wall).toMatch(/\d/);
    }
    // --tiny measures the lint ratio and the --watch saves in full: they are judged.
    expect(rows[0]![2]).toMatch(cpu(/^\d+\.\d\d× \(/, /^not measured/));
    expect(rows[6]![3]).toMatch(/^[✓✗]$/);
  });
});
