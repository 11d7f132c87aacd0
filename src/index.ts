/**
 * The programmatic API, and the one door to the pipeline: every use case is one function here that
 * returns a report (data, diagnostics, what was written). The CLI is a thin layer over it.
 */
export { check, compileWorkplan, isValid, type Compiled, type FileReport } from "./api/check.js";
export { lint, type LintOptions, type LintReport } from "./api/lint.js";
export { lintFiles, PARALLEL_FROM, type LintFilesOptions } from "./api/lint-files.js";
export { fix, type FixReport } from "./api/fix.js";
export { build, type BuildOptions, type BuildReport } from "./api/build.js";
export { buildFiles, type BuildFilesOptions } from "./api/build-files.js";
export { startBuildSession, type BuildSession } from "./api/build-session.js";
export { diff, formatDiff, type DiffOptions, type DiffReport } from "./api/diff.js";
export { nextYear, type NextYearOptions, type NextYearReport } from "./api/next-year.js";
export { calendar, type CalendarOptions, type CalendarReport } from "./api/calendar.js";
export { importDocx, type ImportOptions, type ImportReport } from "./api/import.js";
export { initProject, type InitOptions, type InitReport } from "./api/init.js";
export { workplanFiles, resolveInput, WORKPLANS_DIR, type WorkplanFiles } from "./api/inputs.js";
export { loadSettings, LINT_RULES, settingsFiles, type LintSettings } from "./api/settings.js";
export { findProjectRoot, type Place, type ProjectRoot, type RootMarker } from "./api/project.js";
export { workplanSchema } from "./api/schema.js";
export { writeReport } from "./api/write-report.js";
export { overwrittenInput, stdoutOverwrites, type Overwrite } from "./api/overwritten-input.js";
export { addOutputClashes } from "./api/claim-outputs.js";

export { FORMAT_IDS, type FormatId } from "./render/format.js";
export { DIFF_FORMAT_IDS, type DiffFormatId, type DiffFormatOptions } from "./diff/formats/index.js";
export type { Diagnostic, Severity, Span, Pos } from "./diagnostics/diagnostic.js";
export type { RuleMeta } from "./diagnostics/rule-meta.js";
export type { Workplan } from "./model/schema.js";
export type { Artifact } from "./model/artifact.js";
export type { WorkplanDiff, Change } from "./diff/change.js";
export type { CalendarEvent } from "./calendar/plan-calendar.js";
export type { LeftOut } from "./new/next-year.js";
