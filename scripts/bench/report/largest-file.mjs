// The report's "Largest accepted file" section.
import { bytes, cpuCell, mb, table, timeCells } from "./format.mjs";

export function largestFileSection({ opts, largest }) {
  const L = ["## Largest accepted file", ""];
  if (!largest) {
    L.push("Skipped (--tiny).", "");
    return L;
  }
  L.push(
    `\`workplans/2017.yaml\` with its deliverables repeated, each copy with its own ids, titles and meeting numbers: ` +
      `${largest.size.toLocaleString("en-US")} bytes (${bytes(largest.size)}), just under the limit of ${largest.limit.toLocaleString("en-US")} bytes ` +
      `(\`MAX_SOURCE_BYTES\`), ${largest.deliverables.toLocaleString("en-US")} deliverables` +
      `${largest.warnings === undefined ? "" : `; it lints with ${largest.warnings.toLocaleString("en-US")} warnings (the 2017 plan's slips, repeated) and no errors`}` +
      `${largest.pages ? `; its PDF has ${largest.pages.toLocaleString("en-US")} pages` : ""}. ` +
      `The lint runs ${opts.warmup} + ${opts.runs} times; the builds, slower, ${largest.buildRuns.warmup} + ${largest.buildRuns.runs} times.`,
    "",
  );
  L.push(
    table(
      ["command", "runs", "wall min ms", "wall median ms", "wall max ms", "CPU median ms", "peak MB"],
      largest.rows.map((r) => [`\`${r.label}\``, String(r.stats.n), ...timeCells(r), cpuCell(r), mb(r.peakKb)]),
      ["l"],
    ),
    "",
  );
  return L;
}
