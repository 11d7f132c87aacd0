import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PARALLEL_FROM } from "../../src/api/lint-files.js";
import { runCli } from "../support/cli.js";
import { ROOT } from "../support/workplan.js";

const cwd = mkdtempSync(join(tmpdir(), "ctwg-many-"));
const count = PARALLEL_FROM + 6;
mkdirSync(join(cwd, "plans"));
mkdirSync(join(cwd, "workplans"));
copyFileSync(join(ROOT, "workplans/glossary.yaml"), join(cwd, "workplans/glossary.yaml"));
for (let i = 0; i < count; i++) copyFileSync(join(ROOT, "workplans/2017.yaml"), join(cwd, "plans", `plan-${String(i).padStart(3, "0")}.yaml`));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe("ctwg lint over many files", () => {
  it("gives the same report from worker threads (the built CLI) as from one thread (in-process)", async () => {
    const real = spawnSync(process.execPath, [join(ROOT, "bin/ctwg.js"), "lint", "plans", "--format", "json"], { cwd, encoding: "utf8" });
    expect(real.status, real.stderr).toBe(0);
    const inProcess = await runCli(["lint", "plans", "--format", "json"], cwd);
    expect(inProcess.code).toBe(0);
    const parallel = JSON.parse(real.stdout) as { file: string; ruleId: string }[];
    expect(parallel).toHaveLength(count * 8);
    expect(parallel).toEqual(JSON.parse(inProcess.stdout));
    expect(new Set(parallel.map((d) => d.file)).size).toBe(count);
  });
});
