import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli, tempProject } from "../support/cli.js";
import { ROOT } from "../support/workplan.js";

const STEM = "2017_som1_sce-cow_002";
const ANSI = /\x1b\[[0-9;]*m/;

let cwd: string;
let cleanup: () => void;
beforeEach(() => ({ cwd, cleanup } = tempProject()));
afterEach(() => cleanup());

/** Breaks the copied 2017 workplan with two schema mistakes. */
function breakWorkplan() {
  const file = join(cwd, "workplans", "2017.yaml");
  const text = readFileSync(file, "utf8")
    .replace('agendaItem: "7"', "agendaItem: 7")
    .replace("kind: meeting\n      meetingNumber: 9", "kind: meting\n      meetingNumber: 9");
  writeFileSync(file, text);
}

describe("ctwg build", () => {
  it("writes the Markdown and HTML of a year into out/YEAR/", async () => {
    const result = await runCli(["build", "2017"], cwd);
    expect(result.stderr).toBe("! workplans/2017.yaml: 8 warnings; `ctwg lint workplans/2017.yaml` shows them\n");
    expect(result.code).toBe(0);
    const md = join(cwd, "out", "2017", `${STEM}.md`);
    const html = join(cwd, "out", "2017", `${STEM}.html`);
    expect(readFileSync(md, "utf8")).toContain("# Counter-Terrorism Working Group's Proposed Workplan for 2017");
    expect(readFileSync(html, "utf8")).toContain("<!DOCTYPE html>");
    expect(result.stdout).toContain(`wrote out/2017/${STEM}.md`);
    expect(result.stdout).toContain(`wrote out/2017/${STEM}.html`);
  });

  it("builds every workplan when given no input", async () => {
    const result = await runCli(["build"], cwd);
    expect(result.code).toBe(0);
    expect(existsSync(join(cwd, "out", "2017", `${STEM}.md`))).toBe(true);
  });

  it("writes byte-identical files on a second run and says they are unchanged", async () => {
    await runCli(["build", "2017"], cwd);
    const md = join(cwd, "out", "2017", `${STEM}.md`);
    const html = join(cwd, "out", "2017", `${STEM}.html`);
    const first = [readFileSync(md), readFileSync(html)];
    const mtimes = [statSync(md).mtimeMs, statSync(html).mtimeMs];
    const second = await runCli(["build", "2017"], cwd);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`unchanged out/2017/${STEM}.md`);
    expect(second.stdout).toContain(`unchanged out/2017/${STEM}.html`);
    expect(second.stdout).not.toContain("wrote");
    expect(readFileSync(md).equals(first[0]!)).toBe(true);
    expect(readFileSync(html).equals(first[1]!)).toBe(true);
    expect([statSync(md).mtimeMs, statSync(html).mtimeMs]).toEqual(mtimes);
  });

  it("honours --out and --format", async () => {
    const result = await runCli(["build", "2017", "--out", "site", "--format", "html"], cwd);
    expect(result.code).toBe(0);
    expect(existsSync(join(cwd, "site", "2017", `${STEM}.html`))).toBe(true);
    expect(existsSync(join(cwd, "site", "2017", `${STEM}.md`))).toBe(false);
    expect(existsSync(join(cwd, "out"))).toBe(false);
  });

  it("accepts a path instead of a year", async () => {
    const result = await runCli(["build", "workplans/2017.yaml", "-f", "md"], cwd);
    expect(result.code).toBe(0);
    expect(existsSync(join(cwd, "out", "2017", `${STEM}.md`))).toBe(true);
  });

  it("rejects an unknown format with exit code 2 and writes nothing", async () => {
    const result = await runCli(["build", "2017", "--format", "pdf,odt"], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown format/);
    expect(result.stderr).toContain("md, html");
    expect(existsSync(join(cwd, "out"))).toBe(false);
  });

  it("reports a missing workplan as a diagnostic naming the file, exit code 1", async () => {
    const result = await runCli(["build", "2099"], cwd);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("workplans/2099.yaml");
    expect(result.stderr).toContain("[input/not-found]");
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(join(cwd, "out"))).toBe(false);
  });

  it("does not build a broken workplan and shows its diagnostics, exit code 1", async () => {
    breakWorkplan();
    const result = await runCli(["build", "2017"], cwd);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("[schema/wrong-type]");
    expect(result.stderr).toContain("--> workplans/2017.yaml:12:15");
    expect(result.stderr).toContain("not built");
    expect(existsSync(join(cwd, "out"))).toBe(false);
  });

  it("fails with exit code 2 when there is no workplan to build", async () => {
    const empty = tempProject({ with2017: false });
    try {
      const result = await runCli(["build"], empty.cwd);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/no workplans found/);
    } finally {
      empty.cleanup();
    }
  });

  it("reports an output folder that cannot be created as an I/O error, exit code 2, without a stack", async () => {
    writeFileSync(join(cwd, "blocker"), "a file where the output folder should go");
    const result = await runCli(["build", "2017", "--out", "blocker"], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ctwg: /);
    expect(result.stderr).not.toContain("this is a bug");
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});

