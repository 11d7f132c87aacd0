import { parentPort } from "node:worker_threads";
import type { FormatId } from "../render/format.js";
import type { LintSettings } from "../load/lint-settings.js";
import { renderPlan, type BuildReport } from "./build.js";
import { serveTasks } from "./worker-threads.js";

/** What every task of a build worker shares: where the plans are, how to check and render them. */
export interface BuildWorkerJob {
  cwd: string;
  formats: readonly FormatId[];
  settings: Pick<LintSettings, "config" | "glossary">;
  timeline: boolean;
  timestamp?: Date;
}

/** One plan to render; settings read again since the job began (a watched glossary changed) replace the job's. */
export interface BuildWorkerTask {
  file: string;
  settings?: Pick<LintSettings, "config" | "glossary">;
}

/** A rendered plan as it crosses back to the parent: what writing and reporting need, no parsed YAML. */
export type RenderedPlan = Pick<BuildReport, "file" | "text" | "diagnostics" | "output" | "artifacts"> & {
  /** Each step of the rendering with its milliseconds, for a watcher to print. */
  steps: [string, number][];
};

/** Renders one plan after another as the parent hands them out; the documents' bytes move, not copied. */
export function work(job: BuildWorkerJob): void {
  serveTasks<BuildWorkerTask, RenderedPlan>(parentPort, async ({ file, settings }) => {
    const steps: [string, number][] = [];
    const onStep = (step: string, ms: number) => steps.push([step, ms]);
    const { text, diagnostics, output, artifacts } = await renderPlan(file, {
      ...job,
      ...(settings ? { settings } : {}),
      write: false,
      onStep,
    });
    const result: RenderedPlan = { file, text, diagnostics, artifacts, steps, ...(output ? { output } : {}) };
    return { result, transfer: artifacts.map((artifact) => artifact.bytes.buffer as ArrayBuffer) };
  });
}
