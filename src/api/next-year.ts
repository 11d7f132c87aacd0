import { access } from "node:fs/promises";
import { join, resolve } from "node:path";
import { hasErrors } from "../diagnostics/diagnostic.js";
import { writeFileAtomic } from "../emit/write-artifacts.js";
import { DEFAULT_CONFIG } from "../lint/config.js";
import type { LintSettings } from "../load/lint-settings.js";
import { resolveInput, WORKPLANS_DIR } from "../load/resolve-inputs.js";
import { EMPTY_GLOSSARY } from "../model/glossary.js";
import type { LeftOut } from "../new/next-year.js";
import { check, compileWorkplan, isValid, type FileReport } from "./check.js";

export interface NextYearOptions {
  cwd?: string;
  /** The plan to start from: a year or a file (default: the year before). */
  from?: string;
  /** Where to write (default: `workplans/<year>.yaml`). */
  output?: string;
  /** Replace the file if it exists. */
  force?: boolean;
  /** The glossary and configuration whose safe fixes the draft gets. */
  settings?: Pick<LintSettings, "config" | "glossary">;
}

/**
 * What starting next year's plan did. `refused` says why nothing was written: the plan started
 * from has errors, is not the year before, or the target exists and `force` was not given.
 */
export interface NextYearReport {
  year: number;
  /** The check of the plan started from. */
  from: FileReport;
  target: string;
  refused?: "source-has-errors" | "not-the-year-before" | "target-exists";
  /** The draft's text, when it was made. */
  text?: string;
  /** The deliverables not carried over, for the author to decide about. */
  leftOut: LeftOut[];
  written: boolean;
}

/**
 * Next year's draft from this year's plan, written to `workplans/<year>.yaml`: comments kept, the
 * year moved on, one-off items left out, and the safe lint fixes applied so next year does not
 * inherit this year's slips. Never replaces a file unless `force` is given.
 */
export async function nextYear(year: number, options: NextYearOptions = {}): Promise<NextYearReport> {
  const cwd = options.cwd ?? process.cwd();
  const fromFile = resolveInput(options.from ?? String(year - 1)).file;
  const target = options.output ?? join(WORKPLANS_DIR, `${year}.yaml`);
  const from = await check(fromFile, { cwd });
  const report: NextYearReport = { year, from, target, leftOut: [], written: false };
  if (!isValid(from)) return { ...report, refused: "source-has-errors" };
  if (from.workplan.year + 1 !== year) return { ...report, refused: "not-the-year-before" };
  if (!options.force && (await access(resolve(cwd, target)).then(() => true, () => false))) return { ...report, refused: "target-exists" };

  const [{ nextYearPlan }, { lintWorkplan }, { applyEdits }] = await Promise.all([
    import("../new/next-year.js"),
    import("../lint/lint-workplan.js"),
    import("../lint/fix.js"),
  ]);
  const draft = nextYearPlan(from.source, from.workplan);
  const unfixed = compileWorkplan(draft.text, target);
  let text = draft.text;
  if (unfixed.workplan && unfixed.source) {
    const { fixes } = lintWorkplan({
      source: unfixed.source,
      workplan: unfixed.workplan,
      previous: undefined,
      glossary: options.settings?.glossary ?? EMPTY_GLOSSARY,
      config: options.settings?.config ?? DEFAULT_CONFIG,
      withFixes: true,
    });
    text = applyEdits(draft.text, fixes.flat()).text;
  }
  const compiled = compileWorkplan(text, target);
  // The draft is made from a valid plan; one that does not validate is a bug, not the user's mistake.
  if (!compiled.workplan || hasErrors(compiled.diagnostics)) throw new Error(`the ${year} draft does not validate: ${compiled.diagnostics[0]?.message}`);
  await writeFileAtomic(resolve(cwd, target), text);
  return { ...report, text, leftOut: draft.leftOut, written: true };
}
