// The report's "Machine" section: what the figures were measured on, and how busy it was.
import os from "node:os";
import { stats } from "../measure/statistics.mjs";
import { table } from "./format.mjs";

export function machineSection({ host, build, loads, loadStart, loadEnd, started, finished }) {
  const load = stats(loads.length ? loads : [loadStart, loadEnd]);
  const L = ["## Machine", ""];
  L.push(
    table(
      ["", ""],
      [
        ["CPU", host.cpu],
        ["Cores", host.cores],
        ["Memory", host.memory],
        ["OS", host.os],
        ["Node", host.node],
        ["pandoc", host.pandoc],
        ["wkhtmltopdf", host.wkhtmltopdf],
        ["GNU time", host.gnuTime],
        ["ctwg", `${host.ctwg}; the CLI measured: dist/bundle/, ${build}`],
        [
          "Load average (1 min)",
          `${loadStart.toFixed(2)} at the start, ${loadEnd.toFixed(2)} at the end; ${load.min.toFixed(2)} / ${load.median.toFixed(2)} / ${load.max.toFixed(2)} (min / median / max) over the ${load.n} rounds`,
        ],
        ["Date", `${started.toISOString().replace(/\.\d+Z$/, "Z")}`],
        ["Duration of the run", `${((finished - started) / 60000).toFixed(1)} min`],
      ],
      ["l", "l"],
    ),
    "",
  );
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  if (load.median > cores * 0.75) {
    L.push(
      `The load average stayed near or above the number of cores (${cores}): other work was running during the benchmark, so ` +
        "the times are longer and more spread out than on an idle machine. The paired ratios hold up best; single medians less so.",
      "",
    );
  }
  return L;
}
