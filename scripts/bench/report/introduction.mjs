// The report's opening: what it is, what is measured and how, and the command that made it.

export function introduction({ opts, gnuTime }) {
  const invocation =
    process.env.npm_lifecycle_event === "bench"
      ? `npm run bench${opts.argv.length ? ` -- ${opts.argv.join(" ")}` : ""}`
      : `node scripts/bench.mjs${opts.argv.length ? ` ${opts.argv.join(" ")}` : ""}`;
  const times = (n, what) => `${n} ${what}${n === 1 ? "" : "s"}`;
  return [
    "# Benchmarks",
    "",
    `Written by \`scripts/bench.mjs\`; do not edit by hand, run \`npm run bench\` again.${opts.tiny ? " **This is a `--tiny` run: too few runs to trust the figures.**" : ""}`,
    "",
    "What is measured: whole processes. `node bin/ctwg.js …` with Node's start-up, module loading, reading, checking, " +
      "rendering and writing included, and `node -e 0`, Node starting and doing nothing, as the floor. Every command runs " +
      "from a temporary copy of `workplans/`, so the repository is never written, and a build's previous outputs are " +
      "removed (untimed) before each run, so every build writes its documents.",
    "",
    "- **Wall**: the wall-clock time of one process, from its spawn to its exit (`child_process.spawnSync` between two " +
      "readings of `process.hrtime.bigint()`)." +
      (gnuTime
        ? " The process is spawned under GNU time, so this includes GNU time's own start and wait, about a millisecond, the same for every command."
        : ""),
    gnuTime
      ? "- **CPU**: the user + system time of the process, of all its threads and of every process it waited for (pandoc's " +
        'wkhtmltopdf included), as the kernel hands it to GNU time when the process exits (`/usr/bin/time -o FILE -f "%U %S %M"`, ' +
        "written to a file so the command's own output is untouched). GNU time gives each in hundredths of a second, rounded " +
        "down; the benchmark adds half a hundredth to each (10 ms in all), the middle of the interval the true value lies in, " +
        "so a CPU figure is within ±10 ms and not low on average. Time spent waiting for a core is not CPU time, so on a " +
        "shared machine CPU figures and their ratios are steadier than wall ones."
      : "- **CPU**: not measured: GNU time (`/usr/bin/time`) is not installed; the tables show — for it, and targets are judged on wall times.",
    gnuTime
      ? "- **Peak memory**: the largest resident set size (GNU time's `%M`, of the same runs) over every run of the command, warm-up runs included."
      : "- **Peak memory**: not measured: GNU time (`/usr/bin/time`) is not installed.",
    "- **Cores busy** (the many-plan build): CPU time / wall time of the process, the two figures above; 2.00 means two cores busy all the time on average.",
    "- **`--watch`**: not a process timed to its exit but a watcher left running: the time from a save of the plan to every " +
      "output of it rewritten, seen from outside by polling the output files, and the watcher's CPU time meanwhile; the " +
      "`--watch` section says how.",
    "",
    `Each command runs ${times(opts.warmup, "warm-up time")} (not timed) and then ${times(opts.runs, "timed time")}; ` +
      "the tables give the min / median / max wall time and the median CPU time in milliseconds. The commands run in rounds, " +
      "every command once a round; commands that are compared run back to back in each round, in alternating order, and a " +
      "ratio is the **median of the per-round ratios** (paired), of the wall times and, beside it, of the CPU times, so it " +
      "holds when the machine's speed drifts during the run.",
    "",
    "The command that made this file:",
    "",
    "```sh",
    invocation,
    "```",
    "",
  ];
}
