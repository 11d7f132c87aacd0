import { didYouMean } from "../diagnostics/did-you-mean.js";
import type { Result } from "../diagnostics/diagnostic.js";
import { locate } from "../parse/locate.js";
import type { SourceFile } from "../parse/parse-workplan.js";
import { BUILT_IN_PROFILES, mergeShapes, type DocumentShapeInput } from "./document-shape.js";
import { PERIOD_PATTERN, WorkplanFile, type Period, type Workplan } from "./schema.js";
import { validateSource } from "./validate-source.js";

/** Profiles by name: the built-in ones and those a configuration file adds. */
export type Profiles = Readonly<Record<string, DocumentShapeInput>>;

/**
 * Checks a parsed workplan file against the file format, then decides what the file leaves to its
 * profile: the period it covers, and its layout (the built-in one, then the forum's profile, then
 * the plan's own `document:`), so every later stage reads one settled plan.
 */
export function validateWorkplan(source: SourceFile, profiles: Profiles = BUILT_IN_PROFILES): Result<Workplan> {
  const validated = validateSource(source, {
    schema: WorkplanFile,
    name: "workplan",
    expected: "a workplan: a mapping of keys (year, cover, …)",
    emptyHint: "start from an existing year, e.g. copy workplans/2017.yaml",
  });
  const file = validated.value;
  if (!file) return { value: undefined, diagnostics: validated.diagnostics };
  const named = file.profile;
  const profileName = named ?? file.forum.toLowerCase();
  if (named !== undefined && !profiles[named]) {
    const suggestion = didYouMean(named, Object.keys(profiles));
    const span = locate(source, ["profile"]);
    return {
      value: undefined,
      diagnostics: [
        {
          ruleId: "schema/unknown-profile",
          severity: "error",
          message: `there is no profile \`${named}\`; the profiles are ${Object.keys(profiles)
            .map((p) => `\`${p}\``)
            .join(", ")}`,
          file: source.file,
          path: ["profile"],
          ...(span ? { span } : {}),
          hint: suggestion ? `did you mean \`${suggestion}\`?` : "define it under `profiles:` in ctwg.config.yaml",
        },
      ],
    };
  }
  const { year: _year, period: _period, document, introduction, crossCutting, ...rest } = file;
  const period = periodOf(file);
  const workplan: Workplan = {
    ...rest,
    year: period.start,
    period,
    document: mergeShapes(profiles[profileName], document),
    introduction: introduction ?? { paragraphs: [], steps: [] },
    crossCutting: { lead: crossCutting?.lead, areas: crossCutting?.areas ?? [] },
  };
  return { value: workplan, diagnostics: validated.diagnostics };
}

function periodOf(file: { year?: number | undefined; period?: string | undefined }): Period {
  if (file.year !== undefined) return { start: file.year, end: file.year, label: String(file.year) };
  const [, start, end] = PERIOD_PATTERN.exec(file.period!)!;
  return { start: Number(start), end: Number(end), label: file.period! };
}
