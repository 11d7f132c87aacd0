import { claimPlanOutputs, renderPlan, writePlan, type BuildOptions, type BuildReport } from "./build.js";
import type { BuildWorkerJob, BuildWorkerTask, RenderedPlan } from "./build-worker.js";
import { keptFiles } from "./overwritten-input.js";
import { FORMAT_IDS } from "../render/format.js";
import { lanesFor, runPool, workerFiles } from "./worker-threads.js";

/** Plans a lane must have to pay for a worker thread's start: one for documents that take long to render, more for text. */
const PLANS_PER_LANE = { slow: 1, fast: 8 };

/** Rendered plans that may wait to be written; past this many, rendering here waits for the writing. */
const MOST_WAITING = 8;

export interface BuildFilesOptions extends BuildOptions {
  /** Threads to use at most, this one included; default: one a core, at most eight. */
  threads?: number;
}

/**
 * Builds many plans, rendering them on worker threads and this one, one a core, when there are
 * enough to pay for the workers' start: from two plans with a PDF or Word document, from sixteen of
 * Markdown and HTML. Each plan is handed to `onBuilt` when it is written, in the order of `files`,
 * and then dropped, so memory does not grow with the number of plans. Outputs are claimed and
 * written here, in that order, so two plans with the same output names are caught as in one thread.
 */
export async function buildFiles(
  files: readonly string[],
  options: BuildFilesOptions,
  onBuilt: (report: BuildReport) => void,
): Promise<void> {
  // The formats a build makes when none are named, as build() does: a worker is told them outright.
  const formats = options.formats ?? FORMAT_IDS;
  const slow = formats.includes("pdf") || formats.includes("docx");
  const settings = options.settings;
  const job: BuildWorkerJob | undefined = settings && {
    cwd: options.cwd ?? process.cwd(),
    formats,
    settings,
    timeline: options.timeline ?? true,
    ...(options.timestamp ? { timestamp: options.timestamp } : {}),
  };
  const claims = options.claims ?? new Map();
  // The run's inputs are read once for all its plans, not once a plan.
  const kept =
    options.write === false
      ? undefined
      : await keptFiles([...files, ...(options.inputs ?? [])], { cwd: options.cwd ?? process.cwd(), root: options.root });
  const waiting = new Map<number, Omit<RenderedPlan, "steps">>();
  let turn = 0;
  let writing = Promise.resolve();
  let failure: { error: unknown } | undefined;
  await runPool<BuildWorkerTask, Omit<RenderedPlan, "steps">>(
    {
      lanes: lanesFor(files.length, slow ? PLANS_PER_LANE.slow : PLANS_PER_LANE.fast, options.threads),
      // Workers need the settings whole, to send them: without settings every plan is built here.
      workers: job ? workerFiles("build-worker") : undefined,
      job,
      here: async ({ file }) => {
        const { text, diagnostics, output, artifacts } = await renderPlan(file, { ...options, claims: undefined, write: false });
        // This thread writes too: when the plans waiting to be written pile up, it writes before rendering more.
        if (waiting.size >= MOST_WAITING) await writing;
        return { file, text, diagnostics, artifacts, ...(output ? { output } : {}) };
      },
    },
    files.map((file) => ({ file })),
    (index, rendered) => {
      waiting.set(index, rendered);
      // Written in the files' order, one after another, as the plans before each are done; after a
      // failed write (a full disk) nothing more is written, and the failure is the build's answer.
      writing = writing
        .then(async () => {
          for (let next = waiting.get(turn); next && !failure; next = waiting.get(turn)) {
            waiting.delete(turn++);
            const report: BuildReport = { workplan: undefined, fixes: [], written: [], unchanged: [], ...next };
            claimPlanOutputs(report, claims, options.settings?.config);
            onBuilt(options.write === false ? report : await writePlan(report, options, kept));
          }
        })
        .catch((error: unknown) => {
          failure = { error };
        });
    },
  );
  await writing;
  if (failure) throw failure.error;
}
