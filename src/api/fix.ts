import { resolve } from "node:path";
import { hasErrors } from "../diagnostics/diagnostic.js";
import { rewriteFile } from "../emit/write-artifacts.js";
import { applyEdits } from "../lint/fix.js";
import { compileWorkplan } from "./check.js";
import { lint, type LintOptions, type LintReport } from "./lint.js";

/** What fixing one file did, and what linting it finds afterwards. */
export interface FixReport extends LintReport {
  /** "fixed": written with the fixes; "nothing": no fixable finding; "refused": the result would not be a valid workplan (a bug), so nothing was written. */
  outcome: "fixed" | "nothing" | "refused";
  /** The findings fixed, and the text edits that fixed them. */
  fixed: number;
  edits: number;
}

/**
 * Applies the fixable findings' repairs to a file, writes it atomically when the result still
 * compiles, and lints it again so the report shows what is left. A fix that would break the file
 * is not written. The file is edited, not replaced: a symlinked plan's target is fixed and the link
 * stays, and the file keeps its mode and owner.
 */
export async function fix(file: string, options: Omit<LintOptions, "withFixes"> = {}): Promise<FixReport> {
  const cwd = options.cwd ?? process.cwd();
  const report = await lint(file, { ...options, withFixes: true });
  if (report.fixes.length === 0 || report.text === undefined) return { ...report, outcome: "nothing", fixed: 0, edits: 0 };
  const { text, applied } = applyEdits(report.text, report.fixes.flat());
  const compiled = compileWorkplan(text, report.file, options.settings);
  if (!compiled.workplan || hasErrors(compiled.diagnostics)) return { ...report, outcome: "refused", fixed: 0, edits: 0 };
  await rewriteFile(resolve(cwd, report.file), text, { cwd });
  const after = await lint(report.file, { ...options, withFixes: false });
  return { ...after, outcome: "fixed", fixed: report.fixes.length, edits: applied };
}
