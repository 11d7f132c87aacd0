import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { LintSettings } from "../load/lint-settings.js";
import type { PlanOutput } from "./claim-outputs.js";
import { lint } from "./lint.js";

/** A file's lint result as a many-file lint keeps it: what reporting needs, no parsed YAML. */
export interface LintedFile {
  file: string;
  text: string | undefined;
  diagnostics: Diagnostic[];
  /** Where the plan's files go, for the check that no two plans share them. */
  output?: PlanOutput;
}

/**
 * Lints a batch of files one after another, in this thread or a worker's. Why only this much is
 * kept: the parsed plans of a thousand files would fill the memory, and crossing from a worker they
 * would be copied.
 */
export async function lintBatch(
  files: readonly string[],
  cwd: string,
  settings: Pick<LintSettings, "config" | "glossary">,
): Promise<LintedFile[]> {
  const linted: LintedFile[] = [];
  for (const file of files) {
    const report = await lint(file, { cwd, settings });
    linted.push({
      file: report.file,
      text: report.text,
      diagnostics: report.diagnostics,
      ...(report.output ? { output: report.output } : {}),
    });
  }
  return linted;
}
