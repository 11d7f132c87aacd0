import type { Diagnostic, Span } from "../diagnostics/diagnostic.js";
import type { LintConfig } from "../lint/config.js";
import { outputKey, planOutputName, type PlanOutputName } from "../model/file-stem.js";
import type { Workplan } from "../model/schema.js";
import { locate } from "../parse/locate.js";
import type { SourceFile } from "../parse/parse-workplan.js";

/** Where a plan's files go below the output folder, and where in its text the name comes from. */
export interface PlanOutput {
  name: PlanOutputName;
  span?: Span;
}

/** A valid plan's output name, with the position of the key that names it. */
export function planOutput(workplan: Workplan, source: SourceFile): PlanOutput {
  const name = planOutputName(workplan);
  const span = locate(source, name.namedBy);
  return span ? { name, span } : { name };
}

/** The plans of one run by the key of their outputs, so a second plan with the same key is caught before it writes. */
export type OutputClaims = Map<string, { file: string; name: PlanOutputName }>;

const RULE_ID = "file-name";

/**
 * Claims a plan's outputs for it in this run, or reports the plan whose outputs it would overwrite.
 * Why names are compared without case: macOS and Windows do, so `2017/A.md` and `2017/a.md` are one
 * file there. The `file-name` rule's configured severity applies; `off` only claims.
 */
export function claimOutputs(claims: OutputClaims, file: string, output: PlanOutput, config?: LintConfig): Diagnostic | undefined {
  for (const [key, claim] of claims) if (claim.file === file) claims.delete(key);
  const key = outputKey(output.name);
  const other = claims.get(key);
  if (!other) {
    claims.set(key, { file, name: output.name });
    return undefined;
  }
  const setting = config?.rules[RULE_ID] ?? "error";
  if (setting === "off") return undefined;
  const { period, stem, namedBy } = output.name;
  const mine = `${period}/${stem}.*`;
  const theirs = `${other.name.period}/${other.name.stem}.*`;
  const message =
    mine === theirs
      ? `this plan's outputs, ${mine}, have the names of those of ${other.file}: one would overwrite the other`
      : `this plan's outputs, ${mine}, differ only in case from those of ${other.file} (${theirs}): one would overwrite the other on macOS and Windows`;
  return {
    ruleId: RULE_ID,
    severity: setting,
    message,
    file,
    path: namedBy,
    ...(output.span ? { span: output.span } : {}),
    hint: `give each plan its own ${String(namedBy.at(-1))}: the files are named after it, in lowercase, with _ for anything but letters, digits and -`,
  };
}

/** Adds to each report, in order, the clash of its outputs with an earlier one's: the check across the plans of one run. */
export function addOutputClashes(
  reports: readonly { file: string; diagnostics: Diagnostic[]; output?: PlanOutput }[],
  config?: LintConfig,
): void {
  const claims: OutputClaims = new Map();
  for (const report of reports) {
    const clash = report.output && claimOutputs(claims, report.file, report.output, config);
    if (clash) report.diagnostics.push(clash);
  }
}
