import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { hasErrors, type Diagnostic } from "./diagnostics/diagnostic.js";
import { writeArtifacts, type Artifact } from "./emit/write-artifacts.js";
import type { LintSettings } from "./load/lint-settings.js";
import { readSource } from "./load/read-source.js";
import { DEFAULT_CONFIG } from "./lint/config.js";
import { EMPTY_GLOSSARY } from "./model/glossary.js";
import type { TextEdit } from "./lint/rule.js";
import { validateWorkplan } from "./model/validate-workplan.js";
import type { Workplan } from "./model/schema.js";
import { locateWithin } from "./parse/locate.js";
import { parseWorkplan, type SourceFile } from "./parse/parse-workplan.js";
import { FORMAT_IDS, type FormatId } from "./render/format.js";

export type { Diagnostic, Severity, Span, Pos } from "./diagnostics/diagnostic.js";
export type { Workplan } from "./model/schema.js";
export type { Artifact } from "./emit/write-artifacts.js";
export type { FormatId } from "./render/format.js";

/** What checking one file found: the text (for code frames), the workplan when it is valid, the diagnostics. */
export interface FileReport {
  file: string;
  text: string | undefined;
  workplan: Workplan | undefined;
  diagnostics: Diagnostic[];
  /** The parsed YAML, for stages that turn data paths into positions. */
  source?: SourceFile;
}

/** Parses and validates workplan text; a later stage never runs on a file that already has an error. */
export function compileWorkplan(
  text: string,
  file: string,
): { workplan: Workplan | undefined; diagnostics: Diagnostic[]; source?: SourceFile } {
  const parsed = parseWorkplan(text, file);
  if (!parsed.value || hasErrors(parsed.diagnostics)) return { workplan: undefined, diagnostics: parsed.diagnostics };
  const validated = validateWorkplan(parsed.value);
  return { workplan: validated.value, diagnostics: [...parsed.diagnostics, ...validated.diagnostics], source: parsed.value };
}

/** Reads, parses and validates one workplan file. */
export async function check(file: string, options: { cwd?: string } = {}): Promise<FileReport> {
  const read = await readSource(file, options.cwd ?? process.cwd());
  if (read.value === undefined) return { file, text: undefined, workplan: undefined, diagnostics: read.diagnostics };
  return { file, text: read.value, ...compileWorkplan(read.value, file) };
}

/** What linting one file found, and the edits that would fix its fixable findings. */
export interface LintReport extends FileReport {
  fixes: TextEdit[][];
}

export interface LintOptions {
  cwd?: string;
  /** From loadLintSettings(); defaults: every rule at its own severity, no glossary. */
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
  const report = await check(file, { cwd });
  if (!report.workplan || !report.source || hasErrors(report.diagnostics)) return { ...report, fixes: [] };
  const previousFile = join(dirname(file), `${report.workplan.year - 1}.yaml`);
  const previous = existsSync(resolve(cwd, previousFile)) ? (await check(previousFile, { cwd })).workplan : undefined;
  const { lintWorkplan } = await import("./lint/lint-workplan.js");
  const result = lintWorkplan({
    source: report.source,
    workplan: report.workplan,
    previous,
    glossary: options.settings?.glossary ?? EMPTY_GLOSSARY,
    config: options.settings?.config ?? DEFAULT_CONFIG,
    withFixes: options.withFixes ?? false,
  });
  return { ...report, diagnostics: [...report.diagnostics, ...result.diagnostics], fixes: result.fixes };
}

export interface BuildOptions {
  cwd?: string;
  /** Lint settings; a build stops on lint errors as on schema errors. */
  settings?: Pick<LintSettings, "config" | "glossary">;
  /** The output folder; each workplan goes to `<outDir>/<year>/`. */
  outDir?: string;
  formats?: readonly FormatId[];
  /** The date stamped into the PDF instead of the meeting date (from SOURCE_DATE_EPOCH at the CLI). */
  timestamp?: Date;
  /** False to render without writing (the artifacts are in the report). */
  write?: boolean;
  /** False to leave the timeline figure out. */
  timeline?: boolean;
  /** Told each step as it ends ("Checked", "Markdown", "HTML", "PDF") with its milliseconds. */
  onStep?: (step: string, ms: number) => void;
}

export interface BuildReport extends LintReport {
  artifacts: Artifact[];
  written: string[];
  unchanged: string[];
}

/** Checks a workplan file and, when it is valid, renders and writes its documents. */
export async function build(file: string, options: BuildOptions = {}): Promise<BuildReport> {
  const cwd = options.cwd ?? process.cwd();
  const formats = options.formats ?? FORMAT_IDS;
  const step = stepTimer(options.onStep);
  const report = await lint(file, { cwd, ...(options.settings ? { settings: options.settings } : {}) });
  if (report.workplan && report.source && formats.includes("pdf")) {
    const { checkGlyphCoverage } = await import("./render/pdf/glyph-coverage.js");
    for (const { needle, ...problem } of checkGlyphCoverage(report.workplan)) {
      const span = locateWithin(report.source, problem.path, needle);
      report.diagnostics.push({ ...problem, file, ...(span ? { span } : {}) });
    }
  }
  step("Checked");
  if (!report.workplan || hasErrors(report.diagnostics)) return { ...report, artifacts: [], written: [], unchanged: [] };
  const { renderWorkplan } = await import("./render/render-workplan.js");
  const result: BuildReport = { ...report, artifacts: [], written: [], unchanged: [] };
  // One format at a time, written as soon as it is ready, so a watcher can say what each one cost.
  for (const format of formats) {
    const artifacts = await renderWorkplan(report.workplan, [format], {
      ...(options.timestamp ? { timestamp: options.timestamp } : {}),
      ...(options.settings ? { glossary: options.settings.glossary } : {}),
      timeline: options.timeline ?? true,
    });
    result.artifacts.push(...artifacts);
    if (options.write !== false) {
      const { written, unchanged } = await writeArtifacts(artifacts, resolve(cwd, options.outDir ?? "out"));
      result.written.push(...written);
      result.unchanged.push(...unchanged);
    }
    step(FORMAT_NAMES[format]);
  }
  return result;
}

const FORMAT_NAMES: Record<FormatId, string> = { md: "Markdown", html: "HTML", pdf: "PDF" };

/** Calls `onStep` with the milliseconds since the previous step. */
function stepTimer(onStep: BuildOptions["onStep"]): (name: string) => void {
  let last = performance.now();
  return (name) => {
    const now = performance.now();
    onStep?.(name, now - last);
    last = now;
  };
}
