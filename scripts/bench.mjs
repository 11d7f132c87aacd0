#!/usr/bin/env node
// The benchmark: times whole `ctwg` processes (and the floor, `node -e 0`, and pandoc where it is
// installed) and writes BENCHMARKS.md. Run it with `npm run bench`; `--tiny` is a quick smoke run.
// This file reads the options and runs the workloads in order; how a command is timed is in
// bench/measure/, what is timed in bench/workloads/, what it is compared with in bench/peers/, and
// how the figures are written in bench/report/. Nothing here is asserted by a test.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { defaultFormats, ensureBuilt, maxSourceBytes } from "./bench/cli-under-test.mjs";
import { findGnuTime } from "./bench/peers/gnu-time.mjs";
import { machine } from "./bench/peers/machine.mjs";
import { findPandoc } from "./bench/peers/pandoc.mjs";
import { progress } from "./bench/progress.mjs";
import { report } from "./bench/report/report.mjs";
import { largestFile } from "./bench/workloads/largest-file.mjs";
import { manyPlansBuild } from "./bench/workloads/many-plans-build.mjs";
import { scale } from "./bench/workloads/scale.mjs";
import { singleCommands } from "./bench/workloads/single-commands.mjs";
import { watchSaves } from "./bench/workloads/watch.mjs";

const USAGE = `usage: node scripts/bench.mjs [--runs N] [--warmup N] [--tiny] [--output FILE]

  --runs N       timed runs of each command, in rounds, compared commands side by side (default 15)
  --warmup N     untimed runs before them (default 2)
  --tiny         a quick run: 2 runs, 1 warm-up, scale sizes 2 and 5, 4 plans in the many-plan
                 build, no largest file, no pandoc
  --output FILE  where to write the report (default BENCHMARKS.md)
`;

function options() {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        runs: { type: "string" },
        warmup: { type: "string" },
        tiny: { type: "boolean", default: false },
        output: { type: "string", default: "BENCHMARKS.md" },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    process.stderr.write(`bench: ${error.message}\n${USAGE}`);
    process.exit(2);
  }
  if (parsed.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  const count = (name, value, fallback, min) => {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) {
      process.stderr.write(`bench: --${name} takes a whole number of at least ${min}, not "${value}"\n`);
      process.exit(2);
    }
    return n;
  };
  const tiny = parsed.tiny;
  return {
    tiny,
    runs: count("runs", parsed.runs, tiny ? 2 : 15, 1),
    warmup: count("warmup", parsed.warmup, tiny ? 1 : 2, 0),
    output: resolve(process.cwd(), parsed.output),
    scaleSizes: tiny ? [2, 5] : [10, 100, 1000],
    argv: process.argv.slice(2),
  };
}

async function main() {
  const opts = options();
  const started = new Date();
  const loadStart = os.loadavg()[0];
  const build = ensureBuilt();
  const limit = await maxSourceBytes();
  const pandoc = findPandoc(opts.tiny);
  const gnuTime = findGnuTime();
  const host = machine(pandoc, gnuTime);
  // What every workload shares: the temporary folder it works in (so the repository is never
  // written), GNU time when installed, the formats a build writes by default, and the load average
  // at the start of every round.
  const bench = { scratch: mkdtempSync(join(os.tmpdir(), "ctwg-bench-")), gnuTime, defaultFormats: await defaultFormats(), loads: [] };
  const stop = () => {
    rmSync(bench.scratch, { recursive: true, force: true });
    process.exit(130);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  progress(`runs ${opts.runs}, warm-up ${opts.warmup}${opts.tiny ? ", --tiny" : ""}; temporary folder ${bench.scratch}`);
  if (!gnuTime) progress("GNU time (/usr/bin/time) is not installed: CPU time and peak memory are not measured");
  try {
    const single = singleCommands(bench, opts, pandoc);
    const scaled = scale(bench, opts);
    const manyPlans = manyPlansBuild(bench, opts);
    const largest = opts.tiny ? undefined : largestFile(bench, opts, limit);
    const watch = await watchSaves(bench, opts);
    const text = report({
      opts,
      started,
      finished: new Date(),
      build,
      host,
      gnuTime,
      defaultFormats: bench.defaultFormats,
      loads: bench.loads,
      pandoc,
      single,
      scaled,
      manyPlans,
      largest,
      watch,
      loadStart,
      loadEnd: os.loadavg()[0],
    });
    mkdirSync(resolve(opts.output, ".."), { recursive: true });
    writeFileSync(opts.output, text);
    progress(`wrote ${relative(process.cwd(), opts.output) || opts.output} in ${((Date.now() - started) / 60000).toFixed(1)} min`);
  } finally {
    rmSync(bench.scratch, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`bench: ${error?.stack ?? error}\n`);
  process.exitCode = 1;
});
