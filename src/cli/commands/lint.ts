import type { Command } from "commander";
import { hasErrors } from "../../diagnostics/diagnostic.js";
import { FORMATTERS } from "../../diagnostics/formatters/index.js";
import { check } from "../../index.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { inputFiles } from "../inputs.js";
import { paintFor, type Io } from "../io.js";
import { formatReports, summarize } from "../report.js";
import { UsageError } from "../usage-error.js";

interface LintOptions {
  format: string;
}

/** `ctwg lint [inputs...]`: check workplans and print what is wrong, where, and how to fix it. */
export function registerLint(program: Command, io: Io, setExit: (code: ExitCode) => void): void {
  program
    .command("lint")
    .description("check workplans: YAML syntax, duplicate keys and the file format, with exact positions")
    .argument("[inputs...]", "years (2017) or paths to workplan files; default: every workplans/YEAR.yaml")
    .option("-f, --format <format>", `output format: ${Object.keys(FORMATTERS).join(", ")}`, "pretty")
    .addHelpText("after", "\nExamples:\n  ctwg lint                  check every workplan in workplans/\n  ctwg lint 2017 --format json")
    .action(async (args: string[], options: LintOptions) => {
      if (!FORMATTERS[options.format]) {
        throw new UsageError(`unknown format "${options.format}"; expected one of ${Object.keys(FORMATTERS).join(", ")}`);
      }
      const files = await inputFiles(args, io.cwd);
      const reports = await Promise.all(files.map((file) => check(file, { cwd: io.cwd })));
      const paint = paintFor(io, "stdout", program.opts().color);
      io.stdout.write(formatReports(reports, options.format, paint));
      if (options.format === "pretty") io.stdout.write(summarize(reports, paint));
      setExit(reports.some((r) => hasErrors(r.diagnostics)) ? EXIT.problems : EXIT.ok);
    });
}
