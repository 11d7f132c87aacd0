import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli, tempProject } from "../support/cli.js";
import { expectReadable, lintJson, STACK_LINE } from "./support.js";

/**
 * Hostile and mistaken command-line arguments, in-process: paths that leave the project, files that
 * are missing, folders where files go, outputs that cannot be written. A mistake in what to read is
 * a diagnostic (exit 1); a place that cannot be written is an I/O error (exit 2) in one line.
 */

let cwd: string;
let cleanup: () => void;
beforeEach(() => ({ cwd, cleanup } = tempProject()));
afterEach(() => cleanup());

/** A one-line error message on stderr, starting with "ctwg: ", nothing else, no stack. */
function expectOneLineError(stderr: string): void {
  expect(stderr).toMatch(/^ctwg: [^\n]+\n$/);
  expect(stderr).not.toMatch(STACK_LINE);
  expect(stderr).not.toContain("this is a bug");
}

describe("an input path that leaves the project", () => {
  for (const command of ["lint", "build", "calendar"]) {
    it(`${command} ../../etc/passwd: a diagnostic, exit 1, and nothing of the file in the output`, async () => {
      const result = await runCli([command, "../../etc/passwd"], cwd);
      expect(result.code).toBe(1);
      const output = result.stdout + result.stderr;
      expect(output).toContain("[input/not-yaml]");
      expect(output).toContain("../../etc/passwd is not a workplan file");
      expect(output).not.toMatch(/root:.*:0:0:/);
      expectReadable(output);
      expect(existsSync(join(cwd, "out"))).toBe(false);
    });
  }

  it("an absolute path outside the project, in the JSON report", async () => {
    const { code, findings } = await lintJson(["/etc/passwd"], cwd);
    expect(code).toBe(1);
    expect(findings.map((f) => [f.ruleId, f.file, f.line])).toEqual([["input/not-yaml", "/etc/passwd", null]]);
  });

  it("a file that is not named .yaml is not opened, whatever it holds", async () => {
    // A workplan that would lint clean, under a name ctwg must refuse before reading.
    writeFileSync(join(cwd, "workplans", "2017.txt"), readFileSync(join(cwd, "workplans", "2017.yaml")));
    const { code, findings } = await lintJson(["workplans/2017.txt"], cwd);
    expect(code).toBe(1);
    expect(findings.map((f) => f.ruleId)).toEqual(["input/not-yaml"]);
  });
});

describe("an input that is not there", () => {
  it("a missing file: input/not-found, exit 1, for lint and build", async () => {
    const { code, findings } = await lintJson(["workplans/1999.yaml"], cwd);
    expect(code).toBe(1);
    expect(findings).toMatchObject([
      { ruleId: "input/not-found", file: "workplans/1999.yaml", line: null, message: "workplans/1999.yaml does not exist" },
    ]);
    const built = await runCli(["build", "workplans/1999.yaml"], cwd);
    expect(built.code).toBe(1);
    expect(built.stderr).toContain("[input/not-found]");
    expectReadable(built.stderr);
  });

  it("a missing year", async () => {
    const { code, findings } = await lintJson(["2031"], cwd);
    expect(code).toBe(1);
    expect(findings.map((f) => [f.ruleId, f.file])).toEqual([["input/not-found", "workplans/2031.yaml"]]);
  });

  it("a missing file beside a good one: both are reported, the good one's findings too", async () => {
    const { code, findings } = await lintJson(["2017", "nowhere.yaml"], cwd);
    expect(code).toBe(1);
    expect(findings.filter((f) => f.file === "workplans/2017.yaml")).toHaveLength(8);
    expect(findings.filter((f) => f.file === "nowhere.yaml").map((f) => f.ruleId)).toEqual(["input/not-found"]);
  });
});

