import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli, tempProject } from "../support/cli.js";
import { compile, ROOT } from "../support/workplan.js";

let cwd: string;
let cleanup: () => void;
beforeEach(() => ({ cwd, cleanup } = tempProject()));
afterEach(() => cleanup());

const draftPath = () => join(cwd, "workplans", "2018.yaml");

describe("ctwg new", () => {
  it("writes next year's draft, the committed workplans/2018.yaml", async () => {
    const result = await runCli(["new", "2018", "--from", "2017"], cwd);
    expect(result.code).toBe(0);
    const text = readFileSync(draftPath(), "utf8");
    // The committed draft is this command's output: regenerate it with `ctwg new 2018 --from 2017 --force`.
    await expect(text).toMatchFileSnapshot(join(ROOT, "workplans", "2018.yaml"));
  });

  it("moves the year on, continues the meetings, and leaves one-off items out", async () => {
    const result = await runCli(["new", "2018"], cwd);
    const { workplan } = compile(readFileSync(draftPath(), "utf8"));
    expect(workplan?.year).toBe(2018);
    expect(workplan?.status).toBe("draft");
    expect(workplan?.cover.symbol).toBe("2018/SOM1/SCE-COW/TBD");
    expect(workplan?.cover.meeting?.date).toBe("TBD");
    expect(workplan?.deliverables.map((d) => [d.id, d.event?.meetingNumber, d.event?.date, d.event?.tbc])).toEqual([
      ["first-ctwg-meeting", 11, "2018-02-21/2018-02-22", true],
      ["second-ctwg-meeting", 12, "2018-08", true],
    ]);
    expect(workplan?.deliverables[0]?.text).toContain("Hold 11th Counter Terrorism Working Group");
    // The items left out are listed for the author to decide about.
    for (const id of ["1.2", "1.3", "1.4", "1.5", "1.6", "1.8"]) expect(result.stdout).toContain(`  ${id} `);
    expect(result.stdout).not.toContain("  1.1 ");
  });

  it("keeps the comments and the schema line", async () => {
    await runCli(["new", "2018"], cwd);
    const text = readFileSync(draftPath(), "utf8");
    expect(text.split("\n")[0]).toBe("# yaml-language-server: $schema=./workplan.schema.json");
    expect(text).toContain("# Draft for 2018, started from the 2017 plan by `ctwg new`");
    expect(text).toContain("  # 1.2\n  - id: second-ctwg-meeting");
  });

  it("gives a draft that lints with only warnings saying what is left to fill in", async () => {
    await runCli(["new", "2018"], cwd);
    const result = await runCli(["lint", "2018", "--format", "json"], cwd);
    expect(result.code).toBe(0);
    const findings = JSON.parse(result.stdout) as { ruleId: string; severity: string }[];
    expect(findings.length).toBeGreaterThan(0);
    expect(new Set(findings.map((f) => `${f.ruleId} ${f.severity}`))).toEqual(new Set(["fill-in warning"]));
  });

  it("never replaces an existing plan without --force", async () => {
    writeFileSync(draftPath(), "# mine\n");
    const refused = await runCli(["new", "2018"], cwd);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("--force");
    expect(readFileSync(draftPath(), "utf8")).toBe("# mine\n");
    const forced = await runCli(["new", "2018", "--force"], cwd);
    expect(forced.code).toBe(0);
    expect(readFileSync(draftPath(), "utf8")).toContain("year: 2018");
  });

  it("makes only the year after the plan it starts from", async () => {
    const result = await runCli(["new", "2019", "--from", "2017"], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("the year after it (2018)");
    expect(existsSync(join(cwd, "workplans", "2019.yaml"))).toBe(false);
  });

  it("reports a missing source plan, exit 1", async () => {
    const result = await runCli(["new", "2031"], cwd);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("[input/not-found]");
  });
});
