import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli, tempProject } from "../support/cli.js";
import { ROOT, replaceOnce } from "../support/workplan.js";

let cwd: string;
let cleanup: () => void;
beforeEach(() => ({ cwd, cleanup } = tempProject()));
afterEach(() => cleanup());

const fixture = (name: string) => join(ROOT, "test", "fixtures", "diff", name);
const workplan = (year: number) => join(cwd, "workplans", `${year}.yaml`);
const ANSI = /\x1b\[[0-9;]*m/;
/** The edit made in the working tree of the git tests: deliverable 1.5 reworded. */
const EDIT = ["text: Agree on CTWG Strategic Plan 2018-2022", "text: Adopt the CTWG Strategic Plan 2018-2022"] as const;
const editWorkplan = (file: string) => writeFileSync(file, replaceOnce(readFileSync(file, "utf8"), ...EDIT));

describe("ctwg diff", () => {
  it("says there are no differences between a plan and itself, exit 0", async () => {
    const result = await runCli(["diff", "2017", "2017"], cwd);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("--- workplans/2017.yaml\n+++ workplans/2017.yaml\nNo differences.\n");
    expect(result.stderr).toBe("");
  });

  it("exits 0 for identical plans even with --exit-code", async () => {
    expect((await runCli(["diff", "2017", "2017", "--exit-code"], cwd)).code).toBe(0);
  });

  it("shows the differences between two years, without colour when not on a terminal, exit 0", async () => {
    copyFileSync(fixture("2018.yaml"), workplan(2018));
    const result = await runCli(["diff", "2017", "2018"], cwd);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^--- workplans\/2017\.yaml\n\+\+\+ workplans\/2018\.yaml\n/);
    expect(result.stdout).toContain("Deliverables: 3 carried over unchanged, 3 edited, 1 new, 2 dropped, 1 moved, 1 renamed");
    expect(result.stdout).toContain("[-Review-]{+Implementation+}");
    expect(result.stdout).not.toMatch(ANSI);
  });

  it("colours the words on a terminal, and --no-color turns that off", async () => {
    copyFileSync(fixture("2018.yaml"), workplan(2018));
    const coloured = await runCli(["diff", "2017", "2018"], cwd, {}, true);
    expect(coloured.stdout).toMatch(ANSI);
    expect(coloured.stdout).not.toContain("{+Implementation+}");
    expect((await runCli(["--no-color", "diff", "2017", "2018"], cwd, {}, true)).stdout).not.toMatch(ANSI);
  });

  it("exits 1 with --exit-code when the plans differ", async () => {
    copyFileSync(fixture("2018.yaml"), workplan(2018));
    const result = await runCli(["diff", "2017", "2018", "--exit-code"], cwd);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("Deliverables:");
  });

  it("compares files given by path, the same as years", async () => {
    const result = await runCli(["diff", "workplans/2017.yaml", fixture("2017-reformatted.yaml"), "--exit-code"], cwd);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("No differences.");
  });

  it("prints JSON that parses, with --format json", async () => {
    copyFileSync(fixture("2018.yaml"), workplan(2018));
    const result = await runCli(["diff", "2017", "2018", "--format", "json"], cwd);
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout);
    expect(parsed.format).toBe("ctwg-diff/1");
    expect(parsed.before).toEqual({ label: "workplans/2017.yaml", year: 2017 });
    expect(parsed.summary).toMatchObject({ carriedOver: 3, edited: 3, added: 1, removed: 2, moved: 1, renamed: 1 });
  });

  it("prints Markdown and HTML with --format md and html, and writes to a file with --output", async () => {
    copyFileSync(fixture("2018.yaml"), workplan(2018));
    const md = await runCli(["diff", "2017", "2018", "--format", "md"], cwd);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^### Workplan changes: workplans\/2017\.yaml → workplans\/2018\.yaml\n/);
    const html = await runCli(["diff", "2017", "2018", "--format", "html", "--output", "redline.html"], cwd);
    expect(html.code).toBe(0);
    expect(html.stdout).toBe("");
    expect(readFileSync(join(cwd, "redline.html"), "utf8")).toMatch(/^<!DOCTYPE html>/);
  });

  it("rejects an unknown format, exit 2", async () => {
    const result = await runCli(["diff", "2017", "2017", "--format", "xml"], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown format "xml"');
    expect(result.stdout).toBe("");
  });

  it("rejects a threshold outside 0 to 1, exit 2", async () => {
    for (const threshold of ["2", "-0.1", "abc"]) {
      const result = await runCli(["diff", "2017", "2017", "--threshold", threshold], cwd);
      expect(result.code, threshold).toBe(2);
      expect(result.stderr).toContain("--threshold takes a number from 0 to 1");
    }
    expect((await runCli(["diff", "2017", "2017", "--threshold", "1"], cwd)).code).toBe(0);
  });

  it("reports a side that does not validate with its diagnostic, exit 2", async () => {
    writeFileSync(workplan(2018), replaceOnce(readFileSync(fixture("2018.yaml"), "utf8"), 'agendaItem: "7"', "agendaItem: [7]"));
    const result = await runCli(["diff", "2017", "2018", "--exit-code"], cwd);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/error: .*agendaItem/);
    expect(result.stderr).toContain("--> workplans/2018.yaml:");
    expect(result.stderr).toContain("cannot compare: fix the errors above first");
  });

  it("reports a missing side, exit 2", async () => {
    const result = await runCli(["diff", "2017", "2019"], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("workplans/2019.yaml does not exist [input/not-found]");
  });

  it("asks for two plans, or one with --base, exit 2", async () => {
    expect((await runCli(["diff", "2017"], cwd)).code).toBe(2);
    const both = await runCli(["diff", "2017", "2018", "--base", "main"], cwd);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("with --base, give one workplan");
  });
});

