import type { LintSettings } from "../load/lint-settings.js";
import type { FileReport } from "./check.js";
import { addOutputClashes } from "./claim-outputs.js";
import { lintBatch, type LintedFile } from "./lint-batch.js";
import type { LintWorkerJob } from "./lint-worker.js";
import { lanesFor, runPool, workerFiles } from "./worker-threads.js";

/** Files a lane must have to pay for a worker thread's start (a few tens of milliseconds). */
const FILES_PER_LANE = 12;

/** Files a lane is handed at a time: few enough to share the work out evenly, enough to keep messages rare. */
const FILES_PER_BATCH = 8;

/** From this many files, a lint spreads over worker threads. */
export const PARALLEL_FROM = 2 * FILES_PER_LANE;

export interface LintFilesOptions {
  cwd: string;
  settings: LintSettings;
  configFile?: string;
  /** Threads to use at most, this one included; default: one a core, at most eight. */
  workers?: number;
}

/**
 * Lints many files, spread over worker threads and this one when there are enough of them to pay
 * for the workers' start; the results come back in the files' order. Where there is no worker
 * (running from the TypeScript sources) every file is linted here. Then checks the plans against
 * each other: two whose outputs would have the same names (ignoring case) would overwrite each
 * other when built together. A report holds what reporting needs, not the parsed plan.
 */
export async function lintFiles(files: readonly string[], options: LintFilesOptions): Promise<FileReport[]> {
  const batches: string[][] = [];
  for (let i = 0; i < files.length; i += FILES_PER_BATCH) batches.push(files.slice(i, i + FILES_PER_BATCH));
  const linted = new Array<LintedFile[]>(batches.length);
  const job: LintWorkerJob = { cwd: options.cwd, configFile: options.configFile };
  await runPool(
    {
      lanes: lanesFor(files.length, FILES_PER_LANE, options.workers),
      workers: workerFiles("lint-worker"),
      job,
      here: (batch: string[]) => lintBatch(batch, options.cwd, options.settings),
    },
    batches,
    (index, result) => (linted[index] = result),
  );
  const reports = linted.flat().map((file) => ({ ...file, workplan: undefined }));
  addOutputClashes(reports, options.settings.config);
  return reports;
}
