import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { replaceOnce, ROOT } from "../support/workplan.js";

const cwd = mkdtempSync(join(tmpdir(), "ctwg-build-many-"));
const count = 5;
mkdirSync(join(cwd, "plans"));
mkdirSync(join(cwd, "workplans"));
copyFileSync(join(ROOT, "workplans/glossary.yaml"), join(cwd, "workplans/glossary.yaml"));
// Each copy has a symbol of its own, but the last repeats the second's: built together, they would write the same files.
const plan = readFileSync(join(ROOT, "workplans/2017.yaml"), "utf8");
for (let i = 0; i < count; i++) {
  const serial = String(i === count - 1 ? 1 : i).padStart(3, "0");
  writeFileSync(
    join(cwd, "plans", `plan-${i}.yaml`),
    replaceOnce(plan, "symbol: 2017/SOM1/SCE-COW/002", `symbol: 2017/SOM1/SCE-COW/${serial}`),
  );
}
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

/** Every file under a folder, by its path below it, with its bytes. */
function filesUnder(folder: string): Map<string, Buffer> {
  const names = (readdirSync(folder, { recursive: true }) as string[]).filter((name) => name.includes("."));
  return new Map(names.sort().map((name) => [name, readFileSync(join(folder, name))]));
}

const env = { SOURCE_DATE_EPOCH: "1500000000", NO_COLOR: "1" };

describe("ctwg build of many plans", () => {
  it("writes the same files and says the same from worker threads (the built CLI) as from one thread (in-process)", async () => {
    const args = (out: string) => ["build", "plans", "--format", "md,pdf", "--out", out];
    const real = spawnSync(process.execPath, [join(ROOT, "bin/ctwg.js"), ...args("threads")], {
      cwd,
      encoding: "utf8",
      env: { ...process.env, ...env },
    });
    const inProcess = await runCli(args("one"), cwd, env);
    expect(real.status, real.stderr).toBe(1);
    expect(inProcess.code).toBe(1);
    expect(real.stdout.replaceAll("threads/", "one/")).toBe(inProcess.stdout);
    expect(real.stderr).toBe(inProcess.stderr);

    // The plans are reported in their order; the last loses its claim to the outputs of the second.
    const wrote = [...real.stdout.matchAll(/wrote threads\/2017\/(\S+)/g)].map((match) => match[1]);
    expect(wrote).toEqual([0, 1, 2, 3].flatMap((i) => [`2017_som1_sce-cow_00${i}.md`, `2017_som1_sce-cow_00${i}.pdf`]));
    expect(real.stderr).toContain("plans/plan-4.yaml");
    expect(real.stderr).toContain("plans/plan-1.yaml: one would overwrite the other");

    const threads = filesUnder(join(cwd, "threads"));
    expect([...threads.keys()]).toEqual([...filesUnder(join(cwd, "one")).keys()]);
    for (const [name, bytes] of filesUnder(join(cwd, "one"))) expect(threads.get(name)!.equals(bytes), name).toBe(true);
  });

  it.skipIf(availableParallelism() < 2)("renders them on this thread and a worker thread for each other core", () => {
    const traced = spawnSync(process.execPath, [join(ROOT, "bin/ctwg.js"), "build", "plans", "--format", "pdf", "--out", "traced"], {
      cwd,
      encoding: "utf8",
      env: { ...process.env, ...env, NODE_DEBUG: "worker" },
    });
    expect(traced.status).toBe(1);
    const started = traced.stderr.match(/create new worker/g) ?? [];
    expect(started).toHaveLength(Math.min(availableParallelism(), 8, count) - 1);
  });
});
