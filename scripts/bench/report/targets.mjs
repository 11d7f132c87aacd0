// The report's "Targets" section: each target, the wall and CPU figures measured for it, and whether
// it is met.
import { pairedRatio } from "../measure/rounds.mjs";
import { mb, ms, ratio, table, yesNo } from "./format.mjs";

const MB = 1024; // KB

/**
 * A target that is a ratio of two commands' times, `a` / `b` ≤ `limit`: the paired ratio of their
 * wall times and of their CPU times, judged on the CPU ratio (the steadier one on a shared machine),
 * or on the wall ratio where CPU was not measured. `missing` says why, when either was not run.
 */
function ratioTarget(target, a, b, limit, missing) {
  if (!a || !b) return [target, `not measured: ${missing}`, "—", "—"];
  const r = pairedRatio(a, b);
  return [
    target,
    `${ratio(r.median)} (${ms(a.stats.median)} ms vs ${ms(b.stats.median)} ms)`,
    r.cpu ? `${ratio(r.cpu.median)} (${ms(a.cpuStats.median)} ms vs ${ms(b.cpuStats.median)} ms)` : "not measured; judged on wall",
    yesNo((r.cpu ?? r).median <= limit),
  ];
}

/**
 * Lint of 1,000 plans: at most 2 ms a file beyond the one-file run's start-up, the per-file cost not
 * growing from 10→100 to 100→1,000 files (linear or better), and a peak of at most 200 MB.
 */
function lintScaleTarget(target, scaled) {
  const sizes = scaled.sizes;
  const index = sizes.indexOf(1000);
  if (index < 0 || !sizes.includes(10)) {
    return [
      target,
      `not measured: sizes ${sizes.join(", ")} (--tiny); ${ms(scaled.lint.perFile.at(-1))} ms a file at ${sizes.at(-1)}`,
      "—",
      "—",
    ];
  }
  const wall = scaled.lint;
  const cpu = scaled.lintCpu;
  const peakKb = scaled.rows[index + 1].lint.peakKb; // rows start with the one-file run
  const steps = (f) => f.steps.map((s) => `${s.from}→${s.to}: ${ms(s.perFile)}`).join(", ");
  return [
    target,
    `${ms(wall.perFile[index])} ms a file; per-file cost ${steps(wall)} ms, growth ${wall.shape}; peak ${peakKb === undefined ? "not measured" : `${mb(peakKb)} MB`}`,
    cpu ? `${ms(cpu.perFile[index])} ms a file; per-file cost ${steps(cpu)} ms, growth ${cpu.shape}` : "not measured",
    yesNo(wall.perFile[index] <= 2 && wall.shape !== "superlinear" && (peakKb === undefined || peakKb <= 200 * MB)),
  ];
}

/** A build of many plans keeps the cores busy: CPU time / wall time ≥ 0.8 × the cores available. */
function coresTarget(target, manyPlans, tiny) {
  const { result, busy, cores, plans } = manyPlans;
  const need = 0.8 * cores;
  const wall = `${ms(result.stats.median)} ms for ${plans} plans`;
  if (!busy) return [target, wall, "not measured (no GNU time)", "—"];
  const cpu = `${ms(result.cpuStats.median)} ms; CPU / wall ${busy.median.toFixed(2)} (median of ${busy.n} runs), needed ≥ ${need.toFixed(2)}`;
  return [target, wall, tiny ? `${cpu}; not judged: ${plans} plans (--tiny)` : cpu, tiny ? "—" : yesNo(busy.median >= need)];
}

/** `--watch`: from the save to every output rewritten, median over the saves, ≤ 100 ms. */
function watchTarget(target, watch) {
  return [
    target,
    `${ms(watch.written.median)} ms median of ${watch.saves.length} saves (min ${ms(watch.written.min)}, max ${ms(watch.written.max)})`,
    watch.cpu ? `${ms(watch.cpu.median)} ms of the watcher's CPU time a save (median)` : "not measured (no /proc)",
    yesNo(watch.written.median <= 100),
  ];
}

