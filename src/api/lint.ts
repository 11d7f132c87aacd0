import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { DEFAULT_CONFIG } from "../lint/config.js";
import type { TextEdit } from "../lint/rule.js";
import type { LintSettings } from "../load/lint-settings.js";
import { EMPTY_GLOSSARY } from "../model/glossary.js";
import { check, isValid, type FileReport } from "./check.js";
import { planOutput, type PlanOutput } from "./claim-outputs.js";

/** What linting one file found, and the edits that would fix its fixable findings. */
export interface LintReport extends FileReport {
  fixes: TextEdit[][];
  /** Where the plan's files go, when it is valid: for the checks across the plans of one run. */
  output?: PlanOutput;
}

export interface LintOptions {
  cwd?: string;
  /** From loadSettings(); defaults: every rule at its own severity, no glossary. */
  settings?: Pick<LintSettings, "config" | "glossary">;
  /** Work out the edits that fix fixable findings (`lint --fix`). */
  withFixes?: boolean;
}

/**
 * Checks a workplan file and runs the lint rules on it, with the previous year's plan (the file
 * `YEAR-1.yaml` beside it) when that exists and is valid.
 */
export async function lint(file: string, options: LintOptions = {}): Promise<LintReport> {
  const cwd = options.cwd ?? process.cwd();
  const settings = options.settings;
  const report = await check(file, { cwd, ...(settings ? { settings } : {}) });
  if (!isValid(report)) return { ...report, fixes: [] };
  const previousFile = join(dirname(file), `${report.workplan.year - 1}.yaml`);
  const previous = existsSync(resolve(cwd, previousFile))
    ? (await check(previousFile, { cwd, ...(settings ? { settings } : {}) })).workplan
    : undefined;
  // Why loaded here: checking a file (calendar, diff, next year) needs no rules.
  const { lintWorkplan } = await import("../lint/lint-workplan.js");
  const result = lintWorkplan({
    source: report.source,
    workplan: report.workplan,
    previous,
    glossary: options.settings?.glossary ?? EMPTY_GLOSSARY,
    config: options.settings?.config ?? DEFAULT_CONFIG,
    withFixes: options.withFixes ?? false,
  });
  return {
    ...report,
    diagnostics: [...report.diagnostics, ...result.diagnostics],
    fixes: result.fixes,
    output: planOutput(report.workplan, report.source),
  };
}
