import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findProjectRoot } from "../../src/index.js";
import { runCli, tempProject } from "../support/cli.js";

let cwd: string;
let cleanup: () => void;
beforeEach(() => ({ cwd, cleanup } = tempProject()));
afterEach(() => cleanup());

/** The rule ids of a compact report, one per finding, in order. */
const ruleIds = (report: string) => [...report.matchAll(/\[([a-z/-]+)\]$/gm)].map((m) => m[1]);

describe("the project root", () => {
  it("is found upward from any folder inside the project, as git finds .git", () => {
    mkdirSync(join(cwd, "docs", "notes"), { recursive: true });
    expect(findProjectRoot(join(cwd, "docs", "notes"))).toEqual({ root: cwd, marker: "workplans" });
    expect(findProjectRoot(join(cwd, "workplans"))).toEqual({ root: cwd, marker: "workplans" });
    writeFileSync(join(cwd, "ctwg.config.yaml"), "lint:\n  rules: {}\n");
    expect(findProjectRoot(join(cwd, "docs"))).toEqual({ root: cwd, marker: "config" });
  });

  it("is the nearest project: one nested in another is its own", () => {
    mkdirSync(join(cwd, "forums", "ppwe", "workplans"), { recursive: true });
    expect(findProjectRoot(join(cwd, "forums", "ppwe"))).toEqual({ root: join(cwd, "forums", "ppwe"), marker: "workplans" });
  });

  it("gives the same report from workplans/ as from the root, with the glossary, and paths from where the user stands", async () => {
    const fromRoot = await runCli(["lint", "2017", "--format", "compact"], cwd);
    const fromFolder = await runCli(["lint", "2017.yaml", "--format", "compact"], join(cwd, "workplans"));
    const byYear = await runCli(["lint", "2017", "--format", "compact"], join(cwd, "workplans"));
    expect(ruleIds(fromRoot.stdout)).toHaveLength(8);
    expect(ruleIds(fromFolder.stdout)).toEqual(ruleIds(fromRoot.stdout));
    expect(byYear.stdout).toBe(fromFolder.stdout);
    expect(fromFolder.stdout).toMatch(/^2017\.yaml:\d+:\d+: warning: /m);
    expect(fromRoot.stdout).toMatch(/^workplans\/2017\.yaml:\d+:\d+: warning: /m);
    expect(fromFolder.stderr).toBe("");
  });

  it("finds every plan with no argument from a subfolder, and builds into the project's out/", async () => {
    mkdirSync(join(cwd, "docs"));
    const lint = await runCli(["lint", "--format", "compact"], join(cwd, "docs"));
    expect(lint.code).toBe(0);
    expect(lint.stdout).toMatch(/^\.\.\/workplans\/2017\.yaml:\d+:\d+: /m);
    const build = await runCli(["build", "2017", "--format", "md"], join(cwd, "docs"));
    expect(build.code).toBe(0);
    expect(build.stdout).toContain("wrote ../out/2017/2017_som1_sce-cow_002.md");
    expect(existsSync(join(cwd, "out", "2017", "2017_som1_sce-cow_002.md"))).toBe(true);
    expect(existsSync(join(cwd, "docs", "out"))).toBe(false);
  });

  it("writes to --out from where the user stands, as any path typed", async () => {
    const build = await runCli(["build", "2017", "--format", "md", "--out", "site"], join(cwd, "workplans"));
    expect(build.stdout).toContain("wrote site/2017/2017_som1_sce-cow_002.md");
    expect(existsSync(join(cwd, "workplans", "site", "2017", "2017_som1_sce-cow_002.md"))).toBe(true);
  });

  it("reads the project's configuration from a subfolder", async () => {
    writeFileSync(join(cwd, "ctwg.config.yaml"), "lint:\n  rules:\n    stale-date: error\n");
    const result = await runCli(["lint", "2017.yaml", "--format", "compact"], join(cwd, "workplans"));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/: error: .*\[stale-date\]$/m);
  });

  it("starts next year's plan in the project's workplans/ from a subfolder", async () => {
    const result = await runCli(["new", "2018"], join(cwd, "workplans"));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("wrote 2018.yaml, a draft for 2018 from 2017.yaml");
    expect(existsSync(join(cwd, "workplans", "2018.yaml"))).toBe(true);
  });

  it("takes --root over the folder the user stands in", async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), "ctwg-elsewhere-"));
    try {
      const result = await runCli(["lint", "2017", "--format", "compact", "--root", cwd], elsewhere);
      expect(result.code).toBe(0);
      expect(ruleIds(result.stdout)).toHaveLength(8);
      // Outside the project, its files are named in full: `../../…` would help nobody.
      expect(result.stdout).toContain(`${join(cwd, "workplans", "2017.yaml")}:`);
      const missing = await runCli(["lint", "--root", join(elsewhere, "nowhere")], elsewhere);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toBe(
        `ctwg: --root ${join(elsewhere, "nowhere")} does not exist; give the folder that holds ctwg.config.yaml or workplans/\n`,
      );
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it("compares a year at a git revision from a subfolder", async () => {
    const git = (...args: string[]) =>
      execFileSync("git", args, {
        cwd,
        stdio: "pipe",
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: "t",
          GIT_AUTHOR_EMAIL: "t@example.org",
          GIT_COMMITTER_NAME: "t",
          GIT_COMMITTER_EMAIL: "t@example.org",
        },
      });
    git("init", "-q");
    git("add", ".");
    git("commit", "-qm", "plans");
    const plan = join(cwd, "workplans", "2017.yaml");
    writeFileSync(plan, readFileSync(plan, "utf8").replaceAll("Nha Trang", "Da Nang"));
    const byYear = await runCli(["diff", "2017", "--base", "HEAD"], join(cwd, "workplans"));
    expect(byYear.stderr).toBe("");
    expect(byYear.stdout).toContain("Da Nang");
    const byPath = await runCli(["diff", "2017.yaml", "--base", "HEAD"], join(cwd, "workplans"));
    expect(byPath.stderr).toBe("");
    expect(byPath.stdout).toContain("Da Nang");
  });
});

