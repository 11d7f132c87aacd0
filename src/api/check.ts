import { hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { LintSettings } from "../load/lint-settings.js";
import { readSource } from "../load/read-source.js";
import { BUILT_IN_PROFILES } from "../model/document-shape.js";
import type { Workplan } from "../model/schema.js";
import { validateWorkplan, type Profiles } from "../model/validate-workplan.js";
import { parseWorkplan, type SourceFile } from "../parse/parse-workplan.js";

/** What checking one file found: the text (for code frames), the workplan when it is valid, the diagnostics. */
export interface FileReport {
  file: string;
  text: string | undefined;
  workplan: Workplan | undefined;
  diagnostics: Diagnostic[];
  /** The parsed YAML, for stages that turn data paths into positions. */
  source?: SourceFile;
}

/** What compiling a text gives: the workplan when it is valid, the parsed YAML, the diagnostics. */
export interface Compiled {
  workplan: Workplan | undefined;
  diagnostics: Diagnostic[];
  source?: SourceFile;
}

/** Where checking reads and which layout profiles a plan may name. */
export interface CheckOptions {
  cwd?: string;
  /** The configuration's profiles, beside the built-in ones (from loadSettings()). */
  settings?: Pick<LintSettings, "config">;
}

/** The profiles a plan may name: the built-in ones, and those of the configuration, which win. */
export const profilesOf = (settings: CheckOptions["settings"]): Profiles =>
  settings?.config.profiles ? { ...BUILT_IN_PROFILES, ...settings.config.profiles } : BUILT_IN_PROFILES;

/** Parses and validates workplan text; a later stage never runs on a file that already has an error. */
export function compileWorkplan(text: string, file: string, settings?: CheckOptions["settings"]): Compiled {
  const parsed = parseWorkplan(text, file);
  if (!parsed.value || hasErrors(parsed.diagnostics)) return { workplan: undefined, diagnostics: parsed.diagnostics };
  const validated = validateWorkplan(parsed.value, profilesOf(settings));
  return { workplan: validated.value, diagnostics: [...parsed.diagnostics, ...validated.diagnostics], source: parsed.value };
}

/** Reads, parses and validates one workplan file. */
export async function check(file: string, options: CheckOptions = {}): Promise<FileReport> {
  const read = await readSource(file, options.cwd ?? process.cwd());
  if (read.value === undefined) return { file, text: undefined, workplan: undefined, diagnostics: read.diagnostics };
  return { file, text: read.value, ...compileWorkplan(read.value, file, options.settings) };
}

/** Whether a report holds a valid workplan, with its parsed YAML, and no error. */
export function isValid(report: FileReport): report is FileReport & { workplan: Workplan; source: SourceFile; text: string } {
  return report.workplan !== undefined && report.source !== undefined && report.text !== undefined && !hasErrors(report.diagnostics);
}
