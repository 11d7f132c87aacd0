import type { Command } from "commander";
import { appendFile } from "node:fs/promises";
import { resolve } from "node:path";
import { sortDiagnostics, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { FORMATTERS } from "../../diagnostics/formatters/index.js";
import { writeFileAtomic } from "../../emit/write-artifacts.js";
import { compileWorkplan, lint, type FileReport, type LintReport } from "../../index.js";
import { applyEdits } from "../../lint/fix.js";
import { RULES } from "../../lint/rules/index.js";
import type { LintSettings } from "../../load/lint-settings.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { inputFiles } from "../inputs.js";
import { paintFor, type Io } from "../io.js";
import { formatReports, summarize } from "../report.js";
import { settingsFor } from "../settings.js";
import { UsageError } from "../usage-error.js";
import { VERSION } from "../version.js";

interface LintOptions {
  format?: string;
  output?: string;
  failOn: string;
  maxWarnings?: string;
  fix?: boolean;
  config?: string;
}

const RULE_LIST = RULES.map((rule) => `  ${rule.id.padEnd(22)} ${rule.severity.padEnd(8)} ${rule.description}`).join("\n");

/** `ctwg lint [inputs...]`: check workplans and print what is wrong, where, and how to fix it. */
export function registerLint(program: Command, io: Io, setExit: (code: ExitCode) => void): void {
  program
    .command("lint")
    .description("check workplans: YAML, the file format and the lint rules, with exact positions")
    .argument("[inputs...]", "years (2017), workplan files or folders; default: every workplans/YEAR.yaml")
    .option("-f, --format <format>", `${Object.keys(FORMATTERS).join(", ")} (default: pretty on a terminal, compact otherwise)`)
    .option("-o, --output <file>", "write the report to a file instead of standard output")
    .option("--fail-on <severity>", "exit 1 on findings of this severity or worse: error or warning", "error")
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
      if (options.failOn !== "error" && options.failOn !== "warning") throw new UsageError(`--fail-on takes error or warning, not "${options.failOn}"`);
      const maxWarnings = options.maxWarnings === undefined ? Infinity : Number(options.maxWarnings);
      if (!Number.isInteger(maxWarnings) && maxWarnings !== Infinity) throw new UsageError(`--max-warnings takes a whole number, not "${options.maxWarnings}"`);

      const settings = await settingsFor(io, program.opts().color, options.config);
      if (!settings) return setExit(EXIT.failure);

      const files = await inputFiles(args, io.cwd);
      // --fix needs each file's parsed YAML, so it lints in this thread; otherwise many files share the cores.
      let reports: FileReport[];
      if (options.fix) {
        const fixable: LintReport[] = [];
        for (const file of files) fixable.push(await lint(file, { cwd: io.cwd, settings, withFixes: true }));
        reports = await applyFixes(fixable, io, settings, program.opts().color);
      } else {
        const { lintFiles } = await import("../../lint/lint-files.js");
        reports = await lintFiles(files, { cwd: io.cwd, settings, ...(options.config ? { configFile: options.config } : {}) });
      }

      const paint = options.output ? paintFor(io, "stdout", false) : paintFor(io, "stdout", program.opts().color);
      const rules = RULES.map(({ id, severity, description, help }) => ({ id, severity, description, help }));
      let text = formatReports(reports, format, paint, { rules, toolVersion: VERSION });
      if (format === "pretty") text += summarize(reports, paint);
      if (options.output) await writeFileAtomic(resolve(io.cwd, options.output), text);
      else io.stdout.write(text);

      const all = reports.flatMap((r) => r.diagnostics);
      if (format === "github" && io.env.GITHUB_STEP_SUMMARY) {
        const { githubStepSummary } = await import("../../diagnostics/formatters/github.js");
        await appendFile(io.env.GITHUB_STEP_SUMMARY, githubStepSummary(sortDiagnostics(all)));
      }
      setExit(exitCode(all, options.failOn, maxWarnings));
    });
}

function exitCode(diagnostics: readonly Diagnostic[], failOn: string, maxWarnings: number): ExitCode {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.filter((d) => d.severity === "warning").length;
  if (errors > 0 || (failOn === "warning" && warnings > 0) || warnings > maxWarnings) return EXIT.problems;
  return EXIT.ok;
}

/**
 * Applies each file's fixes, writes the file atomically when the result still compiles, and lints it
 * again so the report shows what is left. A fix that would break the file is not written.
 */
async function applyFixes(
  reports: LintReport[],
  io: Io,
  settings: LintSettings,
  color: boolean,
): Promise<LintReport[]> {
  const paint = paintFor(io, "stderr", color);
  return Promise.all(
    reports.map(async (report) => {
      if (report.fixes.length === 0 || report.text === undefined) return report;
      const { text, applied } = applyEdits(report.text, report.fixes.flat());
      const compiled = compileWorkplan(text, report.file);
      if (!compiled.workplan || compiled.diagnostics.some((d) => d.severity === "error")) {
        io.stderr.write(`${paint.warning("!")} ${report.file}: fixes not applied, the result would not be a valid workplan (this is a bug)\n`);
        return report;
      }
      await writeFileAtomic(resolve(io.cwd, report.file), text);
      const fixed = report.fixes.length;
      io.stderr.write(`${paint.bold("✓")} ${report.file}: fixed ${fixed} problem${fixed === 1 ? "" : "s"} (${applied} edit${applied === 1 ? "" : "s"})\n`);
      return lint(report.file, { cwd: io.cwd, settings });
    }),
  );
}
