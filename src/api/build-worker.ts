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

/** A rendered plan as it crosses back to the parent: what writing and reporting need, no parsed YAML. */
export type RenderedPlan = Pick<BuildReport, "file" | "text" | "diagnostics" | "output" | "artifacts">;

/** Renders one plan after another as the parent hands them out; the documents' bytes move, not copied. */
export function work(job: BuildWorkerJob): void {
  serveTasks<string, RenderedPlan>(parentPort!, async (file) => {
    const { text, diagnostics, output, artifacts } = await renderPlan(file, { ...job, write: false });
    const result: RenderedPlan = { file, text, diagnostics, artifacts, ...(output ? { output } : {}) };
    return { result, transfer: artifacts.map((artifact) => artifact.bytes.buffer as ArrayBuffer) };
  });
}
