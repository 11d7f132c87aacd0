// The report's opening: what it is, what is measured and how, and the command that made it.

export function introduction({ opts, gnuTime }) {
  const invocation = process.env.npm_lifecycle_event === "bench"
    ? `npm run bench${opts.argv.length ? ` -- ${opts.argv.join(" ")}` : ""}`
    : `node scripts/bench.mjs${opts.argv.length ? ` ${opts.argv.join(" ")}` : ""}`;
  return [
    "# Benchmarks",
    "",
    `Written by \`scripts/bench.mjs\`; do not edit by hand, run \`npm run bench\` again.${opts.tiny ? " **This is a `--tiny` run: too few runs to trust the figures.**" : ""}`,
    "",
    "What is measured: whole processes. Each figure is the wall-clock time of one process, from its spawn to its exit " +
      "(`child_process.spawnSync` between two readings of `process.hrtime.bigint()`): `node bin/ctwg.js …` with Node's start-up, " +
      "module loading, reading, checking, rendering and writing included, and `node -e 0`, Node starting and doing nothing, " +
      "as the floor. Every command runs from a temporary copy of `workplans/`, so the repository is never written, and a " +
      "build's previous outputs are removed (untimed) before each run, so every build writes its documents.",
    "",
    `Each command runs ${opts.warmup} warm-up time${opts.warmup === 1 ? "" : "s"} (not timed) and then ${opts.runs} timed time${opts.runs === 1 ? "" : "s"}; ` +
      "the tables give the min / median / max in milliseconds. The commands run in rounds, every command once a round; commands " +
      "that are compared run back to back in each round, in alternating order, and a ratio is the **median of the per-round " +
      "ratios** (paired), so it holds when the machine's speed drifts during the run. " +
      (gnuTime
        ? "Peak memory is the largest resident set size (GNU time, `/usr/bin/time -f %M`) over the warm-up runs, which run under it; the timed runs do not."
        : "Peak memory is not measured: GNU time (`/usr/bin/time`) is not installed."),
    "",
    "The command that made this file:",
    "",
    "```sh",
    invocation,
    "```",
    "",
  ];
}
