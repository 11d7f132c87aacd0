import type { LintSettings } from "../load/lint-settings.js";
import type { FileReport } from "./check.js";
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
 */
export async function lintFiles(files: readonly string[], options: LintFilesOptions): Promise<FileReport[]> {
  if (files.length >= PARALLEL_FROM) {
    const reports = await lintOnWorkers(files, options);
    if (reports) return reports;
  }
  const reports: FileReport[] = [];
  for (const file of files) reports.push(await lint(file, { cwd: options.cwd, settings: options.settings }));
  return reports;
}
