import type { LintSettings } from "../load/lint-settings.js";
import type { FileReport } from "./check.js";
import { addOutputClashes, type PlanOutput } from "./claim-outputs.js";
import { lint } from "./lint.js";
import { lintOnWorkers } from "./lint-pool.js";

/** Below this many files, starting workers costs more than it saves. */
export const PARALLEL_FROM = 24;

export interface LintFilesOptions {
  cwd: string;
  settings: LintSettings;
  configFile?: string;
  /** Workers to use at most; default: the machine's cores, up to 4. */
  workers?: number;
}

/**
 * Lints many files, spread over worker threads when there are enough of them to pay for the
 * workers' start (a few tens of milliseconds each); the results come back in the files' order.
 * Lints in this thread where the worker script is not there (running from the TypeScript sources).
 * Then checks the plans against each other: two whose outputs would have the same names (ignoring
 * case) would overwrite each other when built together.
 */
export async function lintFiles(files: readonly string[], options: LintFilesOptions): Promise<FileReport[]> {
  const reports = await lintEach(files, options);
  addOutputClashes(reports, options.settings.config);
  return reports;
}

/** Each file's lint report, with where its outputs go. */
async function lintEach(files: readonly string[], options: LintFilesOptions): Promise<(FileReport & { output?: PlanOutput })[]> {
  if (files.length >= PARALLEL_FROM) {
    const reports = await lintOnWorkers(files, options);
    if (reports) return reports.map((report) => ({ ...report, workplan: undefined }));
  }
  const reports: (FileReport & { output?: PlanOutput })[] = [];
  for (const file of files) reports.push(await lint(file, { cwd: options.cwd, settings: options.settings }));
  return reports;
}
