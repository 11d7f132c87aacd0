import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse, stringify } from "yaml";
import { hasErrors, type Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { validateWorkplan } from "../../src/model/validate-workplan.js";
import type { Workplan } from "../../src/model/schema.js";
import { parseWorkplan } from "../../src/parse/parse-workplan.js";

/** The package root, wherever the repository is checked out. */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The committed 2017 workplan, as text. */
export const text2017 = () => readFileSync(join(ROOT, "workplans", "2017.yaml"), "utf8");

/** Replaces exactly one occurrence of `from`; throws when the text does not hold it once, so a mutation cannot silently miss. */
export function replaceOnce(text: string, from: string, to: string): string {
  const first = text.indexOf(from);
  if (first === -1) throw new Error(`mutation target not found: ${JSON.stringify(from)}`);
  if (text.indexOf(from, first + 1) !== -1) throw new Error(`mutation target found more than once: ${JSON.stringify(from)}`);
  return text.slice(0, first) + to + text.slice(first + from.length);
}

/** Parses and validates YAML text; the diagnostics of both stages. */
export function compile(text: string, file = "workplan.yaml"): { workplan: Workplan | undefined; diagnostics: Diagnostic[] } {
  const parsed = parseWorkplan(text, file);
  if (!parsed.value || hasErrors(parsed.diagnostics)) return { workplan: undefined, diagnostics: parsed.diagnostics };
  const validated = validateWorkplan(parsed.value);
  return { workplan: validated.value, diagnostics: [...parsed.diagnostics, ...validated.diagnostics] };
}

/** The 2017 workplan, validated; throws if the committed file does not validate. */
export function workplan2017(): Workplan {
  const { workplan, diagnostics } = compile(text2017(), "workplans/2017.yaml");
  if (!workplan) throw new Error(`workplans/2017.yaml does not validate: ${JSON.stringify(diagnostics, null, 2)}`);
  return workplan;
}

/**
 * A plan as plain YAML data, for a test to change anything in it. Why the one `any` of the project:
 * a test edits the data as a writer would, reaching any key without proving first that it is there.
 */
// biome-ignore lint/suspicious/noExplicitAny: raw YAML data, edited freely by tests (see above)
export type PlanData = Record<string, any>;

/** The 2017 data as plain YAML data, to mutate and serialize again. */
export const data2017 = (): PlanData => parse(text2017());

/** Serializes mutated data back to YAML text. */
export const toYaml = (data: unknown) => stringify(data, { lineWidth: 0 });

/** `[ruleId, path]` pairs, the part of a diagnostic unit tests assert. */
export const rulesAndPaths = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => [d.ruleId, d.path] as const);
