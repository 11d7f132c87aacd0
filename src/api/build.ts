import { join, resolve } from "node:path";
import { hasErrors } from "../diagnostics/diagnostic.js";
import { writeArtifacts } from "../emit/write-artifacts.js";
import type { LintSettings } from "../load/lint-settings.js";
import { inProject, OUT_DIR, placeOf } from "../load/project.js";
import type { Artifact } from "../model/artifact.js";
import { locateWithin } from "../parse/locate.js";
import { FORMAT_IDS, type FormatId } from "../render/format.js";
import { isValid } from "./check.js";
import { claimOutputs, type OutputClaims } from "./claim-outputs.js";
import type { LintConfig } from "../lint/config.js";
import { lint, type LintReport } from "./lint.js";
import { keptFiles, type KeptFiles, type Overwrite } from "./overwritten-input.js";

export interface BuildOptions {
  cwd?: string;
  /** The project's root, where years, the workplans folder and the default output folder are (default: cwd). */
  root?: string;
  /** Lint settings; a build stops on lint errors as on schema errors. */
  settings?: Pick<LintSettings, "config" | "glossary">;
  /** The output folder, from cwd; each workplan goes to `<outDir>/<year>/` (default: the project's out/). */
  outDir?: string;
  formats?: readonly FormatId[];
  /** The date stamped into the PDF instead of the meeting date (from SOURCE_DATE_EPOCH at the CLI). */
  timestamp?: Date;
  /** False to render without writing (the artifacts are in the report). */
  write?: boolean;
  /** False to leave the timeline figure out. */
  timeline?: boolean;
  /** Told each step as it ends ("Checked", "Markdown", "HTML", "PDF", "Written") with its milliseconds. */
  onStep?: (step: string, ms: number) => void;
  /** The other plans of the run: no output may replace one of them (nor this plan, any workplan, the glossary or the configuration). */
  inputs?: readonly string[];
  /** The outputs the other plans of the run have claimed (one map for the run): two plans never write the same files. */
  claims?: OutputClaims;
  /** The formats the plan is checked for (default: those rendered), when another thread renders some of them. */
  checkFor?: readonly FormatId[];
}

export interface BuildReport extends LintReport {
  artifacts: Artifact[];
  written: string[];
  unchanged: string[];
  /** Set when an output would replace an input (`--out` pointed at the plans): nothing was written. */
  refused?: Overwrite;
}

const FORMAT_NAMES: Record<FormatId, string> = { md: "Markdown", html: "HTML", pdf: "PDF", docx: "Word" };

/**
 * Checks a workplan file and, when it is valid, renders and writes its documents. The view is built
 * once and every format renders from it; a PDF build also checks that its fonts can draw every
 * character, since a missing glyph prints as a blank box with no error from the PDF writer. Every
 * format is rendered before any is written, and then all are written or none, so the outputs on
 * disk are always of one build; an output that would land on an input is refused.
 */
export async function build(file: string, options: BuildOptions = {}): Promise<BuildReport> {
  const rendered = await renderPlan(file, options);
  return options.write === false ? rendered : writePlan(rendered, options);
}

/**
 * The first half of a build, which is what takes the time and what worker threads do: check the
 * plan, claim its outputs when the run's claims are given, render every format. Nothing is written.
 */
export async function renderPlan(file: string, options: BuildOptions = {}): Promise<BuildReport> {
  const cwd = options.cwd ?? process.cwd();
  const formats = options.formats ?? FORMAT_IDS;
  const step = stepTimer(options.onStep);
  const report = await lint(file, { cwd, ...(options.settings ? { settings: options.settings } : {}) });
  const result: BuildReport = { ...report, artifacts: [], written: [], unchanged: [] };
  if (isValid(report) && (options.checkFor ?? formats).includes("pdf")) {
    const { checkGlyphCoverage } = await import("../lint/glyph-coverage.js");
    for (const { needle, ...problem } of checkGlyphCoverage(report.workplan)) {
      const span = locateWithin(report.source, problem.path, needle);
      result.diagnostics.push({ ...problem, file, ...(span ? { span } : {}) });
    }
  }
  if (options.claims) claimPlanOutputs(result, options.claims, options.settings?.config);
  step("Checked");
  if (!report.workplan || hasErrors(result.diagnostics)) return result;

  const [{ buildView }, { renderView }] = await Promise.all([import("../render/view.js"), import("../render/render-view.js")]);
  const view = buildView(report.workplan, {
    ...(options.settings ? { glossary: options.settings.glossary } : {}),
    timeline: options.timeline ?? true,
  });
  // One format at a time, so a watcher can say what each one cost; written together after.
  for (const format of formats) {
    result.artifacts.push(await renderView(view, format, options.timestamp ? { timestamp: options.timestamp } : {}));
    step(FORMAT_NAMES[format]);
  }
  return result;
}

/**
 * Claims a checked plan's outputs in the run, reporting the plan that already has them; a plan that
 * loses its claim keeps no artifacts, so nothing of it is written.
 */
export function claimPlanOutputs(
  result: Pick<BuildReport, "file" | "output" | "diagnostics" | "artifacts">,
  claims: OutputClaims,
  config: LintConfig | undefined,
): void {
  const clash = result.output ? claimOutputs(claims, result.file, result.output, config) : undefined;
  if (!clash) return;
  result.diagnostics.push(clash);
  if (hasErrors([clash])) result.artifacts = [];
}

/**
 * The second half: writes a rendered plan's documents, all or none, unless one would replace an
 * input; `kept` is the run's kept files when it has read them once for all its plans.
 */
export async function writePlan(result: BuildReport, options: BuildOptions = {}, kept?: KeptFiles): Promise<BuildReport> {
  if (hasErrors(result.diagnostics) || result.artifacts.length === 0) return result;
  const cwd = options.cwd ?? process.cwd();
  const step = stepTimer(options.onStep);
  const outDir = options.outDir ?? inProject(placeOf(options), OUT_DIR);
  const targets = result.artifacts.map((artifact) => join(outDir, artifact.path));
  const refused = await (kept ?? (await keptFiles([result.file, ...(options.inputs ?? [])], { cwd, root: options.root }))).check(targets);
  if (refused) return { ...result, refused };
  const { written, unchanged } = await writeArtifacts(result.artifacts, resolve(cwd, outDir), { cwd });
  step("Written");
  return { ...result, written, unchanged };
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
