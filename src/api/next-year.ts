import { access } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { hasErrors } from "../diagnostics/diagnostic.js";
import { writeFileAtomic } from "../emit/write-artifacts.js";
import { DEFAULT_CONFIG } from "../lint/config.js";
import type { LintSettings } from "../load/lint-settings.js";
import { inProject, placeOf } from "../load/project.js";
import { resolveInput, WORKPLANS_DIR } from "../load/resolve-inputs.js";
import { EMPTY_GLOSSARY } from "../model/glossary.js";
import type { LeftOut } from "../new/next-year.js";
import { check, compileWorkplan, isValid, type FileReport } from "./check.js";
import { overwrittenInput, type Overwrite } from "./overwritten-input.js";

export interface NextYearOptions {
  cwd?: string;
  /** The project's root, where years, the workplans folder and the default output folder are (default: cwd). */
  root?: string;
  /** The plan to start from: a year, a period or a file (default: the year, or the span of years, before). */
  from?: string;
  /** Where to write, from cwd (default: the project's `workplans/<year>.yaml`, `workplans/<period>.yaml`). */
  output?: string;
  /** Replace the file if it exists. */
  force?: boolean;
  /** The glossary and configuration whose safe fixes the draft gets. */
  settings?: Pick<LintSettings, "config" | "glossary">;
}

/**
 * What starting next year's plan did. `refused` says why nothing was written: the target is a file
 * ctwg reads or keeps (the plan started from, another year's plan, the glossary, the configuration:
 * never replaced, even with `force`), the plan started from has errors or is not the year before,
 * or the target exists and `force` was not given.
 */
export interface NextYearReport {
  /** The new plan's year, or period: "2018", "2023-2027". */
  period: string;
  /** The check of the plan started from. */
  from: FileReport;
  target: string;
  refused?: "target-is-an-input" | "source-has-errors" | "not-the-period-before" | "target-exists";
  /** The input the target is, when refused for that. */
  overwrite?: Overwrite;
  /** The draft's text, when it was made. */
  text?: string;
  /** The deliverables not carried over, for the author to decide about. */
  leftOut: LeftOut[];
  written: boolean;
}

/**
 * Next year's draft from this year's plan (or the next span's from this span's: 2018-2022 gives
 * 2023-2027), written to `workplans/<period>.yaml`: comments kept, the period moved on, one-off items
 * left out, and the safe lint fixes applied so the new plan does not inherit this one's slips. Never
 * replaces a file unless `force` is given, and never one ctwg reads or keeps.
 */
export async function nextYear(period: string, options: NextYearOptions = {}): Promise<NextYearReport> {
  const cwd = options.cwd ?? process.cwd();
  const place = placeOf({ cwd, root: options.root });
  const fromFile = resolveInput(options.from ?? periodBefore(period), place).file;
  const target = options.output ?? inProject(place, WORKPLANS_DIR, `${period}.yaml`);
  const from = await check(fromFile, { cwd, ...(options.settings ? { settings: options.settings } : {}) });
  const report: NextYearReport = { period, from, target, leftOut: [], written: false };
  // The plan of this period may be replaced (with force), unless it is the plan started from.
  const replaceable = [`${period}.yaml`, `${period}.yml`].includes(basename(target)) ? target : undefined;
  const overwrite = await overwrittenInput([target], [fromFile], { cwd, root: options.root, replaceable });
  if (overwrite) return { ...report, refused: "target-is-an-input", overwrite };
  if (!isValid(from)) return { ...report, refused: "source-has-errors" };
  const [{ nextPeriod }] = await Promise.all([import("../new/next-year.js")]);
  if (nextPeriod(from.workplan.period).label !== period) return { ...report, refused: "not-the-period-before" };
  if (
    !options.force &&
    (await access(resolve(cwd, target)).then(
      () => true,
      () => false,
    ))
  )
    return { ...report, refused: "target-exists" };

  const [{ nextYearPlan }, { lintWorkplan }, { applyEdits }] = await Promise.all([
    import("../new/next-year.js"),
    import("../lint/lint-workplan.js"),
    import("../lint/fix.js"),
  ]);
  const draft = nextYearPlan(from.source, from.workplan);
  const unfixed = compileWorkplan(draft.text, target, options.settings);
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
  const compiled = compileWorkplan(text, target, options.settings);
  // The draft is made from a valid plan; one that does not validate is a bug, not the user's mistake.
  if (!compiled.workplan || hasErrors(compiled.diagnostics))
    throw new Error(`the ${period} draft does not validate: ${compiled.diagnostics[0]?.message}`);
  await writeFileAtomic(resolve(cwd, target), text, { cwd });
  return { ...report, text, leftOut: draft.leftOut, written: true };
}

/** The year before a year, or the span of as many years before a span: "2017" for 2018, "2018-2022" for 2023-2027. */
function periodBefore(period: string): string {
  const [start, end] = period.split("-").map(Number) as [number, number?];
  const last = end ?? start;
  const length = last - start + 1;
  return length === 1 ? String(start - 1) : `${start - length}-${last - length}`;
}