/** The largest peak memory of any ctwg command in the run: not a target, but the one to watch. */
function largestPeak({ single, scaled, manyPlans, largest }) {
  const memories = [
    ...single.rows.filter((r) => r.label.startsWith("ctwg")).map((r) => ({ label: r.label, kb: r.peakKb })),
    ...scaled.rows.flatMap((r) => [
      { label: `ctwg lint (${r.n.toLocaleString("en-US")} files)`, kb: r.lint.peakKb },
      { label: `ctwg build --format md,html (${r.n.toLocaleString("en-US")} files)`, kb: r.build.peakKb },
    ]),
    { label: `ctwg build (${manyPlans.plans} plans)`, kb: manyPlans.result.peakKb },
    ...(largest ? largest.rows.map((r) => ({ label: `${r.label} (largest file)`, kb: r.peakKb })) : []),
  ].filter((m) => m.kb !== undefined);
  return memories.reduce((worst, m) => (!worst || m.kb > worst.kb ? m : worst), undefined);
}

export function targetsSection(figures) {
  const { opts, pandoc, single, scaled, manyPlans, watch, defaultFormats, largest } = figures;
  const formats = defaultFormats.join(", ");
  const targets = [
    ratioTarget("`ctwg lint 2017` ≤ 1.5× `node -e 0`", single.lint, single.floor, 1.5),
    ratioTarget(
      "`ctwg build 2017 --format md,html` ≤ 1.0× pandoc's standalone HTML of the same Markdown",
      single.mdHtml,
      single.pandocHtml,
      1.0,
      pandoc.html.reason,
    ),
    ratioTarget(
      `\`ctwg build 2017\` (its default formats: ${formats}) ≤ 0.5× pandoc + wkhtmltopdf to PDF`,
      single.all,
      single.pandocPdf,
      0.5,
      pandoc.pdf.reason,
    ),
    ratioTarget("`ctwg build 2017 --format pdf` ≤ 0.5× pandoc + wkhtmltopdf to PDF", single.pdf, single.pandocPdf, 0.5, pandoc.pdf.reason),
    lintScaleTarget(
      "lint of 1,000 plans ≤ 2 ms a file beyond start-up, time growing linearly from 10 to 1,000 files, peak memory ≤ 200 MB",
      scaled,
    ),
    coresTarget(
      `a build of many plans (\`ctwg build DIR\`, ${formats}) uses every core: CPU time / wall time ≥ 0.8 × ${manyPlans.cores} cores`,
      manyPlans,
      opts.tiny,
    ),
    watchTarget(`\`--watch\` (${formats}): save → every output written ≤ 100 ms`, watch),
  ];
  const worst = largestPeak(figures);
  return [
    "## Targets",
    "",
    "Each target for this machine, as measured in this run, its commands side by side. How each is judged:",
    "",
    "- a ratio of two commands is the median of the paired per-round ratios, judged on the **CPU ratio**, steadier on a " +
      "shared machine than the wall ratio beside it (on the wall ratio where CPU was not measured);",
    "- lint of 1,000 plans is judged on wall time and memory: (median(1,000) − median(1)) / 999 ≤ 2 ms, the per-file cost " +
      "from 100 to 1,000 files at most 1.25× that from 10 to 100 (linear, or better), and the 1,000-file lint's peak ≤ 200 MB;",
    "- every core is used when the build's CPU time / wall time (median over its runs) is at least 0.8 × the cores " +
      "available to Node (`os.availableParallelism()`); the 0.2 left allows for the start-up and the end of a build, when fewer plans are left than cores;",
    "- `--watch` is judged on the time from the save to every output rewritten, seen from outside (see `--watch` below), median over the saves.",
    "",
    table(["target", "wall", "CPU", "met"], targets, ["l", "l", "l", "l"]),
    "",
    worst
      ? `Largest peak memory of any ctwg command in this run: ${mb(worst.kb)} MB, \`${worst.label}\`${largest ? "" : " (the largest file not measured: --tiny)"}.`
      : "Peak memory is not measured: GNU time is not installed.",
    "",
  ];
}