describe("ctwg lint", () => {
  it("reports the committed workplan's slips as warnings, exit code 0", async () => {
    const result = await runCli(["lint", "--format", "pretty"], cwd);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("8 problems (8 warnings) in 1 of 1 file");
    expect(result.stderr).toBe("");
  });

  it("reports a broken workplan with code frames, exit code 1", async () => {
    breakWorkplan();
    const result = await runCli(["lint", "2017", "--format", "pretty"], cwd);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("[schema/wrong-type]");
    expect(result.stdout).toContain("[schema/invalid-value]");
    expect(result.stdout).toContain("did you mean `meeting`?");
    expect(result.stdout).toContain("✖ 2 problems (2 errors) in 1 of 1 file");
  });

  it("prints JSON with file, line, column, severity, ruleId and message", async () => {
    breakWorkplan();
    const result = await runCli(["lint", "2017", "--format", "json"], cwd);
    expect(result.code).toBe(1);
    const diagnostics = JSON.parse(result.stdout);
    expect(Array.isArray(diagnostics)).toBe(true);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        file: "workplans/2017.yaml",
        line: 12,
        column: 15,
        severity: "error",
        ruleId: "schema/wrong-type",
        message: expect.any(String),
      }),
      expect.objectContaining({
        file: "workplans/2017.yaml",
        line: 203,
        column: 13,
        severity: "error",
        ruleId: "schema/invalid-value",
        message: expect.any(String),
      }),
    ]);
  });

  it("prints the warnings of a valid workplan as JSON, exit code 0", async () => {
    const result = await runCli(["lint", "--format", "json"], cwd);
    expect(result.code).toBe(0);
    const diagnostics = JSON.parse(result.stdout) as { severity: string; ruleId: string }[];
    expect(diagnostics).toHaveLength(8);
    expect(new Set(diagnostics.map((d) => d.severity))).toEqual(new Set(["warning"]));
    expect(new Set(diagnostics.map((d) => d.ruleId))).toEqual(new Set(["consistent-acronym", "tbc-in-text", "stale-date"]));
  });

  it("prints one line a diagnostic in the compact format", async () => {
    breakWorkplan();
    const result = await runCli(["lint", "--format", "compact", "2017"], cwd);
    expect(result.code).toBe(1);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^workplans\/2017\.yaml:12:15: error: .* \[schema\/wrong-type\]$/);
    expect(lines[1]).toMatch(/^workplans\/2017\.yaml:203:13: error: .* \[schema\/invalid-value\]$/);
  });

  it("rejects an unknown output format with exit code 2", async () => {
    const result = await runCli(["lint", "--format", "xml"], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown format "xml"/);
  });

  it("reports a missing file, exit code 1", async () => {
    const result = await runCli(["lint", "nope.yaml"], cwd);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("[input/not-found]");
  });
});

