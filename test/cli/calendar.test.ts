import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ICAL from "ical.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli, tempProject } from "../support/cli.js";
import { replaceOnce, ROOT } from "../support/workplan.js";

const STEM = "2017_som1_sce-cow_002";
const GOLDEN = join(ROOT, "test", "fixtures", "calendar", "2017.ics");

let cwd: string;
let cleanup: () => void;
beforeEach(() => ({ cwd, cleanup } = tempProject()));
afterEach(() => cleanup());

const ics = () => join(cwd, "out", "2017", `${STEM}.ics`);

/** Replaces one occurrence of `from` in the copied 2017 workplan. */
function editWorkplan(from: string, to: string) {
  const file = join(cwd, "workplans", "2017.yaml");
  writeFileSync(file, replaceOnce(readFileSync(file, "utf8"), from, to));
}

describe("ctwg calendar", () => {
  it("writes out/YEAR/<stem>.ics, the same bytes as the golden calendar", async () => {
    const result = await runCli(["calendar", "2017"], cwd);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`✓ wrote out/2017/${STEM}.ics (4 events)\n`);
    expect(readFileSync(ics()).equals(readFileSync(GOLDEN))).toBe(true);
    const events = new ICAL.Component(ICAL.parse(readFileSync(ics(), "utf8"))).getAllSubcomponents("vevent");
    expect(events.map((e) => new ICAL.Event(e).uid)).toEqual([
      "2017-first-ctwg-meeting@ctwg",
      "2017-tourism-security-workshop@ctwg",
      "2017-second-ctwg-meeting@ctwg",
      "2017-ftf-returnees-workshop@ctwg",
    ]);
  });

  it("makes the calendar of every workplan when given no input", async () => {
    const result = await runCli(["calendar"], cwd);
    expect(result.code).toBe(0);
    expect(existsSync(ics())).toBe(true);
  });

  it("writes byte-identical files on a second run and says they are unchanged", async () => {
    await runCli(["calendar", "2017"], cwd);
    const first = readFileSync(ics());
    const mtime = statSync(ics()).mtimeMs;
    const second = await runCli(["calendar", "2017"], cwd);
    expect(second.code).toBe(0);
    expect(second.stdout).toBe(`= unchanged out/2017/${STEM}.ics\n`);
    expect(readFileSync(ics()).equals(first)).toBe(true);
    expect(statSync(ics()).mtimeMs).toBe(mtime);
  });

  it("honours --out", async () => {
    const result = await runCli(["calendar", "workplans/2017.yaml", "--out", "site"], cwd);
    expect(result.code).toBe(0);
    expect(existsSync(join(cwd, "site", "2017", `${STEM}.ics`))).toBe(true);
    expect(existsSync(join(cwd, "out"))).toBe(false);
  });

  it("prints the calendar with --stdout and writes nothing", async () => {
    const result = await runCli(["calendar", "2017", "--stdout"], cwd);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(readFileSync(GOLDEN, "utf8"));
    expect(existsSync(join(cwd, "out"))).toBe(false);
  });

  it("refuses --stdout with more than one workplan, exit code 2", async () => {
    const result = await runCli(["calendar", "2017", "workplans/2017.yaml", "--stdout"], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--stdout prints the calendar of one workplan/);
    expect(result.stdout).toBe("");
  });

  it("does not write the calendar of a broken workplan and shows its diagnostics, exit code 1", async () => {
    editWorkplan('agendaItem: "7"', "agendaItem: 7");
    const result = await runCli(["calendar", "2017"], cwd);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("[schema/wrong-type]");
    expect(result.stderr).toContain("--> workplans/2017.yaml:12:15");
    expect(result.stderr).toContain("✖ workplans/2017.yaml: no calendar written, fix the errors above");
    expect(result.stdout).toBe("");
    expect(existsSync(join(cwd, "out"))).toBe(false);
  });

  it("reports a missing workplan as a diagnostic, exit code 1", async () => {
    const result = await runCli(["calendar", "2099"], cwd);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("[input/not-found]");
  });

  it("refuses two deliverables with one id, whose events would share a UID, exit code 1", async () => {
    editWorkplan("- id: second-ctwg-meeting", "- id: first-ctwg-meeting");
    const result = await runCli(["calendar", "2017"], cwd);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("[unique-ids]");
    expect(result.stderr).toContain("the id `first-ctwg-meeting` is already used");
    expect(existsSync(join(cwd, "out"))).toBe(false);
  });

  it("stamps SOURCE_DATE_EPOCH instead of the cover meeting date, and changes nothing else", async () => {
    const result = await runCli(["calendar", "2017", "--stdout"], cwd, { SOURCE_DATE_EPOCH: "1500000000" });
    expect(result.code).toBe(0);
    expect(result.stdout.match(/^DTSTAMP:.*$/gm)).toEqual(Array(4).fill("DTSTAMP:20170714T024000Z"));
    const golden = readFileSync(GOLDEN, "utf8");
    expect(golden.match(/^DTSTAMP:.*$/gm)).toEqual(Array(4).fill("DTSTAMP:20170228T000000Z"));
    expect(result.stdout.replaceAll("DTSTAMP:20170714T024000Z", "DTSTAMP:20170228T000000Z")).toBe(golden);
  });

  it("rejects a SOURCE_DATE_EPOCH that is not whole seconds, exit code 2", async () => {
    const result = await runCli(["calendar", "2017"], cwd, { SOURCE_DATE_EPOCH: "yesterday" });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/SOURCE_DATE_EPOCH must be whole seconds/);
    expect(existsSync(join(cwd, "out"))).toBe(false);
  });

  it("prints --help with an example, exit code 0", async () => {
    const result = await runCli(["calendar", "--help"], cwd);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Usage: ctwg calendar [options] [inputs...]");
    expect(result.stdout).toContain("--stdout");
    expect(result.stdout).toMatch(/Examples?:\n {2}ctwg calendar 2017 /);
  });

  it("loads neither pdfkit, fontkit nor Handlebars", () => {
    // The built CLI (made by the test setup when stale), run as a real process.
    const trace = join(cwd, "trace.txt");
    const result = spawnSync(
      process.execPath,
      ["--import", join(ROOT, "test/support/trace-imports.mjs"), join(ROOT, "bin/ctwg.js"), "calendar", "2017"],
      {
        cwd,
        env: { ...process.env, CTWG_TRACE_IMPORTS: trace, NO_COLOR: "1" },
        encoding: "utf8",
      },
    );
    expect(result.status, result.stderr).toBe(0);
    expect(existsSync(ics())).toBe(true);
    const loaded = new Set(
      readFileSync(trace, "utf8")
        .split("\n")
        .flatMap((url) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1] ?? []),
    );
    expect(loaded).toContain("ical-generator");
    for (const name of ["pdfkit", "fontkit", "handlebars"]) expect(loaded).not.toContain(name);
  });
});
