import type { Command } from "commander";
import { resolve } from "node:path";
import { writeFileAtomic } from "../../emit/write-artifacts.js";
import { compileWorkplan } from "../../index.js";
import type { Workplan } from "../../model/schema.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { paintFor, type Io } from "../io.js";
import { formatReports } from "../report.js";
import { UsageError } from "../usage-error.js";

interface DiffOptions {
  base?: string;
  format?: string;
  threshold: string;
  exitCode?: boolean;
  output?: string;
}

const FORMATS = ["text", "md", "html", "json"] as const;

/** `ctwg diff A [B]`: what changed between two workplans, as a document, not as lines of YAML. */
export function registerDiff(program: Command, io: Io, setExit: (code: ExitCode) => void): void {
  program
    .command("diff")
    .description("show what changed between two workplans: two years, two files, or two git revisions")
    .argument("<before>", "a year (2016), a file, or REVISION:YEAR / REVISION:PATH (main:2017)")
    .argument("[after]", "the same forms; with --base, leave it out")
    .argument("[git...]", "(the rest of git's external-diff arguments; see the README)")
    .option("--base <revision>", "compare BEFORE as it is in this git revision with BEFORE as it is now")
    .option("-f, --format <format>", `${FORMATS.join(", ")} (default: text)`)
    .option("--threshold <0-1>", "how alike two items without a common id must be to count as one item changed", "0.5")
    .option("--exit-code", "exit 1 when the two differ, 0 when they are the same (like git diff --exit-code)")
    .option("-o, --output <file>", "write the diff to a file instead of standard output")
    .addHelpText(
      "after",
      "\nExamples:\n  ctwg diff 2016 2017                   what is new, dropped, carried over and reworded\n  ctwg diff 2017 --base main            what this branch changes in the 2017 plan\n  ctwg diff main:2017 2017 --format md  a pull-request comment\n  ctwg diff 2016 2017 --format html -o redline.html",
    )
    .action(async (beforeSpec: string, afterSpec: string | undefined, git: string[], options: DiffOptions) => {
      const format = options.format ?? "text";
      if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format "${format}"; expected one of ${FORMATS.join(", ")}`);
      const threshold = Number(options.threshold);
      if (!(threshold >= 0 && threshold <= 1)) throw new UsageError(`--threshold takes a number from 0 to 1, not "${options.threshold}"`);
      const [before, after, gitPath] = sidesOf(beforeSpec, afterSpec, git, options.base);
      // Git names a side /dev/null when the workplan is new or deleted: there is nothing to compare.
      if (gitPath !== undefined && (before === "/dev/null" || after === "/dev/null")) {
        const added = before === "/dev/null";
        io.stdout.write(`--- ${added ? "/dev/null" : `a/${gitPath}`}\n+++ ${added ? `b/${gitPath}` : "/dev/null"}\n\n${added ? "A new workplan." : "The workplan was deleted."}\n`);
        return setExit(options.exitCode ? EXIT.problems : EXIT.ok);
      }

      const { readDiffSide } = await import("../../load/diff-side.js");
      const sides = await Promise.all([before, after].map((spec) => readDiffSide(spec, io.cwd)));
      // Under git, the sides are temporary files; name them after the path in the repository.
      const labelOf = (label: string, i: number) => (gitPath === undefined ? label : `${i === 0 ? "a" : "b"}/${gitPath}`);
      const compiled = sides.map((side, i) => {
        if (!side.value) return undefined;
        const label = labelOf(side.value.label, i);
        return { label, text: side.value.text, ...compileWorkplan(side.value.text, label) };
      });
      const failures = sides.flatMap((side, i) => [...side.diagnostics, ...(compiled[i]?.diagnostics.filter((d) => d.severity === "error") ?? [])]);
      if (failures.length > 0 || compiled.some((c) => !c?.workplan)) {
        const reports = compiled.map((c, i) => ({
          file: c?.label ?? [before, after][i]!,
          text: c?.text,
          workplan: undefined,
          diagnostics: [...sides[i]!.diagnostics, ...(c?.diagnostics.filter((d) => d.severity === "error") ?? [])],
        }));
        io.stderr.write(formatReports(reports, "pretty", paintFor(io, "stderr", program.opts().color)));
        io.stderr.write("ctwg: cannot compare: fix the errors above first\n");
        return setExit(EXIT.failure);
      }
      const [a, b] = compiled as { label: string; workplan: Workplan }[];
      const { diffWorkplans } = await import("../../diff/diff-workplans.js");
      const diff = diffWorkplans(a!.workplan, b!.workplan, { threshold, beforeLabel: a!.label, afterLabel: b!.label });

      const toFile = options.output !== undefined;
      let text: string;
      if (format === "json") text = (await import("../../diff/format-json.js")).formatDiffJson(diff);
      else if (format === "md") text = (await import("../../diff/format-markdown.js")).formatDiffMarkdown(diff);
      else if (format === "html") text = await (await import("../../diff/format-html.js")).formatDiffHtml(diff, a!.workplan, b!.workplan, threshold);
      else {
        const paint = paintFor(io, "stdout", program.opts().color && !toFile);
        const colour = paint !== paintFor(io, "stdout", false);
        text = (await import("../../diff/format-text.js")).formatDiffText(diff, { paint, colour });
      }
      if (toFile) await writeFileAtomic(resolve(io.cwd, options.output!), text);
      else io.stdout.write(text);
      setExit(options.exitCode && diff.changes.length > 0 ? EXIT.problems : EXIT.ok);
    });
}

/**
 * The two sides from the arguments. Git runs an external diff driver with seven arguments (path,
 * old file, old hash, old mode, new file, new hash, new mode): then the old and new files are
 * compared. Otherwise BEFORE and AFTER, or BEFORE at --base and BEFORE now.
 */
function sidesOf(before: string, after: string | undefined, rest: readonly string[], base: string | undefined): [string, string, string?] {
  if (after !== undefined && rest.length === 5) return [after, rest[2]!, before];
  if (rest.length > 0) throw new UsageError("diff takes two workplans (or one with --base)");
  if (base !== undefined) {
    if (after !== undefined) throw new UsageError("with --base, give one workplan: ctwg diff 2017 --base main");
    return [`${base}:${before}`, before];
  }
  if (after === undefined) throw new UsageError("diff takes two workplans, e.g. ctwg diff 2016 2017, or one with --base: ctwg diff 2017 --base main");
  return [before, after];
}
