// The report's "Scale" section: lint and build over many generated plans, and the line through them.
import { bytes, mb, ms, table, timeCells } from "./format.mjs";

export function scaleSection({ scaled }) {
  const L = ["## Scale", ""];
  L.push(
    `Generated workplans: variants of the 2017 plan (${bytes(scaled.fileBytes)} each) with their years shifted (1995–2084), ` +
      "their own document symbols and ids, one folder per size, in a temporary folder. One process for each folder; " +
      "the one-file run is the start-up to subtract. \"Per file\" is (median(n) − median(1)) / (n − 1).",
    "",
  );
  L.push(table(
    ["files", "lint min ms", "lint median ms", "lint max ms", "lint per file ms", "lint peak MB", "build md,html min ms", "build median ms", "build max ms", "build per file ms", "build peak MB"],
    scaled.rows.map((r, i) => [
      r.n.toLocaleString("en-US"), ...timeCells(r.lint), i === 0 ? "—" : ms(scaled.lint.perFile[i - 1]), mb(r.lint.peakKb),
      ...timeCells(r.build), i === 0 ? "—" : ms(scaled.build.perFile[i - 1]), mb(r.build.peakKb),
    ]),
  ), "");
  const fitLine = (name, f) =>
    `- ${name}: time = ${ms(f.a)} ms + ${ms(f.b)} ms · n (least squares over ${scaled.sizes.join(", ")} files, R² = ${f.r2.toFixed(4)}); ` +
    `per-file cost between sizes ${f.steps.map((s) => `${s.from}→${s.to}: ${ms(s.perFile)} ms`).join(", ")}; ` +
    `growth ${f.shape}${f.growth === undefined ? "" : ` (last step / first step = ${f.growth.toFixed(2)}; linear means within 0.75–1.25)`}.`;
  L.push(fitLine("`ctwg lint DIR`", scaled.lint), fitLine("`ctwg build DIR --format md,html --out OUT`", scaled.build), "");
  return L;
}
