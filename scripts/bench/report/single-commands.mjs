// The report's "Single commands" section: each command on the 2017 plan, and the paired ratios.
import { bytes, mb, ms, ratio, table, timeCells } from "./format.mjs";

export function singleCommandsSection({ pandoc, single }) {
  const L = ["## Single commands", ""];
  L.push(`On \`workplans/2017.yaml\` (${bytes(single.planBytes)}). pandoc converts the Markdown \`ctwg build\` writes for it${pandoc.inputBytes ? ` (${bytes(pandoc.inputBytes)})` : ""}, copied to \`out.md\`; the diff compares \`test/fixtures/diff/2016.yaml\` (copied to \`fixtures/\`) with the 2017 plan.`, "");
  L.push(table(["command", "min ms", "median ms", "max ms", "median − floor ms", "peak MB"], single.rows.map((r) => [
    `\`${r.label}\``, ...timeCells(r), r.label.startsWith("ctwg") ? ms(r.stats.median - single.floor.stats.median) : "—", mb(r.peakKb),
  ]), ["l"]), "");
  if (!single.pandocHtml) L.push(`pandoc to HTML: not measured, ${pandoc.html.reason}.`, "");
  if (!single.pandocPdf) L.push(`pandoc + wkhtmltopdf to PDF: not measured, ${pandoc.pdf.reason}.`, "");
  if (single.pandocPdf) L.push("wkhtmltopdf runs without an X server here (its `--quiet` option is passed through `--pdf-engine-opt`).", "");
  L.push("Paired ratios (per round, the two commands run back to back):", "");
  L.push(table(["ratio", "median", "min", "max", "ratio of the medians"], single.ratios.map((r) => [r.label, ratio(r.median), ratio(r.min), ratio(r.max), ratio(r.ofMedians)]), ["l"]), "");
  return L;
}
