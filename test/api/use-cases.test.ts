import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { build, calendar, diff, fix, formatDiff, lint, lintFiles, loadSettings, nextYear } from "../../src/index.js";
import * as view from "../../src/render/view.js";
import { tempProject } from "../support/cli.js";
import { replaceOnce, ROOT, text2017 } from "../support/workplan.js";

// Why a counting wrapper: the one view of a build is an observable promise of the API, not a detail.
vi.mock("../../src/render/view.js", async (original) => {
  const actual = await original<typeof import("../../src/render/view.js")>();
  return { ...actual, buildView: vi.fn(actual.buildView) };
});

const FILE = join("workplans", "2017.yaml");
let project: { cwd: string; cleanup: () => void };
beforeEach(() => (project = tempProject()));
afterEach(() => project.cleanup());

describe("build", () => {
  it("builds the view once and renders every format from it", async () => {
    vi.mocked(view.buildView).mockClear();
    const report = await build(FILE, { cwd: project.cwd, write: false });
    expect(report.artifacts.map((a) => a.path)).toEqual(["md", "html", "pdf", "docx"].map((ext) => `2017/2017_som1_sce-cow_002.${ext}`));
    expect(view.buildView).toHaveBeenCalledTimes(1);
    expect(report.written).toEqual([]);
  });

  it("returns the diagnostics and no artifact for a plan with errors", async () => {
    writeFileSync(join(project.cwd, FILE), replaceOnce(text2017(), "year: 2017", "year: twenty"));
    const report = await build(FILE, { cwd: project.cwd, write: false });
    expect(report.artifacts).toEqual([]);
    expect(report.diagnostics.some((d) => d.severity === "error")).toBe(true);
  });
});

describe("fix", () => {
  it("writes the repaired file and reports what is left", async () => {
    writeFileSync(
      join(project.cwd, FILE),
      replaceOnce(text2017(), "Nha Trang, Viet Nam 21-22 February", "Nha Trang, Vietnam 21-22 February"),
    );
    const settings = await loadSettings(project.cwd);
    const report = await fix(FILE, { cwd: project.cwd, settings });
    expect(report.outcome).toBe("fixed");
    expect(report.fixed).toBeGreaterThan(0);
    expect(readFileSync(join(project.cwd, FILE), "utf8")).toContain("Nha Trang, Viet Nam 21-22 February");
    expect(report.diagnostics.filter((d) => d.ruleId === "economy-spelling")).toEqual([]);
    expect((await fix(FILE, { cwd: project.cwd, settings })).outcome).toBe("nothing");
  });
});

describe("lint and lintFiles", () => {
  it("agree on one file", async () => {
    const settings = await loadSettings(project.cwd);
    const one = await lint(FILE, { cwd: project.cwd, settings });
    const [many] = await lintFiles([FILE], { cwd: project.cwd, settings });
    expect(many!.diagnostics).toEqual(one.diagnostics);
  });
});

describe("nextYear", () => {
  it("writes the draft once and refuses to replace it", async () => {
    const made = await nextYear("2018", { cwd: project.cwd });
    expect(made.written).toBe(true);
    expect(made.target).toBe(join("workplans", "2018.yaml"));
    expect(readFileSync(join(project.cwd, made.target), "utf8")).toBe(made.text);
    expect(made.leftOut.length).toBeGreaterThan(0);
    const again = await nextYear("2018", { cwd: project.cwd });
    expect(again).toMatchObject({ refused: "target-exists", written: false });
    expect(await nextYear("2019", { cwd: project.cwd, from: "2017", output: "x.yaml" })).toMatchObject({
      refused: "not-the-period-before",
    });
  });

  it("starts the next span of years from a plan of several", async () => {
    copyFileSync(join(ROOT, "examples", "strategic-plan", "workplans", "2018-2022.yaml"), join(project.cwd, "workplans", "2018-2022.yaml"));
    const made = await nextYear("2023-2027", { cwd: project.cwd });
    expect(made).toMatchObject({ written: true, target: join("workplans", "2023-2027.yaml") });
    expect(made.text).toMatch(/^period: 2023-2027$/m);
    const next = await lint(made.target, { cwd: project.cwd });
    expect(next.workplan?.period).toEqual({ start: 2023, end: 2027, label: "2023-2027" });
    expect(next.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});

describe("diff", () => {
  it("compares two plans and formats the result in any format", async () => {
    writeFileSync(
      join(project.cwd, "workplans", "2018.yaml"),
      text2017().replace("Hold a workshop on Safeguarding", "Hold a seminar on Safeguarding"),
    );
    const report = await diff("2017", "workplans/2018.yaml", { cwd: project.cwd });
    expect(report.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(report.diff!.changes.length).toBeGreaterThan(0);
    expect(await formatDiff(report.diff!, "text")).toContain("[-workshop-]{+seminar+}");
    expect(JSON.parse(await formatDiff(report.diff!, "json")).format).toBe("ctwg-diff/1");
  });

  it("makes no diff when a side does not validate", async () => {
    const report = await diff("2017", "2031", { cwd: project.cwd });
    expect(report.diff).toBeUndefined();
    expect(report.sides[1].diagnostics[0]!.ruleId).toBe("input/not-found");
  });
});

describe("calendar", () => {
  it("makes the calendar without writing it", async () => {
    const report = await calendar(FILE, { cwd: project.cwd, write: false });
    expect(report.events.length).toBeGreaterThan(0);
    expect(new TextDecoder().decode(report.artifact!.bytes)).toMatch(/^BEGIN:VCALENDAR/);
    expect(report.written).toEqual([]);
  });
});
