import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli, tempProject } from "../support/cli.js";

/** `ctwg lint --format junit` lists every file it checked, those without findings too. */

let project: { cwd: string; cleanup: () => void };
beforeEach(() => {
  project = tempProject();
});
afterEach(() => project.cleanup());

describe("--format junit on a plan with no findings", () => {
  it("writes the file's testsuite with one passing testcase, not an empty report", async () => {
    // The three rules the 2017 plan's slips trip, turned off: the plan then lints clean.
    writeFileSync(
      join(project.cwd, "ctwg.config.yaml"),
      "lint:\n  rules:\n    consistent-acronym: off\n    tbc-in-text: off\n    stale-date: off\n",
    );
    const result = await runCli(["lint", "2017", "--format", "junit"], project.cwd);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(
      [
        `<?xml version="1.0" encoding="utf-8"?>`,
        `<testsuites name="ctwg lint" tests="1" failures="0">`,
        `  <testsuite name="workplans/2017.yaml" tests="1" failures="0">`,
        `    <testcase classname="workplans/2017.yaml" name="ctwg lint"/>`,
        `  </testsuite>`,
        `</testsuites>`,
        ``,
      ].join("\n"),
    );
  });
});
