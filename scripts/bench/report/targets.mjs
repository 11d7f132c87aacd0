// The report's "Targets" section: each target, the wall and CPU figures measured for it, and whether
// it is met.
import { pairedRatio } from "../measure/rounds.mjs";
import { mb, ms, ratio, table, yesNo } from "./format.mjs";

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

export function targetsSection({ pandoc, single, scaled, largest, watch }) {
  const memories = [
    ...single.rows.filter((r) => r.label.startsWith("ctwg")).map((r) => ({ label: r.label, kb: r.peakKb })),
    ...scaled.rows.flatMap((r) => [
      { label: `ctwg lint (${r.n.toLocaleString("en-US")} files)`, kb: r.lint.peakKb },
      { label: `ctwg build --format md,html (${r.n.toLocaleString("en-US")} files)`, kb: r.build.peakKb },
    ]),
    ...(largest ? largest.rows.map((r) => ({ label: `${r.label} (largest file)`, kb: r.peakKb })) : []),
  ].filter((m) => m.kb !== undefined);
  const worst = memories.reduce((w, m) => (!w || m.kb > w.kb ? m : w), undefined);
  const over = memories.filter((m) => m.kb > 200 * 1024);
  const lintScale = scaled.lint;
  const lintCpu = scaled.lintCpu;
  const bigSize = scaled.sizes.at(-1);
  const scaleTargetMeasured = bigSize >= 1000;
  const targets = [
    ratioTarget("`ctwg lint 2017` within 2.0× `node -e 0`", single.lint, single.floor, 2.0),
    ratioTarget("`ctwg build 2017 --format md,html` no slower than pandoc's HTML conversion (≤ 1.0×)", single.mdHtml, single.pandocHtml, 1.0, pandoc.html.reason),
    ratioTarget("`ctwg build 2017` (all three formats) at most half of pandoc + wkhtmltopdf to PDF (≤ 0.5×)", single.all, single.pandocPdf, 0.5, pandoc.pdf.reason),
    [
      "lint of 1,000 workplans under 2 ms a file beyond start-up, time growing linearly (judged on wall)",
      scaleTargetMeasured
        ? `${ms(lintScale.b)} ms a file (fit over ${scaled.sizes.join(", ")} files); growth ${lintScale.shape} (per-file cost ${ms(lintScale.steps[0].perFile)} → ${ms(lintScale.steps.at(-1).perFile)} ms)`
        : `not measured: largest size ${bigSize} (--tiny); ${ms(lintScale.b)} ms a file over ${scaled.sizes.join(", ")}`,
      lintCpu ? `${ms(lintCpu.b)} ms a file; growth ${lintCpu.shape}` : "not measured",
      scaleTargetMeasured ? yesNo(lintScale.b < 2 && lintScale.shape !== "superlinear") : "—",
    ],
    [
      "peak memory under 200 MB for any accepted input",
      worst
        ? `largest: ${mb(worst.kb)} MB, ${worst.label}${over.length ? `; over 200 MB: ${over.map((m) => `${m.label} ${mb(m.kb)} MB`).join(", ")}` : ""}${largest ? "" : " (largest file not measured: --tiny)"}`
        : "not measured: GNU time is not installed",
      "—",
      // Without the largest file (--tiny) only a failure is final.
      !worst ? "—" : over.length ? "✗" : largest ? "✓" : "—",
    ],
    [
      "`--watch` rebuild under 100 ms for Markdown and HTML",
      `${ms(watch.sum.median)} ms median of ${watch.rebuilds.length} saves (Checked ${ms(watch.checked)} + Markdown ${ms(watch.markdown)} + HTML ${ms(watch.html)})`,
      "not measured",
      yesNo(watch.sum.median < 100),
    ],
  ];
  return [
    "## Targets", "",
    "Each target for this machine, as measured in this run. Ratios are medians of paired per-round ratios; a target that is " +
      "a ratio is judged on the CPU ratio, steadier on a shared machine than the wall ratio beside it (on the wall ratio where " +
      "CPU was not measured). The other targets say what they are judged on.", "",
    table(["target", "wall", "CPU", "met"], targets, ["l", "l", "l", "l"]), "",
  ];
}
