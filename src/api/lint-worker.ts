import { parentPort, workerData } from "node:worker_threads";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { loadLintSettings } from "../load/lint-settings.js";
import type { PlanOutput } from "./claim-outputs.js";
import { lint } from "./lint.js";

/** What the parent sends: the files of this worker's share, and where to read them from. */
export interface LintWorkerJob {
  files: string[];
  cwd: string;
  configFile: string | undefined;
}

/** A file's result as it crosses back to the parent: only what formatting needs (no parsed YAML). */
export interface LintWorkerResult {
  file: string;
  text: string | undefined;
  diagnostics: Diagnostic[];
  /** Where the plan's files go, for the parent's check that no two plans share them. */
  output?: PlanOutput;
}

/** A worker lints its share of the files one after another and sends the results back at once. */
async function lintShare(job: LintWorkerJob): Promise<LintWorkerResult[]> {
  const settings = await loadLintSettings(job.cwd, job.configFile);
  const results: LintWorkerResult[] = [];
  for (const file of job.files) {
    const report = await lint(file, { cwd: job.cwd, settings });
    results.push({ file: report.file, text: report.text, diagnostics: report.diagnostics, ...(report.output ? { output: report.output } : {}) });
  }
  return results;
}

// Why no top-level await: the bundled worker is a CommonJS file.
void lintShare(workerData as LintWorkerJob).then((results) => parentPort!.postMessage(results));
