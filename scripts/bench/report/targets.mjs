// The report's "Targets" section: each target, the figure measured for it, and whether it is met.
import { pairedRatio } from "../measure/rounds.mjs";
import { mb, ms, ratio, table, yesNo } from "./format.mjs";

export function targetsSection({ pandoc, single, scaled, largest, watch }) {
  const lintRatio = single.ratios[0];
  const htmlRatio = single.pandocHtml ? pairedRatio(single.mdHtml, single.pandocHtml) : undefined;
  const pdfRatio = single.pandocPdf ? pairedRatio(single.all, single.pandocPdf) : undefined;
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
  const bigSize = scaled.sizes.at(-1);
  const scaleTargetMeasured = bigSize >= 1000;
  const targets = [
    [
      "`ctwg lint 2017` within 2.0× `node -e 0`",
      `${ratio(lintRatio.median)} (${ms(single.lint.stats.median)} ms vs ${ms(single.floor.stats.median)} ms)`,
      yesNo(lintRatio.median <= 2.0),
    ],
    [
      "`ctwg build 2017 --format md,html` no slower than pandoc's HTML conversion (≤ 1.0×)",
      htmlRatio ? `${ratio(htmlRatio.median)} (${ms(single.mdHtml.stats.median)} ms vs ${ms(single.pandocHtml.stats.median)} ms)` : `not measured: ${pandoc.html.reason}`,
      htmlRatio ? yesNo(htmlRatio.median <= 1.0) : "—",
    ],
    [
      "`ctwg build 2017` (all three formats) at most half of pandoc + wkhtmltopdf to PDF (≤ 0.5×)",
      pdfRatio ? `${ratio(pdfRatio.median)} (${ms(single.all.stats.median)} ms vs ${ms(single.pandocPdf.stats.median)} ms)` : `not measured: ${pandoc.pdf.reason}`,
      pdfRatio ? yesNo(pdfRatio.median <= 0.5) : "—",
    ],
    [
      "lint of 1,000 workplans under 2 ms a file beyond start-up, time growing linearly",
      scaleTargetMeasured
        ? `${ms(lintScale.b)} ms a file (fit over ${scaled.sizes.join(", ")} files); growth ${lintScale.shape} (per-file cost ${ms(lintScale.steps[0].perFile)} → ${ms(lintScale.steps.at(-1).perFile)} ms)`
        : `not measured: largest size ${bigSize} (--tiny); ${ms(lintScale.b)} ms a file over ${scaled.sizes.join(", ")}`,
      scaleTargetMeasured ? yesNo(lintScale.b < 2 && lintScale.shape !== "superlinear") : "—",
    ],
    [
      "peak memory under 200 MB for any accepted input",
      worst
        ? `largest: ${mb(worst.kb)} MB, ${worst.label}${over.length ? `; over 200 MB: ${over.map((m) => `${m.label} ${mb(m.kb)} MB`).join(", ")}` : ""}${largest ? "" : " (largest file not measured: --tiny)"}`
        : "not measured: GNU time is not installed",
      // Without the largest file (--tiny) only a failure is final.
      !worst ? "—" : over.length ? "✗" : largest ? "✓" : "—",
    ],
    [
      "`--watch` rebuild under 100 ms for Markdown and HTML",
      `${ms(watch.sum.median)} ms median of ${watch.rebuilds.length} saves (Checked ${ms(watch.checked)} + Markdown ${ms(watch.markdown)} + HTML ${ms(watch.html)})`,
      yesNo(watch.sum.median < 100),
    ],
  ];
  return [
    "## Targets", "",
    "Each target for this machine, as measured in this run (ratios are medians of paired per-round ratios).", "",
    table(["target", "measured", "met"], targets, ["l", "l", "l"]), "",
  ];
}
