import type { Command } from "commander";
import { appendFile } from "node:fs/promises";
import { sortDiagnostics, type Diagnostic, type Severity } from "../../diagnostics/diagnostic.js";
import { didYouMean } from "../../diagnostics/did-you-mean.js";
import { FORMATTERS } from "../../diagnostics/formatters/index.js";
import { addOutputClashes, fix, LINT_RULES, lintFiles, writeReport, type FileReport, type LintSettings } from "../../index.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { inputFiles } from "../inputs.js";
import { paintFor, type Io } from "../io.js";
import { placeFor, type CommandPlace } from "../project.js";
import { formatReports, summarize } from "../report.js";
import { settingsFor } from "../settings.js";
import { UsageError } from "../usage-error.js";
import { VERSION } from "../version.js";
import { overwriteError, refuseOutputOntoInput, refuseStdoutOntoInput } from "./refusals.js";

interface LintOptions {
  format?: string;
  output?: string;
  failOn: string;
  maxWarnings?: string;
  fix?: boolean;
  config?: string;
}

const REPORT_ELSEWHERE = "write the report to another file (--output lint-report.txt), or leave --output out to print it";

const RULE_LIST = LINT_RULES.map((rule) => `  ${rule.id.padEnd(22)} ${rule.severity.padEnd(8)} ${rule.description}`).join("\n");

/** `ctwg lint [inputs...]`: check workplans and print what is wrong, where, and how to fix it. */
export function registerLint(program: Command, io: Io, setExit: (code: ExitCode) => void): void {
  program
    .command("lint")
    .description("check workplans: YAML, the file format and the lint rules, with exact positions")
    .argument("[inputs...]", "years (2017), workplan files or folders; default: every workplans/YEAR.yaml")
    .option("-f, --format <format>", `${Object.keys(FORMATTERS).join(", ")} (default: pretty on a terminal, compact otherwise)`)
    .option("-o, --output <file>", "write the report to a file instead of standard output")
    .option("--fail-on <severity>", "exit 1 on findings of this severity or worse: error, warning or info", "error")
    .option("--max-warnings <n>", "exit 1 when there are more than n warnings")
    .option("--fix", "apply safe, mechanical fixes (spaces, economy names, tbc) and report what changed")
    .option("-c, --config <file>", "configuration file (default: ctwg.config.yaml when present)")
    .addHelpText(
      "after",
      `\nRules (id, default severity, what it checks):\n${RULE_LIST}\n\nSet a rule's severity or turn it off in ctwg.config.yaml:\n  lint:\n    rules:\n      stale-date: error\n      known-acronym: off\nSuppress one finding with a comment on the line above it:\n  # ctwg-disable-next-line stale-date\n\nExamples:\n  ctwg lint                              check every workplan in workplans/\n  ctwg lint 2017 --format json\n  ctwg lint --format github --fail-on warning   in a GitHub Actions step\n  ctwg lint 2017 --fix`,
    )
    .action(async (args: string[], options: LintOptions) => {
      const format = options.format ?? (io.stdout.isTTY ? "pretty" : "compact");
      if (!FORMATTERS[format]) throw new UsageError(`unknown format "${format}"; expected one of ${Object.keys(FORMATTERS).join(", ")}`);
      if (!isSeverity(options.failOn)) {
        // `warn` is ESLint's word: a prefix is a surer guess than two edits.
        const suggestion =
          SEVERITIES.find((s) => options.failOn.length > 0 && s.startsWith(options.failOn.toLowerCase())) ??
          didYouMean(options.failOn, SEVERITIES);
        throw new UsageError(
          `--fail-on takes error, warning or info, not "${options.failOn}"${suggestion ? `; did you mean ${suggestion}?` : ""}`,
        );
      }
      const maxWarnings = options.maxWarnings === undefined ? Infinity : Number(options.maxWarnings);
      if (!Number.isInteger(maxWarnings) && maxWarnings !== Infinity)
        throw new UsageError(`--max-warnings takes a whole number, not "${options.maxWarnings}"`);

      const place = placeFor(io, program.opts().root);
      const files = await inputFiles(args, place);
      const settings = await settingsFor(io, place, program.opts().color, { configFile: options.config, glossaryNote: true });
      if (!settings) return setExit(EXIT.failure);
      await refuseStdoutOntoInput(io, place, files, options.config);
      // Refused before --fix edits anything: a report over a plan is a mistake in the command.
      if (options.output)
        await refuseOutputOntoInput(place, `--output ${options.output}`, options.output, files, REPORT_ELSEWHERE, options.config);
      const reports = options.fix
        ? await fixFiles(files, io, place, settings, program.opts().color)
        : await lintFiles(files, { cwd: place.cwd, settings, ...(options.config ? { configFile: options.config } : {}) });

      const paint = options.output ? paintFor(io, "stdout", false) : paintFor(io, "stdout", program.opts().color);
      let text = formatReports(reports, format, paint, { rules: LINT_RULES, toolVersion: VERSION });
      if (format === "pretty") text += summarize(reports, paint);
      if (options.output) {
        const { refused } = await writeReport(options.output, text, {
          cwd: place.cwd,
          root: place.root,
          inputs: files,
          configFile: options.config,
        });
        if (refused) throw overwriteError(`--output ${options.output}`, refused, REPORT_ELSEWHERE);
      } else io.stdout.write(text);

      const all = reports.flatMap((r) => r.diagnostics);
      if (format === "github" && io.env.GITHUB_STEP_SUMMARY) {
        const { githubStepSummary } = await import("../../diagnostics/formatters/github.js");
        await appendFile(io.env.GITHUB_STEP_SUMMARY, githubStepSummary(sortDiagnostics(all)));
      }
      setExit(exitCode(all, options.failOn, maxWarnings));
    });
}

/** The severities from worst to mildest; --fail-on names the mildest that fails. */
const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];
const isSeverity = (value: string): value is Severity => (SEVERITIES as readonly string[]).includes(value);

function exitCode(diagnostics: readonly Diagnostic[], failOn: Severity, maxWarnings: number): ExitCode {
  const failing = SEVERITIES.slice(0, SEVERITIES.indexOf(failOn) + 1);
  const warnings = diagnostics.filter((d) => d.severity === "warning").length;
  if (diagnostics.some((d) => failing.includes(d.severity)) || warnings > maxWarnings) return EXIT.problems;
  return EXIT.ok;
}

/** Fixes each file in turn, saying on stderr what was fixed; the reports say what is left, across the files too. */
async function fixFiles(
  files: readonly string[],
  io: Io,
  place: CommandPlace,
  settings: LintSettings,
  color: boolean,
): Promise<FileReport[]> {
  const paint = paintFor(io, "stderr", color);
  const reports: FileReport[] = [];
  for (const file of files) {
    const report = await fix(file, { cwd: place.cwd, settings });
    if (report.outcome === "refused") {
      io.stderr.write(
        `${paint.warning("!")} ${report.file}: fixes not applied, the result would not be a valid workplan (this is a bug)\n`,
      );
    } else if (report.outcome === "fixed") {
      const { fixed, edits } = report;
      io.stderr.write(
        `${paint.bold("✓")} ${report.file}: fixed ${fixed} problem${fixed === 1 ? "" : "s"} (${edits} edit${edits === 1 ? "" : "s"})\n`,
      );
    }
    reports.push(report);
  }
  addOutputClashes(reports, settings.config);
  return reports;
}
