import type { Command } from "commander";
import { access } from "node:fs/promises";
import { join, resolve } from "node:path";
import { hasErrors } from "../../diagnostics/diagnostic.js";
import { writeFileAtomic } from "../../emit/write-artifacts.js";
import { check, compileWorkplan } from "../../index.js";
import { applyEdits } from "../../lint/fix.js";
import { lintWorkplan } from "../../lint/lint-workplan.js";
import { WORKPLANS_DIR, resolveInput } from "../../load/resolve-inputs.js";
import { nextYearPlan } from "../../new/next-year.js";
import { parseWorkplan } from "../../parse/parse-workplan.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { paintFor, type Io } from "../io.js";
import { formatReports } from "../report.js";
import { settingsFor } from "../settings.js";
import { UsageError } from "../usage-error.js";

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
    .argument("<year>", "the year of the new plan")
    .option("--from <year-or-file>", "the plan to start from (default: the year before)")
    .option("--force", "replace the file if it exists")
    .option("-o, --output <file>", "where to write (default: workplans/<year>.yaml)")
    .addHelpText("after", "\nExample:\n  ctwg new 2018 --from 2017     writes workplans/2018.yaml, a draft; `ctwg lint 2018` lists what is left to fill in")
    .action(async (yearArg: string, options: NewOptions) => {
      if (!/^\d{4}$/.test(yearArg)) throw new UsageError(`the year is four digits, not "${yearArg}"`);
      const year = Number(yearArg);
      const from = resolveInput(options.from ?? String(year - 1)).file;
      const target = options.output ?? join(WORKPLANS_DIR, `${year}.yaml`);
      const settings = await settingsFor(io, program.opts().color);
      if (!settings) return setExit(EXIT.failure);

      const report = await check(from, { cwd: io.cwd });
      if (!report.workplan || !report.source || hasErrors(report.diagnostics)) {
        io.stderr.write(formatReports([report], "pretty", paintFor(io, "stderr", program.opts().color)));
        io.stderr.write(`ctwg: ${from} has errors; fix them before starting ${year} from it\n`);
        return setExit(EXIT.problems);
      }
      if (report.workplan.year + 1 !== year) {
        throw new UsageError(`${from} is the ${report.workplan.year} plan; ctwg new makes the plan for the year after it (${report.workplan.year + 1})`);
      }
      if (!options.force && (await access(resolve(io.cwd, target)).then(() => true, () => false))) {
        throw new UsageError(`${target} exists; ctwg new never replaces a plan unless you add --force`);
      }

      const draft = nextYearPlan(report.source, report.workplan);
      const text = withSafeFixes(draft.text, target, settings);
      const compiled = compileWorkplan(text, target);
      if (!compiled.workplan || hasErrors(compiled.diagnostics)) throw new Error(`the ${year} draft does not validate: ${compiled.diagnostics[0]?.message}`);
      await writeFileAtomic(resolve(io.cwd, target), text);

      const paint = paintFor(io, "stdout", program.opts().color);
      const lines = [`${paint.bold("✓")} wrote ${target}, a draft for ${year} from ${from}`];
      if (draft.leftOut.length) {
        lines.push("", `Left out, as done in ${report.workplan.year} (add back what continues):`);
        for (const item of draft.leftOut) lines.push(`  ${item.number} ${item.text} ${paint.dim(`(${item.reason})`)}`);
      }
      lines.push("", `Next: ctwg lint ${year} lists what is left to fill in.`);
      io.stdout.write(`${lines.join("\n")}\n`);
      setExit(EXIT.ok);
    });
}

/**
 * The draft with the safe, mechanical lint fixes applied (spelling of economies and acronyms,
 * spaces, tbc in text), so next year does not inherit this year's slips.
 */
function withSafeFixes(text: string, file: string, settings: Awaited<ReturnType<typeof settingsFor>> & object): string {
  const parsed = parseWorkplan(text, file);
  const compiled = compileWorkplan(text, file);
  if (!parsed.value || !compiled.workplan) return text;
  const { fixes } = lintWorkplan({ source: parsed.value, workplan: compiled.workplan, previous: undefined, glossary: settings.glossary, config: settings.config, withFixes: true });
  return applyEdits(text, fixes.flat()).text;
}
