import type { Command } from "commander";
import { hasErrors } from "../../diagnostics/diagnostic.js";
import {
  buildFiles,
  FORMAT_IDS,
  startBuildSession,
  settingsFiles,
  type BuildOptions as PlanBuildOptions,
  type BuildReport,
  type FormatId,
  type LintSettings,
} from "../../index.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { inputFiles } from "../inputs.js";
import { paintFor, type Io } from "../io.js";
import { placeFor } from "../project.js";
import { formatReports } from "../report.js";
import { settingsFor } from "../settings.js";
import { watchFiles } from "../watch-files.js";
import { UsageError } from "../usage-error.js";
import { shownPath, sourceDateEpoch } from "../shared-options.js";
import { overwriteError, refuseStdoutOntoInput } from "./refusals.js";

interface BuildOptions {
  out?: string;
  format: string;
  stdout?: boolean;
  timeline: boolean;
  watch?: boolean;
}

/** `ctwg build [inputs...]`: validate workplans and write their documents. */
export function registerBuild(program: Command, io: Io, setExit: (code: ExitCode) => void): void {
  program
    .command("build")
    .description("validate workplans and write the forum document as Markdown, HTML, PDF and Word")
    .argument("[inputs...]", "years (2017) or paths to workplan files; default: every workplans/YEAR.yaml")
    .option("-o, --out <dir>", "output folder; each plan goes to <dir>/<year>/ (default: out/ in the project's root)")
    .option("-f, --format <formats>", `comma-separated formats: ${FORMAT_IDS.join(",")}`, FORMAT_IDS.join(","))
    .option("--no-timeline", "leave out the timeline of the year's events")
    .option("-w, --watch", "rebuild on every save, printing each step with its time; Ctrl-C stops")
    .option("--stdout", "print the one format of the one workplan given instead of writing it (for git's textconv)")
    .addHelpText(
      "after",
      "\nSOURCE_DATE_EPOCH, when set, is the date stamped into the PDF and the Word file (default: the meeting date).\n\nExamples:\n  ctwg build 2017                    writes out/2017/2017_som1_sce-cow_002.{md,html,pdf,docx}\n  ctwg build 2017 --format html --out site",
    )
    .action(async (args: string[], options: BuildOptions) => {
      const formats = parseFormats(options.format);
      const timestamp = sourceDateEpoch(io.env.SOURCE_DATE_EPOCH);
      // Set only when watching: a watch needs a way to be stopped.
      const signal = options.watch ? io.signal : undefined;
      if (options.watch && !signal) throw new UsageError("--watch needs a terminal to stop it from");
      const place = placeFor(io, program.opts().root);
      const files = await inputFiles(args, place);
      const first = await settingsFor(io, place, program.opts().color, { glossaryNote: true });
      if (!first) return setExit(EXIT.failure);
      // Read again when a watched glossary or configuration changes.
      let settings: LintSettings = first;
      await refuseStdoutOntoInput(io, place, files);
      if (options.stdout && (files.length !== 1 || formats.length !== 1 || formats[0] === "pdf" || formats[0] === "docx")) {
        throw new UsageError("--stdout prints one text format of one workplan: ctwg build 2017 --format md --stdout");
      }
      const stderrPaint = paintFor(io, "stderr", program.opts().color);
      const stdoutPaint = paintFor(io, "stdout", program.opts().color);
      // One map for the run, so two plans whose outputs would share names are caught before either writes.
      const claims = new Map();
      const write = !options.stdout;
      const buildOptions = (steps: boolean): PlanBuildOptions => ({
        cwd: place.cwd,
        root: place.root,
        ...(options.out !== undefined ? { outDir: options.out } : {}),
        formats,
        settings,
        write,
        timeline: options.timeline,
        inputs: files,
        claims,
        ...(timestamp ? { timestamp } : {}),
        ...(steps
          ? { onStep: (step: string, ms: number) => io.stdout.write(`${stdoutPaint.bold("✓")} ${Math.round(ms)} ms ${step}\n`) }
          : {}),
      });
      /** Says what became of one plan: its errors, a count of its warnings, the files written; false when it was not built. */
      const show = (report: BuildReport): boolean => {
        const file = report.file;
        if (report.refused)
          throw overwriteError(
            options.out !== undefined ? `--out ${options.out}` : "ctwg build",
            report.refused,
            "choose an output folder that holds no plan nor a link to one (--out DIR)",
          );
        // Errors are shown in full; warnings are counted, and `ctwg lint` shows them, so a build stays short.
        const errors = report.diagnostics.filter((d) => d.severity === "error");
        if (errors.length > 0) io.stderr.write(formatReports([{ ...report, diagnostics: errors }], "pretty", stderrPaint));
        const warnings = report.diagnostics.length - errors.length;
        if (warnings > 0 && errors.length === 0 && write) {
          io.stderr.write(
            `${stderrPaint.warning("!")} ${file}: ${warnings} warning${warnings === 1 ? "" : "s"}; \`ctwg lint ${file}\` shows them\n`,
          );
        }
        if (hasErrors(report.diagnostics)) {
          io.stderr.write(
            `${stderrPaint.error("✖")} ${file}: not built, fix the errors above${options.watch ? "; the last good outputs stay" : ""}\n`,
          );
          return false;
        }
        if (!write) for (const artifact of report.artifacts) io.stdout.write(new TextDecoder().decode(artifact.bytes));
        for (const path of report.written) io.stdout.write(`${stdoutPaint.bold("✓")} wrote ${shownPath(path, place)}\n`);
        for (const path of report.unchanged) io.stdout.write(`${stdoutPaint.dim("=")} unchanged ${shownPath(path, place)}\n`);
        return true;
      };

      let failed = false;
      if (!signal) {
        await buildFiles(files, buildOptions(false), (report) => (failed = !show(report) || failed));
        return setExit(failed ? EXIT.problems : EXIT.ok);
      }
      const session = await startBuildSession(buildOptions(true));
      const buildOne = async (file: string): Promise<void> => void show(await session.build(file, settings));
      for (const file of files) await buildOne(file);
      const shared = settingsFiles(place);
      io.stdout.write(`${stdoutPaint.dim(`watching ${files.join(", ")}; Ctrl-C stops`)}\n`);
      await watchFiles(
        [...files, ...shared],
        place.cwd,
        async (changed) => {
          // A changed glossary or configuration is read again and every plan rebuilt with it.
          const settingsChanged = changed.some((file) => shared.includes(file));
          if (settingsChanged) {
            const next = await settingsFor(io, place, program.opts().color);
            if (!next) return;
            settings = next;
          }
          for (const file of settingsChanged ? files : changed) {
            io.stdout.write(`${stdoutPaint.dim(`${file} changed`)}\n`);
            await buildOne(file);
          }
        },
        signal,
        (error) => io.stderr.write(`ctwg: the rebuild failed: ${String(error)}\n`),
      );
      await session.end();
      return setExit(EXIT.ok);
    });
}

function parseFormats(list: string): FormatId[] {
  const formats = list
    .split(",")
    .map((f) => f.trim())
    .filter(Boolean);
  const unknown = formats.filter((f) => !(FORMAT_IDS as readonly string[]).includes(f));
  if (unknown.length > 0 || formats.length === 0) {
    throw new UsageError(`unknown format "${unknown.join(",") || list}"; expected a comma-separated list of ${FORMAT_IDS.join(", ")}`);
  }
  return [...new Set(formats)] as FormatId[];
}