describe("ctwg diff with git", () => {
  const git = (...args: string[]) => execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

  /** A repository with 2017.yaml and the glossary committed on `main`, and 2017.yaml then edited in the working tree. */
  beforeEach(() => {
    git("init", "--quiet");
    git("config", "user.name", "ctwg tests");
    git("config", "user.email", "tests@example.invalid");
    git("config", "commit.gpgsign", "false");
    git("add", "workplans/2017.yaml", "workplans/glossary.yaml");
    git("commit", "--quiet", "-m", "The 2017 plan");
    git("branch", "-M", "main");
    editWorkplan(workplan(2017));
  });

  const showsTheEdit = (stdout: string) => {
    expect(stdout).toContain("Deliverables: 7 carried over unchanged, 1 edited, 0 new, 0 dropped");
    expect(stdout).toContain("[-Agree-]{+Adopt+} [-on-]{+the+} CTWG Strategic Plan 2018-2022");
  };

  it("compares a plan with the same plan at --base", async () => {
    const result = await runCli(["diff", "2017", "--base", "main"], cwd);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^--- main:workplans\/2017\.yaml\n\+\+\+ workplans\/2017\.yaml\n/);
    showsTheEdit(result.stdout);
  });

  it("reads REVISION:YEAR, the same as --base", async () => {
    const result = await runCli(["diff", "main:2017", "2017"], cwd);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe((await runCli(["diff", "2017", "--base", "main"], cwd)).stdout);
    showsTheEdit(result.stdout);
  });

  it("reads REVISION:PATH", async () => {
    const result = await runCli(["diff", "HEAD~0:workplans/2017.yaml", "2017", "--exit-code"], cwd);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^--- HEAD~0:workplans\/2017\.yaml\n/);
    showsTheEdit(result.stdout);
  });

  it("finds nothing between the committed plan and itself", async () => {
    const result = await runCli(["diff", "main:2017", "HEAD:workplans/2017.yaml", "--exit-code"], cwd);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("No differences.");
  });

  it("reports a revision git does not know, exit 2", async () => {
    const result = await runCli(["diff", "no-such-branch:2017", "2017"], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("git could not read no-such-branch:workplans/2017.yaml");
    expect(result.stdout).toBe("");
  });

  it("reports a path the revision does not have, exit 2", async () => {
    const result = await runCli(["diff", "main:2016", "2017"], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("git could not read main:workplans/2016.yaml");
  });

  it("works as git's external diff: compares old-file with new-file, named a/PATH and b/PATH", async () => {
    // git runs: ctwg diff PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE. PATH itself holds
    // neither side here (it is the committed text again), so only OLD-FILE → NEW-FILE shows the edit.
    // Named as git names its temporary files: six random characters, "_", the file's base name.
    const oldFile = join(cwd, "Ab12Cd_2017.yaml");
    const newFile = join(cwd, "Ef34Gh_2017.yaml");
    writeFileSync(oldFile, git("show", "main:workplans/2017.yaml"));
    copyFileSync(workplan(2017), newFile);
    git("checkout", "--quiet", "--", "workplans/2017.yaml");
    const result = await runCli(["diff", "workplans/2017.yaml", oldFile, "1".repeat(40), "100644", newFile, "2".repeat(40), "100644"], cwd);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^--- a\/workplans\/2017\.yaml\n\+\+\+ b\/workplans\/2017\.yaml\n/);
    showsTheEdit(result.stdout);
    // And the other way round: the sides are old then new, not path then old.
    const reversed = await runCli(["diff", "workplans/2017.yaml", newFile, ".", "100644", oldFile, ".", "100644"], cwd);
    expect(reversed.stdout).toContain("[-Adopt-]{+Agree+} [-the-]{+on+} CTWG Strategic Plan 2018-2022");
  });
});

describe("ctwg build --stdout (git's textconv)", () => {
  it("prints the Markdown of one plan and writes no file", async () => {
    const result = await runCli(["build", "2017", "--format", "md", "--stdout"], cwd);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/^<!-- Generated by ctwg/);
    expect(result.stdout).toContain("# Counter-Terrorism Working Group's Proposed Workplan for 2017\n");
    expect(result.stdout).not.toContain("wrote");
    expect(existsSync(join(cwd, "out"))).toBe(false);
    expect(readdirSync(cwd).sort()).toEqual(["workplans"]);
    // The very bytes a build writes.
    expect((await runCli(["build", "2017", "--format", "md"], cwd)).code).toBe(0);
    const [written] = readdirSync(join(cwd, "out", "2017"));
    expect(result.stdout).toBe(readFileSync(join(cwd, "out", "2017", written!), "utf8"));
  });

  it("reads the temporary file git passes, whatever its name", async () => {
    copyFileSync(workplan(2017), join(cwd, "XyZ123_2017.yaml"));
    const result = await runCli(["build", join(cwd, "XyZ123_2017.yaml"), "--format", "md", "--stdout"], cwd);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe((await runCli(["build", "2017", "--format", "md", "--stdout"], cwd)).stdout);
    expect(existsSync(join(cwd, "out"))).toBe(false);
  });

  it("prints one format of one plan only, exit 2 otherwise", async () => {
    expect((await runCli(["build", "2017", "--format", "md,html", "--stdout"], cwd)).code).toBe(2);
    expect((await runCli(["build", "2017", "--format", "pdf", "--stdout"], cwd)).code).toBe(2);
  });
});
