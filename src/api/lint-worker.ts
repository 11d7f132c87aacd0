import { parentPort } from "node:worker_threads";
import { loadLintSettings } from "../load/lint-settings.js";
import { lintBatch, type LintedFile } from "./lint-batch.js";
import { serveTasks } from "./worker-threads.js";

/** What every task of a lint worker shares: where to read the plans and the settings from. */
export interface LintWorkerJob {
  cwd: string;
  configFile: string | undefined;
}

/**
 * Lints each batch of files the parent hands out. Why the worker reads the settings itself: the
 * glossary and configuration are read once a thread, not sent with each batch.
 */
export function work(job: LintWorkerJob): void {
  const settings = loadLintSettings(job.cwd, job.configFile);
  serveTasks<string[], LintedFile[]>(parentPort, async (files) => ({ result: await lintBatch(files, job.cwd, await settings) }));
}
