import { join, resolve } from "node:path";
import { hasErrors } from "../diagnostics/diagnostic.js";
import { writeArtifacts } from "../emit/write-artifacts.js";
import { DEFAULT_CONFIG } from "../lint/config.js";
import type { LintSettings } from "../load/lint-settings.js";
import { inProject, OUT_DIR, placeOf } from "../load/project.js";
import type { Artifact } from "../model/artifact.js";
import { EMPTY_GLOSSARY } from "../model/glossary.js";
import type { CalendarEvent } from "../calendar/plan-calendar.js";
import { check, isValid, type FileReport } from "./check.js";
import { claimOutputs, planOutput, type OutputClaims } from "./claim-outputs.js";
import { overwrittenInput, type Overwrite } from "./overwritten-input.js";

/** Where `calendar` reads and writes, and the stamp it uses. */
export interface CalendarOptions {
  cwd?: string;
  /** The project's root, where years, the workplans folder and the default output folder are (default: cwd). */
  root?: string;
  /** The output folder, from cwd; the calendar goes to `<outDir>/<year>/<file stem>.ics` (default: the project's out/). */
  outDir?: string;
  /** DTSTAMP instead of the cover meeting's first day (from SOURCE_DATE_EPOCH at the CLI). */
  timestamp?: Date;
  /** False to make the calendar without writing it (it is in the report). */
  write?: boolean;
  /** The configuration's layout profiles (from loadSettings()). */
  settings?: Pick<LintSettings, "config">;
  /** The other plans of the run: the calendar never replaces one of them (nor this plan, any workplan, the glossary or the configuration). */
  inputs?: readonly string[];
  /** The outputs the other plans of the run have claimed (one map for the run): two plans never write the same file. */
  claims?: OutputClaims;
}

/** What making one calendar found and did: the check's report, the events, the file and whether it changed. */
export interface CalendarReport extends FileReport {
  events: CalendarEvent[];
  /** The .ics file, when the workplan is valid. */
  artifact: Artifact | undefined;
  written: string[];
  unchanged: string[];
  /** Set when the calendar would replace an input (`--out` pointed at the plans): nothing was written. */
  refused?: Overwrite;
}

/**
 * Checks a workplan file and, when it is valid, writes its meetings and workshops as an iCalendar
 * file beside its documents. Why the unique-ids rule runs too: UIDs come from ids, and a calendar
 * app keeps only one of two events that share a UID, so a duplicated id would silently drop one.
 */
export async function calendar(file: string, options: CalendarOptions = {}): Promise<CalendarReport> {
  const cwd = options.cwd ?? process.cwd();
  const report = await check(file, { cwd, ...(options.settings ? { settings: options.settings } : {}) });
  const none = { events: [], artifact: undefined, written: [], unchanged: [] };
  if (!isValid(report)) return { ...report, ...none };
  const { workplan, source } = report;
  // Loaded here: only this use case needs the iCalendar writer.
  const [{ lintWorkplan }, { uniqueIds }, { buildView }, { planCalendar }, { formatIcs }] = await Promise.all([
    import("../lint/lint-workplan.js"),
    import("../lint/rules/unique-ids.js"),
    import("../render/view.js"),
    import("../calendar/plan-calendar.js"),
    import("../calendar/format-ics.js"),
  ]);
  const ids = lintWorkplan({ source, workplan, previous: undefined, glossary: EMPTY_GLOSSARY, config: DEFAULT_CONFIG, rules: [uniqueIds] });
  const diagnostics = [...report.diagnostics, ...ids.diagnostics.filter((d) => d.ruleId === uniqueIds.meta.id)];
  const clash = options.claims && claimOutputs(options.claims, file, planOutput(workplan, source), options.settings?.config);
  if (clash) diagnostics.push(clash);
  if (hasErrors(diagnostics)) return { ...report, diagnostics, ...none };

  const view = buildView(workplan);
  const events = planCalendar(workplan, view);
  const stamp = options.timestamp ?? new Date(`${view.firstDay}T00:00:00Z`);
  const text = formatIcs(events, { name: `${workplan.forum} workplan ${workplan.period.label}`, stamp });
  const artifact: Artifact = { path: `${view.period}/${view.fileStem}.ics`, bytes: new TextEncoder().encode(text) };
  if (options.write === false) return { ...report, diagnostics, events, artifact, written: [], unchanged: [] };
  const outDir = options.outDir ?? inProject(placeOf(options), OUT_DIR);
  const refused = await overwrittenInput([join(outDir, artifact.path)], [file, ...(options.inputs ?? [])], { cwd, root: options.root });
  if (refused) return { ...report, diagnostics, events, artifact, written: [], unchanged: [], refused };
  const { written, unchanged } = await writeArtifacts([artifact], resolve(cwd, outDir), { cwd });
  return { ...report, diagnostics, events, artifact, written, unchanged };
}
