import { parentPort } from "node:worker_threads";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { loadLintSettings } from "../load/lint-settings.js";
import type { PlanOutput } from "./claim-outputs.js";
import { lint } from "./lint.js";
import { serveTasks } from "./worker-threads.js";

/** What every task of a lint worker shares: where to read the plans and the settings from. */
export interface LintWorkerJob {
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

/**
 * Lints each batch of files the parent hands out, one file after another. Why the worker reads the
 * settings itself: the glossary and configuration are read once a thread, not sent with each batch.
 */
export function work(job: LintWorkerJob): void {
  const settings = loadLintSettings(job.cwd, job.configFile);
  serveTasks<string[], LintWorkerResult[]>(parentPort!, async (files) => {
    const result: LintWorkerResult[] = [];
    for (const file of files) {
      const report = await lint(file, { cwd: job.cwd, settings: await settings });
      result.push({ file: report.file, text: report.text, diagnostics: report.diagnostics, ...(report.output ? { output: report.output } : {}) });
    }
    return { result };
  });
}
