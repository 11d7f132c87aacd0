import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { NO_PAINT } from "../diagnostics/formatters/formatter.js";
import type { WorkplanDiff } from "../diff/change.js";
import { DIFF_FORMATS, type DiffFormatId, type DiffFormatOptions, type DiffFormatter, type DiffOutput } from "../diff/formats/index.js";
import { readDiffSide } from "../load/diff-side.js";
import type { LintSettings } from "../load/lint-settings.js";
import { placeOf } from "../load/project.js";
import { compileWorkplan, type FileReport } from "./check.js";

export interface DiffOptions {
  cwd?: string;
  /** The project's root, where years, the workplans folder and the default output folder are (default: cwd). */
  root?: string;
  /** How alike (0–1, by words) two items without a common id must be to count as one item changed. */
  threshold?: number;
  /** Names for the two sides instead of the ones read (git's external diff passes temporary files). */
  labels?: readonly [string, string];
  /** The configuration's layout profiles (from loadSettings()). */
  settings?: Pick<LintSettings, "config">;
}

/** What comparing two plans found: each side's check, and the diff when both are valid. */
export interface DiffReport {
  sides: [FileReport, FileReport];
  diff: WorkplanDiff | undefined;
  /** Every side's diagnostics, errors included; the diff is made only when there are no errors. */
  diagnostics: Diagnostic[];
}

/**
 * Compares two workplans as documents. Each side is a year, a file, or a git revision with a year
 * or a path (`main:2017`), read without touching the working tree.
 */
export async function diff(before: string, after: string, options: DiffOptions = {}): Promise<DiffReport> {
  const cwd = options.cwd ?? process.cwd();
  const sides = (await Promise.all(
    [before, after].map(async (spec, i): Promise<FileReport> => {
      const read = await readDiffSide(spec, placeOf({ cwd, root: options.root }));
      if (!read.value) return { file: spec, text: undefined, workplan: undefined, diagnostics: read.diagnostics };
      const label = options.labels?.[i] ?? read.value.label;
      return { file: label, text: read.value.text, ...compileWorkplan(read.value.text, label, options.settings) };
    }),
  )) as [FileReport, FileReport];
  const diagnostics = sides.flatMap((side) => side.diagnostics);
  const [a, b] = sides;
  if (!a.workplan || !b.workplan || diagnostics.some((d) => d.severity === "error")) return { sides, diff: undefined, diagnostics };
  const { diffWorkplans } = await import("../diff/diff-workplans.js");
  const result = diffWorkplans(a.workplan, b.workplan, {
    ...(options.threshold !== undefined ? { threshold: options.threshold } : {}),
    beforeLabel: a.file,
    afterLabel: b.file,
  });
  return { sides, diff: result, diagnostics };
}

/** The diff in one of the formats of `DIFF_FORMAT_IDS`; `paint` and `colour` matter only to `text`, `author` and `timestamp` to `docx`, whose diff is bytes. */
export async function formatDiff<Id extends DiffFormatId>(
  diff: WorkplanDiff,
  format: Id,
  options: DiffFormatOptions = { paint: NO_PAINT, colour: false },
): Promise<DiffOutput<Id>> {
  const formatter = (await DIFF_FORMATS[format]()) as DiffFormatter<DiffOutput<Id>>;
  return formatter(diff, options);
}