describe("colour", () => {
  beforeEach(() => breakWorkplan());

  it("is off by default when the output is not a terminal", async () => {
    expect((await runCli(["lint"], cwd)).stdout).not.toMatch(ANSI);
  });

  it("is on for a terminal", async () => {
    expect((await runCli(["lint"], cwd, {}, true)).stdout).toMatch(ANSI);
  });

  it("is forced on by FORCE_COLOR=1", async () => {
    const result = await runCli(["lint", "--format", "pretty"], cwd, { FORCE_COLOR: "1" });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(ANSI);
  });

  it("is turned off by NO_COLOR, even on a terminal", async () => {
    expect((await runCli(["lint"], cwd, { NO_COLOR: "1" }, true)).stdout).not.toMatch(ANSI);
  });

  it("is turned off by --no-color even when FORCE_COLOR is set", async () => {
    const result = await runCli(["--no-color", "lint", "--format", "pretty"], cwd, { FORCE_COLOR: "1" });
    expect(result.code).toBe(1);
    expect(result.stdout).not.toMatch(ANSI);
    expect(result.stdout).toContain("[schema/wrong-type]");
  });

  it("never colours JSON", async () => {
    const result = await runCli(["lint", "--format", "json"], cwd, { FORCE_COLOR: "1" });
    expect(result.stdout).not.toMatch(ANSI);
    expect(() => JSON.parse(result.stdout)).not.toThrow();
  });
});

describe("help, version and usage errors", () => {
  it("prints help with an example, exit code 0", async () => {
    const result = await runCli(["--help"], cwd);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Usage: ctwg");
    expect(result.stdout).toContain("Example");
    expect(result.stdout).toMatch(/build/);
    expect(result.stdout).toMatch(/lint/);
  });

  it("says what ctwg makes, every format, and where a year is found", async () => {
    // Commander wraps the help to the terminal's width: compare the words.
    const words = (text: string) => text.replace(/\s+/g, " ");
    const result = await runCli(["--help"], cwd);
    expect(words(result.stdout)).toContain("out as Markdown, HTML, PDF and Word, and Word edits back in");
    expect(result.stdout).toContain("--root <dir>");
    expect(words(result.stdout)).toContain("nearest folder upward with ctwg.config.yaml");
    expect(words((await runCli(["build", "--help"], cwd)).stdout)).toContain("as Markdown, HTML, PDF and Word");
  });

  it("shows diff's usage with only what people type: git's extra arguments stay out of it", async () => {
    const result = await runCli(["diff", "--help"], cwd);
    expect(result.stdout).toContain("Usage: ctwg diff [options] <before> [after]\n");
    expect(result.stdout).not.toContain("git...");
    const extra = await runCli(["diff", "2017", "2017", "2018"], cwd);
    expect(extra.code).toBe(2);
    expect(extra.stderr).toContain("diff takes two workplans");
  });

  it.each(["build", "lint", "schema"])("prints `%s --help` with an example, exit code 0", async (command) => {
    const result = await runCli([command, "--help"], cwd);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Usage: ctwg ${command}`);
    expect(result.stdout).toContain("Example");
  });

  it("prints the version from package.json", async () => {
    const result = await runCli(["--version"], cwd);
    const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(version);
  });

  it("rejects an unknown command with exit code 2", async () => {
    const result = await runCli(["frobnicate"], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown command 'frobnicate'/);
  });

  it("rejects an unknown option with exit code 2", async () => {
    const result = await runCli(["lint", "--frobnicate"], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown option/);
  });
});

describe("ctwg schema", () => {
  it("prints the committed JSON Schema, exit code 0", async () => {
    const result = await runCli(["schema"], cwd);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(readFileSync(join(ROOT, "workplans", "workplan.schema.json"), "utf8"));
  });
});
