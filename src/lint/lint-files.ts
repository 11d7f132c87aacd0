import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { lint, type FileReport } from "../index.js";
import type { LintSettings } from "../load/lint-settings.js";
import type { LintWorkerJob, LintWorkerResult } from "./lint-worker.js";

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
 * Falls back to one thread where the worker script is not there (running from the TypeScript sources).
 */
export async function lintFiles(files: readonly string[], options: LintFilesOptions): Promise<FileReport[]> {
  const script = workerScript();
  const workers = Math.min(options.workers ?? Math.min(availableParallelism(), 4), Math.ceil(files.length / (PARALLEL_FROM / 2)));
  if (!script || files.length < PARALLEL_FROM || workers < 2) {
    const reports: FileReport[] = [];
    for (const file of files) reports.push(await lint(file, { cwd: options.cwd, settings: options.settings }));
    return reports;
  }
  const share = Math.ceil(files.length / workers);
  const shares = Array.from({ length: workers }, (_, i) => files.slice(i * share, (i + 1) * share));
  const results = await Promise.all(shares.map((chunk) => runWorker(script, { files: chunk, cwd: options.cwd, configFile: options.configFile })));
  return results.flat().map((result) => ({ ...result, workplan: undefined }));
}

function runWorker(script: URL, job: LintWorkerJob): Promise<LintWorkerResult[]> {
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

/** The worker's compiled file beside this one: `lint-worker.mjs` in the bundle, `lint-worker.js` in dist/. */
function workerScript(): URL | undefined {
  for (const name of ["./lint-worker.mjs", "./lint-worker.js"]) {
    const url = new URL(name, import.meta.url);
    if (existsSync(fileURLToPath(url))) return url;
  }
  return undefined;
}