describe("a folder where a file is expected", () => {
  it("a folder of workplans: each YAML file in it is linted, the glossary left out", async () => {
    const { code, findings } = await lintJson(["workplans"], cwd);
    expect(code).toBe(0);
    expect(new Set(findings.map((f) => f.file))).toEqual(new Set(["workplans/2017.yaml"]));
    expect(findings).toHaveLength(8);
  });

  it("a folder named like a YAML file is taken as a folder", async () => {
    mkdirSync(join(cwd, "plans.yaml"));
    writeFileSync(join(cwd, "plans.yaml", "2017.yaml"), readFileSync(join(cwd, "workplans", "2017.yaml")));
    const { code, findings } = await lintJson(["plans.yaml"], cwd);
    expect(code).toBe(0);
    expect(new Set(findings.map((f) => f.file))).toEqual(new Set(["plans.yaml/2017.yaml"]));
  });

  // Was a bug, fixed in a646220: `ctwg lint empty/` and `ctwg build empty/`, for a folder with no
  // YAML file, exit 0 and print nothing (lint --format pretty: "no problems in 0 files"), so a CI
  // step pointed at the wrong folder passes while checking nothing. With no argument and no
  // workplans, ctwg already says "no workplans found" and exits 2; a folder given explicitly should
  // be treated the same.
  it("a folder with no YAML file: says there is nothing to check and does not succeed", async () => {
    mkdirSync(join(cwd, "empty"));
    writeFileSync(join(cwd, "empty", "notes.txt"), "not a workplan\n");
    for (const command of ["lint", "build"]) {
      const result = await runCli([command, "empty"], cwd);
      expect(result.code, command).not.toBe(0);
      expect(result.stderr, command).toMatch(/no workplan/i);
    }
  });
});

describe("an unreadable file", () => {
  // Root reads any file whatever its mode, so there is nothing to test when running as root.
  it.skipIf(process.getuid?.() === 0)("chmod 000: input/unreadable, exit 1", async () => {
    const file = join(cwd, "workplans", "2017.yaml");
    chmodSync(file, 0o000);
    try {
      const { code, findings } = await lintJson(["2017"], cwd);
      expect(code).toBe(1);
      expect(findings.map((f) => [f.ruleId, f.message])).toEqual([
        ["input/unreadable", "workplans/2017.yaml cannot be read: permission denied"],
      ]);
    } finally {
      chmodSync(file, 0o644);
    }
  });
});

describe("an output that cannot be written", () => {
  beforeEach(() => writeFileSync(join(cwd, "blocker"), "a file where a folder should go\n"));

  it("build --out pointing at an existing file: exit 2, one line, no stack", async () => {
    const result = await runCli(["build", "2017", "--out", "blocker", "--format", "md"], cwd);
    expect(result.code).toBe(2);
    expectOneLineError(result.stderr.replace(/^! .*warnings.*\n/m, ""));
    expect(readFileSync(join(cwd, "blocker"), "utf8")).toBe("a file where a folder should go\n");
  });

  it("build --out inside an existing file", async () => {
    const result = await runCli(["build", "2017", "--out", "blocker/site", "--format", "html"], cwd);
    expect(result.code).toBe(2);
    expectOneLineError(result.stderr.replace(/^! .*warnings.*\n/m, ""));
  });

  it("calendar --out pointing at an existing file", async () => {
    const result = await runCli(["calendar", "2017", "--out", "blocker"], cwd);
    expect(result.code).toBe(2);
    expectOneLineError(result.stderr);
  });

  it("lint --output into a path under a file", async () => {
    const result = await runCli(["lint", "2017", "--output", "blocker/report.txt"], cwd);
    expect(result.code).toBe(2);
    expectOneLineError(result.stderr);
  });

  it("lint --output naming a folder", async () => {
    mkdirSync(join(cwd, "reports"));
    const result = await runCli(["lint", "2017", "--output", "reports"], cwd);
    expect(result.code).toBe(2);
    expectOneLineError(result.stderr);
  });

  it("--verbose adds the stack of an I/O error, and still no 'bug'", async () => {
    const result = await runCli(["build", "2017", "--out", "blocker", "--format", "md", "--verbose"], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ctwg: /m);
    expect(result.stderr).toMatch(STACK_LINE);
    expect(result.stderr).not.toContain("this is a bug");
  });
});
