// The report's "Scale" section: lint and build over many generated plans, and the line through them.
import { bytes, cpuCell, mb, ms, table, timeCells } from "./format.mjs";

export function scaleSection({ scaled }) {
  const L = ["## Scale", ""];
  L.push(
    `Generated workplans: variants of the 2017 plan (${bytes(scaled.fileBytes)} each) with their years shifted (1995–2084), ` +
      "their own document symbols and ids, one folder per size, in a temporary folder. One process for each folder; " +
      'the one-file run is the start-up to subtract. "Per file" is (median(n) − median(1)) / (n − 1), of the wall and of the CPU times.',
    "",
  );
  const fitLine = (name, f) =>
    `- ${name}: time = ${ms(f.a)} ms + ${ms(f.b)} ms · n (least squares over ${scaled.sizes.join(", ")} files, R² = ${f.r2.toFixed(4)}); ` +
    `per-file cost between sizes ${f.steps.map((s) => `${s.from}→${s.to}: ${ms(s.perFile)} ms`).join(", ")}; ` +
    `growth ${f.shape}${f.growth === undefined ? "" : ` (last step / first step = ${f.growth.toFixed(2)}; linear means within 0.75–1.25)`}.`;
  const part = (title, pick, wall, cpu) => {
    L.push(`### ${title}`, "");
    L.push(
      table(
        ["files", "wall min ms", "wall median ms", "wall max ms", "CPU median ms", "wall per file ms", "CPU per file ms", "peak MB"],
        scaled.rows.map((r, i) => [
          r.n.toLocaleString("en-US"),
          ...timeCells(pick(r)),
          cpuCell(pick(r)),
          i === 0 ? "—" : ms(wall.perFile[i - 1]),
          i === 0 ? "—" : ms(cpu?.perFile[i - 1]),
          mb(pick(r).peakKb),
        ]),
      ),
      "",
    );
    L.push(fitLine("wall", wall), cpu ? fitLine("CPU", cpu) : "- CPU: not measured (GNU time is not installed).", "");
  };
  part("`ctwg lint DIR`", (r) => r.lint, scaled.lint, scaled.lintCpu);
  part("`ctwg build DIR --format md,html --out OUT`", (r) => r.build, scaled.build, scaled.buildCpu);
  return L;
}