describe("outside any project", () => {
  let bare: string;
  beforeEach(() => (bare = mkdtempSync(join(tmpdir(), "ctwg-bare-"))));
  afterEach(() => rmSync(bare, { recursive: true, force: true }));

  it("says how to start one when there is nothing to lint", async () => {
    const result = await runCli(["lint"], bare);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "no workplans found: no ctwg.config.yaml nor workplans/ folder here or in a folder above; `ctwg init` starts a project here",
    );
  });

  it("lints a plan without the glossary and says so once, however many plans", async () => {
    const plan = readFileSync(join(cwd, "workplans", "2017.yaml"), "utf8");
    writeFileSync(join(bare, "a.yaml"), plan);
    writeFileSync(join(bare, "b.yaml"), plan);
    const result = await runCli(["lint", "a.yaml", "b.yaml", "--format", "json"], bare);
    const notes = result.stderr.split("\n").filter((line) => line.includes("without a glossary"));
    expect(notes).toEqual([
      "note: linted without a glossary: no project here or above (no ctwg.config.yaml, no workplans/ folder; --root names one), so acronyms are checked against each plan alone",
    ]);
    // The report itself stays machine-readable.
    expect(() => JSON.parse(result.stdout)).not.toThrow();
  });

  it("says so too in a project that has no glossary", async () => {
    rmSync(join(cwd, "workplans", "glossary.yaml"));
    const result = await runCli(["lint", "2017", "--format", "compact"], cwd);
    expect(result.stderr).toContain("note: linted without a glossary: the project has no workplans/glossary.yaml");
  });
});

describe("--config", () => {
  it("names a missing configuration file as one, not as a workplan", async () => {
    const result = await runCli(["lint", "2017", "--config", "missing.yaml"], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("the configuration file missing.yaml does not exist");
    expect(result.stderr).toContain("check the path given with --config, or leave --config out to use the project's ctwg.config.yaml");
    expect(result.stderr).not.toContain("give a year");
  });
});
