// The largest file ctwg accepts: lint, and the builds, of a plan just under MAX_SOURCE_BYTES.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { BIN, NODE, ROOT, STEM } from "../cli-under-test.mjs";
import { ctwg, ENV } from "../measure/command.mjs";
import { rounds } from "../measure/rounds.mjs";
import { largestPlan } from "./generated-plans.mjs";
import { clean, project } from "./projects.mjs";

export function largestFile(bench, opts, limit) {
  const plan = largestPlan(readFileSync(join(ROOT, "workplans", "2017.yaml"), "utf8"), limit);
  const dir = project(bench, "largest", { "2017.yaml": plan.text });
  const pdfDir = project(bench, "largest-all", { "2017.yaml": plan.text }); // where the last PDF stays, to count its pages
  const lint = ctwg("ctwg lint 2017", ["lint", "2017"], dir);
  const lintResults = rounds(bench, [[lint]], { ...opts, name: "largest file, lint" });
  // The builds take seconds (the PDF tens of seconds): fewer runs.
  const buildOpts = { runs: Math.min(opts.runs, 3), warmup: Math.min(opts.warmup, 1) };
  const mdHtml = ctwg("ctwg build 2017 --format md,html", ["build", "2017", "--format", "md,html"], dir, clean(join(dir, "out")));
  const all = ctwg("ctwg build 2017", ["build", "2017"], pdfDir, clean(join(pdfDir, "out")));
  const buildResults = rounds(bench, [[mdHtml], [all]], { ...buildOpts, name: "largest file, builds" });
  return {
    ...plan,
    limit,
    warnings: warningCount(dir),
    pages: pageCount(join(pdfDir, "out", "2017", `${STEM}.pdf`)),
    buildRuns: buildOpts,
    rows: [
      { label: "ctwg lint 2017", ...lintResults.get(lint) },
      { label: "ctwg build 2017 --format md,html", ...buildResults.get(mdHtml) },
      { label: `ctwg build 2017 (${bench.defaultFormats.join(", ")})`, ...buildResults.get(all) },
    ],
  };
}

/** The warnings of the plan in `dir`, which must have no errors: the file must be one ctwg accepts. */
function warningCount(dir) {
  const lintOutput = spawnSync(NODE, [BIN, "lint", "2017", "--format", "json"], {
    cwd: dir,
    env: ENV,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  try {
    const diagnostics = JSON.parse(lintOutput.stdout);
    const errors = diagnostics.filter((d) => d.severity === "error").length;
    if (errors > 0) throw new Error(`the generated largest plan has ${errors} errors; it must be an accepted file`);
    return diagnostics.filter((d) => d.severity === "warning").length;
  } catch (error) {
    if (/must be an accepted file/.test(error.message)) throw error;
    return undefined;
  }
}

/** The pages of a PDF, counted by their page objects; undefined when there is none. */
function pageCount(path) {
  try {
    const pdf = readFileSync(path, "latin1");
    return (pdf.match(/\/Type\s*\/Page\b/g) ?? []).length || undefined;
  } catch {
    return undefined;
  }
}
