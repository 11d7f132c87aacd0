// Scale: `ctwg lint DIR` and `ctwg build DIR --format md,html` over 1 and then many generated plans.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../cli-under-test.mjs";
import { ctwg } from "../measure/command.mjs";
import { rounds } from "../measure/rounds.mjs";
import { linearFit } from "../measure/statistics.mjs";
import { progress } from "../progress.mjs";
import { variant } from "./generated-plans.mjs";
import { clean, project } from "./projects.mjs";

const wall = (entry) => entry.stats.median;
const cpu = (entry) => entry.cpuStats.median;

export function scale(bench, opts) {
  const text = readFileSync(join(ROOT, "workplans", "2017.yaml"), "utf8");
  const dir = project(bench, "scale");
  const sizes = [1, ...opts.scaleSizes];
  const largest = Math.max(...sizes);
  progress(`scale: writing ${largest.toLocaleString("en-US")} generated workplans`);
  const variants = Array.from({ length: largest }, (_, i) => variant(text, i));
  const groups = sizes.map((n) => {
    const plans = join(dir, `plans-${n}`);
    mkdirSync(plans);
    for (let i = 0; i < n; i++) writeFileSync(join(plans, `plan-${String(i + 1).padStart(4, "0")}.yaml`), variants[i]);
    const out = join(dir, `out-${n}`);
    return [
      ctwg(`ctwg lint plans-${n}`, ["lint", `plans-${n}`], dir),
      ctwg(
        `ctwg build plans-${n} --format md,html --out out-${n}`,
        ["build", `plans-${n}`, "--format", "md,html", "--out", `out-${n}`],
        dir,
        clean(out),
      ),
    ];
  });
  const results = rounds(bench, groups, { ...opts, name: "scale" });
  const rows = sizes.map((n, k) => ({ n, lint: results.get(groups[k][0]), build: results.get(groups[k][1]) }));
  // The one-file run is the start-up; "per file" is what each further file adds to it.
  const analyse = (pick, time) => {
    const one = time(pick(rows[0]));
    const points = rows.slice(1).map((row) => ({ n: row.n, t: time(pick(row)) }));
    return { one, perFile: rows.slice(1).map((row) => (time(pick(row)) - one) / (row.n - 1)), ...linearFit(points) };
  };
  const lint = (row) => row.lint;
  const build = (row) => row.build;
  const cpuMeasured = rows.every((row) => row.lint.cpuStats && row.build.cpuStats);
  return {
    sizes: opts.scaleSizes,
    rows,
    lint: analyse(lint, wall),
    build: analyse(build, wall),
    lintCpu: cpuMeasured ? analyse(lint, cpu) : undefined,
    buildCpu: cpuMeasured ? analyse(build, cpu) : undefined,
    fileBytes: Buffer.byteLength(variants[0]),
  };
}
