import type { Command } from "commander";
import { isAbsolute } from "node:path";
import { NO_PAINT } from "../../diagnostics/formatters/formatter.js";
import { diff, DIFF_FORMAT_IDS, formatDiff, writeReport, type DiffFormatId } from "../../index.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { paintFor, type Io } from "../io.js";
import { placeFor } from "../project.js";
import { formatReports } from "../report.js";
import { settingsFor } from "../settings.js";
import { sourceDateEpoch } from "../shared-options.js";
import { UsageError } from "../usage-error.js";
import { overwriteError, refuseStdoutOntoInput } from "./refusals.js";

interface DiffOptions {
  base?: string;
  format?: string;
  threshold: string;
  exitCode?: boolean;
  output?: string;
  author?: string;
}

/** `ctwg diff A [B]`: what changed between two workplans, as a document, not as lines of YAML. */
export function registerDiff(program: Command, io: Io, setExit: (code: ExitCode) => void): void {
  program
    .command("diff")
    .description("show what changed between two workplans: two years, two files, or two git revisions")
    .argument("<before>", "a year (2016), a file, or REVISION:YEAR / REVISION:PATH (main:2017)")
    .argument("[after]", "the same forms; with --base, leave it out")
    // Git's external-diff driver passes five more arguments (see the README); they are read from
    // the command's arguments rather than declared, so the usage line shows only what people type.
    .allowExcessArguments()
    .option("--base <revision>", "compare BEFORE as it is in this git revision with BEFORE as it is now")
    .option("-f, --format <format>", `${DIFF_FORMAT_IDS.join(", ")} (default: text)`)
    .option("--threshold <0-1>", "how alike two items without a common id must be to count as one item changed", "0.5")
    .option("--exit-code", "exit 1 when the two differ, 0 when they are the same (like git diff --exit-code)")
    .option("-o, --output <file>", "write the diff to a file instead of standard output")
    .option("--author <name>", "who the tracked changes of --format docx are by", "ctwg")
    .addHelpText(
      "after",
      '\nExamples:\n  ctwg diff 2016 2017                   what is new, dropped, carried over and reworded\n  ctwg diff 2017 --base main            what this branch changes in the 2017 plan\n  ctwg diff main:2017 2017 --format md  a pull-request comment\n  ctwg diff 2016 2017 --format html -o redline.html\n  ctwg diff 2016 2017 --format docx -o redline.docx --author "CTWG Chair"',
    )
    .action(async (beforeSpec: string, afterSpec: string | undefined, options: DiffOptions, command: Command) => {
      const git = command.args.slice(2);
      const format = options.format ?? "text";
      if (!isDiffFormat(format)) throw new UsageError(`unknown format "${format}"; expected one of ${DIFF_FORMAT_IDS.join(", ")}`);
      const threshold = Number(options.threshold);
      if (!(threshold >= 0 && threshold <= 1)) throw new UsageError(`--threshold takes a number from 0 to 1, not "${options.threshold}"`);
      const [before, after, gitPath] = sidesOf(beforeSpec, afterSpec, git, options.base);
      // A Word file is bytes: on a terminal they would print as noise.
      if (format === "docx" && options.output === undefined && io.stdout.isTTY) {
        throw new UsageError("a Word redline is a file: give it a name with --output redline.docx, or redirect standard output to a file");
      }
      if (options.author !== undefined && !options.author.trim())
        throw new UsageError("--author takes a name, as Word shows it beside each change");
      const place = placeFor(io, program.opts().root);
      await refuseStdoutOntoInput(io, place, [before, after]);
      // Git names a side /dev/null when the workplan is new or deleted: there is nothing to compare.
      if (gitPath !== undefined && (before === "/dev/null" || after === "/dev/null")) {
        const added = before === "/dev/null";
        io.stdout.write(
          `--- ${added ? "/dev/null" : `a/${gitPath}`}\n+++ ${added ? `b/${gitPath}` : "/dev/null"}\n\n${added ? "A new workplan." : "The workplan was deleted."}\n`,
        );
        return setExit(options.exitCode ? EXIT.problems : EXIT.ok);
      }

      // Under git, the sides are temporary files; name them after the path in the repository.
      const labels = gitPath === undefined ? {} : { labels: [`a/${gitPath}`, `b/${gitPath}`] as const };
      const settings = await settingsFor(io, place, program.opts().color);
      if (!settings) return setExit(EXIT.failure);
      const report = await diff(before, after, { cwd: place.cwd, root: place.root, threshold, settings, ...labels });
      if (!report.diff) {
        const errors = report.sides.map((side) => ({ ...side, diagnostics: side.diagnostics.filter((d) => d.severity === "error") }));
        io.stderr.write(formatReports(errors, "pretty", paintFor(io, "stderr", program.opts().color)));
        io.stderr.write("ctwg: cannot compare: fix the errors above first\n");
        return setExit(EXIT.failure);
      }

      const output = options.output;
      const paint = format === "text" ? paintFor(io, "stdout", program.opts().color && output === undefined) : NO_PAINT;
      const timestamp = sourceDateEpoch(io.env.SOURCE_DATE_EPOCH);
      const text = await formatDiff(report.diff, format, {
        paint,
        colour: paint !== NO_PAINT,
        author: options.author ?? "ctwg",
        ...(timestamp && { timestamp }),
      });
      if (output !== undefined) {
        const { refused } = await writeReport(output, text, { cwd: place.cwd, root: place.root, inputs: [before, after] });
        if (refused)
          throw overwriteError(
            `--output ${options.output}`,
            refused,
            "write the diff to another file (--output changes.html), or leave --output out to print it",
          );
      } else io.stdout.write(text);
      setExit(options.exitCode && report.diff.changes.length > 0 ? EXIT.problems : EXIT.ok);
    });
}

/**
 * The two sides from the arguments. Git runs an external diff driver with seven arguments (path,
 * old file, old hash, old mode, new file, new hash, new mode): then the old and new files are
 * compared. Otherwise BEFORE and AFTER, or BEFORE at --base and BEFORE now; a path at --base is
 * git's `./` form, from where the user stands, as the path is.
 */
function sidesOf(before: string, after: string | undefined, rest: readonly string[], base: string | undefined): [string, string, string?] {
  const revision = rest[2];
  if (after !== undefined && rest.length === 5 && revision !== undefined) return [after, revision, before];
  if (rest.length > 0) throw new UsageError("diff takes two workplans (or one with --base)");
  if (base !== undefined) {
    if (after !== undefined) throw new UsageError("with --base, give one workplan: ctwg diff 2017 --base main");
    const local = /^\d{4}(?:-\d{4})?$/.test(before) || isAbsolute(before) ? before : `./${before.replace(/^\.\//, "")}`;
    return [`${base}:${local}`, before];
  }
  if (after === undefined)
    throw new UsageError("diff takes two workplans, e.g. ctwg diff 2016 2017, or one with --base: ctwg diff 2017 --base main");
  return [before, after];
}

const isDiffFormat = (format: string): format is DiffFormatId => (DIFF_FORMAT_IDS as readonly string[]).includes(format);
