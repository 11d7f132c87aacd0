import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PARALLEL_FROM } from "../../src/api/lint-files.js";
import { runCli } from "../support/cli.js";
import { replaceOnce, ROOT } from "../support/workplan.js";

const cwd = mkdtempSync(join(tmpdir(), "ctwg-many-"));
const count = PARALLEL_FROM + 6;
mkdirSync(join(cwd, "plans"));
mkdirSync(join(cwd, "workplans"));
copyFileSync(join(ROOT, "workplans/glossary.yaml"), join(cwd, "workplans/glossary.yaml"));
// Each copy has a symbol of its own, but the last repeats the first's: built together, they would write the same files.
const plan = readFileSync(join(ROOT, "workplans/2017.yaml"), "utf8");
for (let i = 0; i < count; i++) {
  const serial = String(i === count - 1 ? 0 : i).padStart(3, "0");
  const text = replaceOnce(plan, "symbol: 2017/SOM1/SCE-COW/002", `symbol: 2017/SOM1/SCE-COW/${serial}`);
  writeFileSync(join(cwd, "plans", `plan-${String(i).padStart(3, "0")}.yaml`), text);
}
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe("ctwg lint over many files", () => {
  it("gives the same report from worker threads (the built CLI) as from one thread (in-process), across files too", async () => {
    const real = spawnSync(process.execPath, [join(ROOT, "bin/ctwg.js"), "lint", "plans", "--format", "json"], { cwd, encoding: "utf8" });
    expect(real.status, real.stderr).toBe(1);
    const inProcess = await runCli(["lint", "plans", "--format", "json"], cwd);
    expect(inProcess.code).toBe(1);
    const parallel = JSON.parse(real.stdout) as { file: string; ruleId: string; message: string; line: number }[];
    expect(parallel).toHaveLength(count * 8 + 1);
    expect(parallel).toEqual(JSON.parse(inProcess.stdout));
    expect(new Set(parallel.map((d) => d.file)).size).toBe(count);
    const clashes = parallel.filter((d) => d.ruleId === "file-name");
    const last = join("plans", `plan-${String(count - 1).padStart(3, "0")}.yaml`);
    expect(clashes.map((d) => [d.file, d.line])).toEqual([[last, plan.split("\n").findIndex((line) => line.includes("symbol:")) + 1]]);
    expect(clashes[0]!.message).toContain(join("plans", "plan-000.yaml"));
  });
});
