import { resolve } from "node:path";
import { hasErrors } from "../diagnostics/diagnostic.js";
import { writeArtifacts } from "../emit/write-artifacts.js";
import type { LintSettings } from "../load/lint-settings.js";
import type { Artifact } from "../model/artifact.js";
import { locateWithin } from "../parse/locate.js";
import { FORMAT_IDS, type FormatId } from "../render/format.js";
import { isValid } from "./check.js";
import { lint, type LintReport } from "./lint.js";

export interface BuildOptions {
  cwd?: string;
  /** Lint settings; a build stops on lint errors as on schema errors. */
  settings?: Pick<LintSettings, "config" | "glossary">;
  /** The output folder; each workplan goes to `<outDir>/<year>/`. */
  outDir?: string;
  formats?: readonly FormatId[];
  /** The date stamped into the PDF instead of the meeting date (from SOURCE_DATE_EPOCH at the CLI). */
  timestamp?: Date;
  /** False to render without writing (the artifacts are in the report). */
  write?: boolean;
  /** False to leave the timeline figure out. */
  timeline?: boolean;
  /** Told each step as it ends ("Checked", "Markdown", "HTML", "PDF") with its milliseconds. */
  onStep?: (step: string, ms: number) => void;
}

export interface BuildReport extends LintReport {
  artifacts: Artifact[];
  written: string[];
  unchanged: string[];
}

const FORMAT_NAMES: Record<FormatId, string> = { md: "Markdown", html: "HTML", pdf: "PDF" };

/**
 * Checks a workplan file and, when it is valid, renders and writes its documents. The view is built
 * once and every format renders from it; a PDF build also checks that its fonts can draw every
 * character, since a missing glyph prints as a blank box with no error from the PDF writer.
 */
export async function build(file: string, options: BuildOptions = {}): Promise<BuildReport> {
  const cwd = options.cwd ?? process.cwd();
  const formats = options.formats ?? FORMAT_IDS;
  const step = stepTimer(options.onStep);
  const report = await lint(file, { cwd, ...(options.settings ? { settings: options.settings } : {}) });
  const result: BuildReport = { ...report, artifacts: [], written: [], unchanged: [] };
  if (isValid(report) && formats.includes("pdf")) {
    const { checkGlyphCoverage } = await import("../lint/glyph-coverage.js");
    for (const { needle, ...problem } of checkGlyphCoverage(report.workplan)) {
      const span = locateWithin(report.source, problem.path, needle);
      result.diagnostics.push({ ...problem, file, ...(span ? { span } : {}) });
    }
  }
  step("Checked");
  if (!report.workplan || hasErrors(result.diagnostics)) return result;

  const [{ buildView }, { renderView }] = await Promise.all([import("../render/view.js"), import("../render/render-view.js")]);
  const view = buildView(report.workplan, {
    ...(options.settings ? { glossary: options.settings.glossary } : {}),
    timeline: options.timeline ?? true,
  });
  // One format at a time, written as soon as it is ready, so a watcher can say what each one cost.
  for (const format of formats) {
    const artifact = await renderView(view, format, options.timestamp ? { timestamp: options.timestamp } : {});
    result.artifacts.push(artifact);
    if (options.write !== false) {
      const { written, unchanged } = await writeArtifacts([artifact], resolve(cwd, options.outDir ?? "out"));
      result.written.push(...written);
      result.unchanged.push(...unchanged);
    }
    step(FORMAT_NAMES[format]);
  }
  return result;
}

/** Calls `onStep` with the milliseconds since the previous step. */
function stepTimer(onStep: BuildOptions["onStep"]): (name: string) => void {
  let last = performance.now();
  return (name) => {
    const now = performance.now();
    onStep?.(name, now - last);
    last = now;
  };
}
