// The single commands: `node -e 0`, the ctwg commands on the 2017 plan, and pandoc on the same content.
import { copyFileSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { installPacked } from "../../install-packed.mjs";
import { NODE, ROOT, STEM } from "../cli-under-test.mjs";
import { command, ctwg } from "../measure/command.mjs";
import { pairedRatio, rounds } from "../measure/rounds.mjs";
import { runOnce } from "../measure/run-once.mjs";
import { progress } from "../progress.mjs";
import { clean, project } from "./projects.mjs";

export function singleCommands(bench, opts, pandoc) {
  const dir = project(bench, "single", { "2017.yaml": readFileSync(join(ROOT, "workplans", "2017.yaml"), "utf8") });
  mkdirSync(join(dir, "fixtures"));
  copyFileSync(join(ROOT, "test", "fixtures", "diff", "2016.yaml"), join(dir, "fixtures", "2016.yaml"));
  const out = clean(join(dir, "out"));
  const floor = command("node -e 0", NODE, ["-e", "0"], dir);
  const lint = ctwg("ctwg lint 2017", ["lint", "2017"], dir);
  const mdHtml = ctwg("ctwg build 2017 --format md,html", ["build", "2017", "--format", "md,html"], dir, out);
  const pdf = ctwg("ctwg build 2017 --format pdf", ["build", "2017", "--format", "pdf"], dir, out);
  const all = ctwg("ctwg build 2017", ["build", "2017"], dir, out);
  const diff = ctwg("ctwg diff fixtures/2016.yaml 2017", ["diff", "fixtures/2016.yaml", "2017"], dir);
  // The package as a plan repository installs it, against this clone: the same start-up is the aim.
  const installed = installPacked(join(bench.scratch, "package"));
  const packedVersion = command("ctwg --version (installed package)", NODE, [installed.bin, "--version"], dir);
  const cloneVersion = ctwg("ctwg --version (this clone)", ["--version"], dir);
  const { pandocHtml, pandocPdf } = pandocCommands(bench, pandoc, dir);

  // Each target's pair in one group, so its commands run back to back: the PDF-only build and the
  // default one are both compared with pandoc + wkhtmltopdf.
  const groups = [
    [floor, lint],
    [mdHtml, pandocHtml].filter(Boolean),
    [all, pdf, pandocPdf].filter(Boolean),
    [diff],
    [packedVersion, cloneVersion],
  ];
  const results = rounds(bench, groups, { ...opts, name: "single commands" });
  const get = (cmd) => (cmd ? results.get(cmd) : undefined);
  return {
    planBytes: statSync(join(ROOT, "workplans", "2017.yaml")).size,
    rows: groups.flat().map((cmd) => ({ label: cmd.label, ...get(cmd) })),
    floor: get(floor),
    lint: get(lint),
    mdHtml: get(mdHtml),
    all: get(all),
    pdf: get(pdf),
    pandocHtml: get(pandocHtml),
    pandocPdf: get(pandocPdf),
    ratios: [
      { label: "`ctwg lint 2017` / `node -e 0`", ...pairedRatio(get(lint), get(floor)) },
      pandocHtml && { label: "`ctwg build 2017 --format md,html` / pandoc to HTML", ...pairedRatio(get(mdHtml), get(pandocHtml)) },
      pandocPdf && {
        label: `\`ctwg build 2017\` (${bench.defaultFormats.join(", ")}) / pandoc + wkhtmltopdf to PDF`,
        ...pairedRatio(get(all), get(pandocPdf)),
      },
      pandocPdf && { label: "`ctwg build 2017 --format pdf` / pandoc + wkhtmltopdf to PDF", ...pairedRatio(get(pdf), get(pandocPdf)) },
      { label: "`ctwg --version`, installed package / this clone", ...pairedRatio(get(packedVersion), get(cloneVersion)) },
    ].filter(Boolean),
  };
}

/**
 * pandoc's commands, converting the Markdown that ctwg writes for the 2017 plan, each tried once: one
 * that is installed but fails here (wkhtmltopdf without its libraries, say) is left out, with why.
 */
function pandocCommands(bench, pandoc, dir) {
  if (!pandoc.html.available && !pandoc.pdf.available) return {};
  const pandocDir = join(bench.scratch, "pandoc");
  mkdirSync(pandocDir);
  runOnce(bench, ctwg("ctwg build 2017 --format md", ["build", "2017", "--format", "md", "--out", pandocDir], dir));
  copyFileSync(join(pandocDir, "2017", `${STEM}.md`), join(pandocDir, "out.md"));
  pandoc.inputBytes = statSync(join(pandocDir, "out.md")).size;
  const tryOnce = (which, cmd) => {
    try {
      runOnce(bench, cmd);
      return cmd;
    } catch (error) {
      which.available = false;
      which.reason = `installed, but failed here: ${String(error.message).split("\n").filter(Boolean).slice(-3).join(" / ")}`;
      progress(`${cmd.label}: ${which.reason}`);
      return undefined;
    }
  };
  const pandocHtml = pandoc.html.available
    ? tryOnce(pandoc.html, command("pandoc out.md -s -o x.html", pandoc.path, ["out.md", "-s", "-o", "x.html"], pandocDir))
    : undefined;
  const pandocPdf = pandoc.pdf.available
    ? tryOnce(
        pandoc.pdf,
        command(
          "pandoc out.md -s -o x.pdf --pdf-engine=wkhtmltopdf --pdf-engine-opt=--quiet",
          pandoc.path,
          ["out.md", "-s", "-o", "x.pdf", "--pdf-engine=wkhtmltopdf", "--pdf-engine-opt=--quiet"],
          pandocDir,
        ),
      )
    : undefined;
  return { pandocHtml, pandocPdf };
}
