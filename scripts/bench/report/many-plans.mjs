// The report's "Many plans in one build" section: how many cores a build of many plans keeps busy.
import { bytes, cpuCell, mb, table, timeCells } from "./format.mjs";

export function manyPlansSection({ manyPlans, scaled, defaultFormats }) {
  const { plans, cores, runs, result, busy } = manyPlans;
  const L = ["## Many plans in one build", ""];
  L.push(
    `\`ctwg build plans --out out\` over ${plans} generated plans (the variants of the Scale section, ${bytes(scaled.fileBytes)} each), ` +
      `writing the default formats (${defaultFormats.join(", ")}) of each; ${cores} cores are available to Node. ` +
      `The build runs ${runs.warmup} + ${runs.runs} times (it takes seconds). "Cores busy" is the run's CPU time / wall time: ` +
      "the average number of cores the process kept busy. On a busy machine the process also waits for cores other work " +
      "holds, which lowers it: read it with the load average in the Machine section.",
    "",
  );
  L.push(
    table(
      [
        "command",
        "runs",
        "wall min ms",
        "wall median ms",
        "wall max ms",
        "CPU median ms",
        "cores busy (median)",
        "cores busy (min–max)",
        "peak MB",
      ],
      [
        [
          "`ctwg build plans --out out`",
          String(result.stats.n),
          ...timeCells(result),
          cpuCell(result),
          busy ? busy.median.toFixed(2) : "—",
          busy ? `${busy.min.toFixed(2)}–${busy.max.toFixed(2)}` : "—",
          mb(result.peakKb),
        ],
      ],
      ["l"],
    ),
    "",
  );
  return L;
}
