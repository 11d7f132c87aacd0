import type { LintWorkerJob, LintWorkerResult } from "./lint-worker.js";
import { runOnThreads, threadsFor, workerFiles } from "./worker-threads.js";

/** How many files make one thread's start worth it. */
const FILES_PER_THREAD = 12;

/** Files a worker is handed at a time: few enough to share the work out evenly, enough to keep messages rare. */
const FILES_PER_BATCH = 8;

/**
 * Lints files on worker threads, one a core, each handed the next batch when it is done with the
 * last; the results come back in the files' order. Undefined where there is no worker (running
 * from the sources) or too few files for two threads.
 */
export async function lintOnWorkers(
  files: readonly string[],
  options: { cwd: string; configFile?: string; workers?: number },
): Promise<LintWorkerResult[] | undefined> {
  const threads = threadsFor(files.length, FILES_PER_THREAD, options.workers);
  const worker = threads > 1 ? workerFiles("lint-worker") : undefined;
  if (!worker) return undefined;
  const batches: string[][] = [];
  for (let i = 0; i < files.length; i += FILES_PER_BATCH) batches.push(files.slice(i, i + FILES_PER_BATCH));
  const results = new Array<LintWorkerResult[]>(batches.length);
  const job: LintWorkerJob = { cwd: options.cwd, configFile: options.configFile };
  await runOnThreads<string[], LintWorkerResult[]>(worker, job, batches, threads, (index, result) => (results[index] = result));
  return results.flat();
}
