import { hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";
import { readSource } from "../load/read-source.js";
import type { Workplan } from "../model/schema.js";
import { validateWorkplan } from "../model/validate-workplan.js";
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

/** Parses and validates workplan text; a later stage never runs on a file that already has an error. */
export function compileWorkplan(text: string, file: string): Compiled {
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

/** Whether a report holds a valid workplan, with its parsed YAML, and no error. */
export function isValid(report: FileReport): report is FileReport & { workplan: Workplan; source: SourceFile } {
  return report.workplan !== undefined && report.source !== undefined && !hasErrors(report.diagnostics);
}
