import type { Command } from "commander";
import { nextYear } from "../../index.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { paintFor, type Io } from "../io.js";
import { placeFor } from "../project.js";
import { formatReports } from "../report.js";
import { settingsFor } from "../settings.js";
import { UsageError } from "../usage-error.js";
import { overwriteError, refuseStdoutOntoInput } from "./refusals.js";

interface NewOptions {
  from?: string;
  force?: boolean;
  output?: string;
}

/** `ctwg new 2018 --from 2017`: next year's draft, started from this year's plan. */
export function registerNew(program: Command, io: Io, setExit: (code: ExitCode) => void): void {
  program
    .command("new")
    .description("start next year's plan from this year's: the year moves on, meetings continue, one-off items are left out")
    .argument("<year>", "the year of the new plan, or its period (2023-2027)")
    .option("--from <year-or-file>", "the plan to start from (default: the year, or the span of years, before)")
    .option("--force", "replace the file if it exists")
    .option("-o, --output <file>", "where to write (default: workplans/<year>.yaml in the project's root)")
    .addHelpText(
      "after",
      "\nExample:\n  ctwg new 2018 --from 2017     writes workplans/2018.yaml, a draft; `ctwg lint 2018` lists what is left to fill in",
    )
    .action(async (yearArg: string, options: NewOptions) => {
      if (!/^\d{4}(?:-\d{4})?$/.test(yearArg)) throw new UsageError(`the year is four digits (or a period, 2023-2027), not "${yearArg}"`);
      const year = yearArg;
      const place = placeFor(io, program.opts().root);
      await refuseStdoutOntoInput(io, place, options.from !== undefined ? [options.from] : []);
      const settings = await settingsFor(io, place, program.opts().color);
      if (!settings) return setExit(EXIT.failure);

      const report = await nextYear(year, {
        cwd: place.cwd,
        root: place.root,
        settings,
        ...(options.from !== undefined ? { from: options.from } : {}),
        ...(options.output !== undefined ? { output: options.output } : {}),
        ...(options.force ? { force: true } : {}),
      });
      const from = report.from.file;
      if (report.refused === "target-is-an-input" && report.overwrite) {
        const flag = options.output !== undefined ? `--output ${options.output}` : `ctwg new ${year}`;
        throw overwriteError(
          flag,
          report.overwrite,
          "write the new plan to a file of its own with --output; --force never replaces a plan ctwg reads, another year's plan, the glossary or the configuration",
        );
      }
      if (report.refused === "source-has-errors") {
        io.stderr.write(formatReports([report.from], "pretty", paintFor(io, "stderr", program.opts().color)));
        io.stderr.write(`ctwg: ${from} has errors; fix them before starting ${year} from it\n`);
        return setExit(EXIT.problems);
      }
      const fromPlan = report.from.workplan;
      if (!fromPlan) throw new Error(`${from} has no errors and yet no plan`);
      const fromPeriod = fromPlan.period;
      if (report.refused === "not-the-period-before") {
        const span = fromPeriod.start !== fromPeriod.end;
        const next = span ? `${fromPeriod.end + 1}-${2 * fromPeriod.end - fromPeriod.start + 1}` : String(fromPeriod.start + 1);
        throw new UsageError(
          `${from} is the ${fromPeriod.label} plan; ctwg new makes the plan for the ${span ? "period" : "year"} after it (${next})`,
        );
      }
      if (report.refused === "target-exists")
        throw new UsageError(`${report.target} exists; ctwg new never replaces a plan unless you add --force`);

      const paint = paintFor(io, "stdout", program.opts().color);
      const lines = [`${paint.bold("✓")} wrote ${report.target}, a draft for ${year} from ${from}`];
      if (report.leftOut.length) {
        lines.push("", `Left out, as done in ${fromPeriod.label} (add back what continues):`);
        for (const item of report.leftOut) lines.push(`  ${item.number} ${item.text} ${paint.dim(`(${item.reason})`)}`);
      }
      lines.push("", `Next: ctwg lint ${year} lists what is left to fill in.`);
      io.stdout.write(`${lines.join("\n")}\n`);
      setExit(EXIT.ok);
    });
}
