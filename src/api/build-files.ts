import { build, claimPlanOutputs, writePlan, type BuildOptions, type BuildReport } from "./build.js";
import type { BuildWorkerJob, BuildWorkerTask, RenderedPlan } from "./build-worker.js";
import { runOnThreads, threadsFor, workerFiles } from "./worker-threads.js";

/** Plans a thread must have to pay for its start: one for documents that take long to render, more for text. */
const PLANS_PER_THREAD = { slow: 1, fast: 8 };

export interface BuildFilesOptions extends BuildOptions {
  /** Threads to use at most; default: one a core. */
  threads?: number;
}

/**
 * Builds many plans, rendering them on worker threads, one a core, when there are enough to pay for
 * the threads' start: from two plans with a PDF or Word document, from sixteen of Markdown and HTML.
 * Each plan is handed to `onBuilt` when it is written, in the order of `files`, and then dropped, so
 * memory does not grow with the number of plans. The parent claims each plan's outputs and writes
 * them, in that order, so two plans with the same output names are caught as in one thread.
 */
export async function buildFiles(files: readonly string[], options: BuildFilesOptions, onBuilt: (report: BuildReport) => void): Promise<void> {
  const formats = options.formats ?? [];
  const slow = formats.length === 0 || formats.includes("pdf") || formats.includes("docx");
  const threads = threadsFor(files.length, slow ? PLANS_PER_THREAD.slow : PLANS_PER_THREAD.fast, options.threads);
  const worker = threads > 1 && options.settings ? workerFiles("build-worker") : undefined;
  if (!worker || !options.settings) {
    for (const file of files) onBuilt(await build(file, options));
    return;
  }
  const job: BuildWorkerJob = {
    cwd: options.cwd ?? process.cwd(),
    formats: options.formats ?? [],
    settings: options.settings,
    timeline: options.timeline ?? true,
    ...(options.timestamp ? { timestamp: options.timestamp } : {}),
  };
  const claims = options.claims ?? new Map();
  const waiting = new Map<number, RenderedPlan>();
  let turn = 0;
  let writing = Promise.resolve();
  let failure: { error: unknown } | undefined;
  await runOnThreads<BuildWorkerTask, RenderedPlan>(worker, job, files.map((file) => ({ file })), threads, (index, rendered) => {
    waiting.set(index, rendered);
    // Written in the files' order, one after another, as the plans before each are done; after a
    // failed write (a full disk) nothing more is written, and the failure is the build's answer.
    writing = writing.then(async () => {
      for (let next = waiting.get(turn); next && !failure; next = waiting.get(turn)) {
        waiting.delete(turn++);
        const { steps: _steps, ...plan } = next;
        const report: BuildReport = { ...plan, workplan: undefined, fixes: [], written: [], unchanged: [] };
        claimPlanOutputs(report, claims, options.settings?.config);
        onBuilt(options.write === false ? report : await writePlan(report, options));
      }
    }).catch((error: unknown) => {
      failure = { error };
    });
  });
  await writing;
  if (failure) throw failure.error;
}
