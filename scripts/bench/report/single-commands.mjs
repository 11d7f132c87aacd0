// The report's "Single commands" section: each command on the 2017 plan, and the paired ratios.
import { bytes, cpuCell, mb, ms, ratio, table, timeCells } from "./format.mjs";

export function singleCommandsSection({ pandoc, single }) {
  const L = ["## Single commands", ""];
  L.push(
    `On \`workplans/2017.yaml\` (${bytes(single.planBytes)}). pandoc converts the Markdown \`ctwg build\` writes for it${pandoc.inputBytes ? ` (${bytes(pandoc.inputBytes)})` : ""}, copied to \`out.md\`; the diff compares \`test/fixtures/diff/2016.yaml\` (copied to \`fixtures/\`) with the 2017 plan.`,
    "",
  );
  const beyondFloor = (r) => (r.label.startsWith("ctwg") ? ms(r.stats.median - single.floor.stats.median) : "—");
  L.push(
    table(
      ["command", "wall min ms", "wall median ms", "wall max ms", "CPU median ms", "wall median − floor ms", "peak MB"],
      single.rows.map((r) => [`\`${r.label}\``, ...timeCells(r), cpuCell(r), beyondFloor(r), mb(r.peakKb)]),
      ["l"],
    ),
    "",
  );
  if (!single.pandocHtml) L.push(`pandoc to HTML: not measured, ${pandoc.html.reason}.`, "");
  if (!single.pandocPdf) L.push(`pandoc + wkhtmltopdf to PDF: not measured, ${pandoc.pdf.reason}.`, "");
  if (single.pandocPdf)
    L.push("wkhtmltopdf runs without an X server here (its `--quiet` option is passed through `--pdf-engine-opt`).", "");
  L.push("Paired ratios (per round, the commands compared run back to back); the median, min and max of the per-round ratios:", "");
  L.push(
    table(
      ["ratio", "wall median", "wall min", "wall max", "wall ratio of the medians", "CPU median", "CPU min", "CPU max"],
      single.ratios.map((r) => [
        r.label,
        ratio(r.median),
        ratio(r.min),
        ratio(r.max),
        ratio(r.ofMedians),
        ratio(r.cpu?.median),
        ratio(r.cpu?.min),
        ratio(r.cpu?.max),
      ]),
      ["l"],
    ),
    "",
  );
  return L;
}
