import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import type { LintWorkerJob, LintWorkerResult } from "./lint-worker.js";

/** How many files make one worker's start worth it. */
const FILES_PER_WORKER = 12;

/**
 * Lints files on worker threads, each worker a share of them; undefined where there is no worker
 * script or too few files for two workers. Why a worker script and not this module's functions:
 * a thread starts from a file, and that file imports the one-file lint, never the API it serves.
 */
export async function lintOnWorkers(
  files: readonly string[],
  options: { cwd: string; configFile?: string; workers?: number },
): Promise<LintWorkerResult[] | undefined> {
  const script = workerScript();
  const workers = Math.min(options.workers ?? Math.min(availableParallelism(), 4), Math.ceil(files.length / FILES_PER_WORKER));
  if (!script || workers < 2) return undefined;
  const share = Math.ceil(files.length / workers);
  const shares = Array.from({ length: workers }, (_, i) => files.slice(i * share, (i + 1) * share));
  const results = await Promise.all(shares.map((chunk) => runWorker(script, { files: chunk, cwd: options.cwd, configFile: options.configFile })));
  return results.flat();
}

async function runWorker(script: URL, job: LintWorkerJob): Promise<LintWorkerResult[]> {
  // Loaded here, not at the top: a lint of a few files, like every other command, never starts a thread.
  const { Worker } = await import("node:worker_threads");
  return new Promise((resolve, reject) => {
    const worker = new Worker(fileURLToPath(script), { workerData: job });
    worker.once("message", (results: LintWorkerResult[]) => {
      resolve(results);
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`a lint worker stopped with code ${code}`));
    });
  });
}

/** The worker's compiled file beside this one: `lint-worker.cjs` in the bundle, `lint-worker.js` in dist/. */
function workerScript(): URL | undefined {
  for (const name of ["./lint-worker.cjs", "./lint-worker.js"]) {
    const url = new URL(name, import.meta.url);
    if (existsSync(fileURLToPath(url))) return url;
  }
  return undefined;
}
