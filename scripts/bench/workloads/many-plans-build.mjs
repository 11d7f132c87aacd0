// One build of many plans: whether ctwg keeps every core busy, as CPU time / wall time of the process.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { ROOT } from "../cli-under-test.mjs";
import { ctwg } from "../measure/command.mjs";
import { rounds } from "../measure/rounds.mjs";
import { stats } from "../measure/statistics.mjs";
import { variant } from "./generated-plans.mjs";
import { clean, project } from "./projects.mjs";

/**
 * `ctwg build DIR` (its default formats) over enough generated plans to give every core two, and at
 * least 10 (4 with --tiny, too few to judge). A build takes seconds, so fewer runs, like the largest
 * file's builds. Each run's CPU time / wall time is how many cores it kept busy on average.
 */
export function manyPlansBuild(bench, opts) {
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  const plans = opts.tiny ? 4 : Math.max(10, 2 * cores);
  const text = readFileSync(join(ROOT, "workplans", "2017.yaml"), "utf8");
  const dir = project(bench, "many-plans");
  mkdirSync(join(dir, "plans"));
  for (let i = 0; i < plans; i++) writeFileSync(join(dir, "plans", `plan-${String(i + 1).padStart(4, "0")}.yaml`), variant(text, i));
  const build = ctwg("ctwg build plans --out out", ["build", "plans", "--out", "out"], dir, clean(join(dir, "out")));
  const runs = { runs: Math.min(opts.runs, 5), warmup: Math.min(opts.warmup, 1) };
  const result = rounds(bench, [[build]], { ...runs, name: "many plans, build" }).get(build);
  const busy = result.cpuStats ? stats(result.cpu.map((cpu, i) => cpu / result.times[i])) : undefined;
  return { plans, cores, runs, result, busy };
}
