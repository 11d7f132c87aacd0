import { z } from "zod";
import { didYouMean, editDistance } from "../diagnostics/did-you-mean.js";
import type { Diagnostic, Result, Severity } from "../diagnostics/diagnostic.js";
import { MAX_REPORTED, notReported } from "../diagnostics/report-limit.js";
import { describeValue, formatPath } from "../model/describe-value.js";
import { DocumentShapeInput } from "../model/document-shape.js";
import { validateSource } from "../model/validate-source.js";
import { locate } from "../parse/locate.js";
import { parseWorkplan, type SourceFile } from "../parse/parse-workplan.js";

/** The configuration file looked for in the working directory. */
export const CONFIG_FILE = "ctwg.config.yaml";

export type RuleSetting = Severity | "off";

/** The settings a rule may be given, as the file writes them. */
export const RULE_SETTINGS = ["error", "warning", "info", "off"] as const satisfies readonly RuleSetting[];

/**
 * What other linters' configurations write for a setting, and the setting meant: ESLint's `warn`
 * and its numbers 0, 1 and 2 (off, warn, error) most of all. Why only suggested, never accepted:
 * the file format stays one spelling a setting, so every configuration reads the same.
 */
const SETTING_ALIASES: ReadonlyMap<string, RuleSetting> = new Map([
  ["warn", "warning"],
  ["err", "error"],
  ["information", "info"],
  ["none", "off"],
  ["false", "off"],
  ["0", "off"],
  ["1", "warning"],
  ["2", "error"],
]);

/** What ctwg.config.yaml may say: per rule, a severity or off; and the forums' layout profiles. */
export const ConfigFile = z.strictObject({
  lint: z
    .strictObject({
      rules: z.record(z.string(), z.enum(RULE_SETTINGS)).default({}),
    })
    .default({ rules: {} }),
  profiles: z
    .record(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "expected a profile name in lowercase, like ppwe"), DocumentShapeInput)
    .default({})
    .describe("Layout profiles by name: what every plan of a forum shares (headings, numbering, labels, columns)."),
});

export interface LintConfig {
  rules: Readonly<Record<string, RuleSetting>>;
  /** The profiles the file defines, beside the built-in ones; a plan uses the one named after its forum. */
  profiles: Readonly<Record<string, DocumentShapeInput>>;
}

export const DEFAULT_CONFIG: LintConfig = { rules: {}, profiles: {} };

/**
 * Parses and checks a configuration file's text. Each rule under `lint.rules` is checked here
 * rather than by the schema: an unknown rule id gets a "did you mean", and so does a setting that
 * is not one of error, warning, info or off (`warn` → `warning`). Both are reported beside the
 * file's other problems, all at once.
 */
export function parseConfig(text: string, file: string, ruleIds: readonly string[]): Result<LintConfig> {
  const parsed = parseWorkplan(text, file);
  if (!parsed.value) return { value: undefined, diagnostics: parsed.diagnostics };
  const source = parsed.value;
  if (source.data === null) return { value: DEFAULT_CONFIG, diagnostics: [] };
  const rules = rulesWritten(source.data);
  const ruleDiagnostics: Diagnostic[] = [];
  let more = 0;
  const report = (explain: () => Diagnostic) => {
    if (ruleDiagnostics.length < MAX_REPORTED) ruleDiagnostics.push(explain());
    else more += 1;
  };
  for (const [id, setting] of Object.entries(rules ?? {})) {
    if (!ruleIds.includes(id)) report(() => unknownRule(source, id, ruleIds));
    if (!isRuleSetting(setting)) report(() => badSetting(source, id, setting));
  }
  if (more > 0) ruleDiagnostics.push(notReported(file, more, "error", "problems of the rules and their settings"));
  // Why the schema checks the rest without the bad settings: it would report each again, without a "did you mean".
  const validated = validateSource(rules ? withGoodSettingsOnly(source, rules) : source, {
    schema: ConfigFile,
    name: "configuration",
    expected: "a configuration: a mapping with a `lint` section and `profiles`",
    emptyHint: "write `lint: { rules: { stale-date: error } }`",
  });
  const diagnostics = [...validated.diagnostics, ...ruleDiagnostics];
  if (!validated.value || diagnostics.length) return { value: undefined, diagnostics };
  return { value: { rules: validated.value.lint.rules, profiles: validated.value.profiles }, diagnostics: [] };
}

/** The source with its data's `lint.rules` holding only the rules set to error, warning, info or off. */
function withGoodSettingsOnly(source: SourceFile, rules: Record<string, unknown>): SourceFile {
  const data = source.data as { lint: Record<string, unknown> };
  const good = Object.fromEntries(Object.entries(rules).filter(([, setting]) => isRuleSetting(setting)));
  return { ...source, data: { ...data, lint: { ...data.lint, rules: good } } };
}

/** `lint.rules` as written, when it is a mapping; the schema reports it when it is not. */
function rulesWritten(data: unknown): Record<string, unknown> | undefined {
  const lint = isMapping(data) ? data.lint : undefined;
  const rules = isMapping(lint) ? lint.rules : undefined;
  return isMapping(rules) ? rules : undefined;
}

const isMapping = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const isRuleSetting = (value: unknown): value is RuleSetting =>
  typeof value === "string" && (RULE_SETTINGS as readonly string[]).includes(value);

function unknownRule(source: SourceFile, id: string, ruleIds: readonly string[]): Diagnostic {
  const suggestion = didYouMean(id, ruleIds);
  const path = ["lint", "rules", id];
  const span = locate(source, path, "key");
  return {
    ruleId: "config/unknown-rule",
    severity: "error",
    message: `there is no lint rule \`${id}\``,
    file: source.file,
    path,
    ...(span ? { span } : {}),
    hint: suggestion ? `did you mean \`${suggestion}\`?` : "`ctwg lint --help` lists the rules",
  };
}

/** A rule's setting that is not error, warning, info or off, reported at the value, with the setting meant when it can tell. */
function badSetting(source: SourceFile, id: string, setting: unknown): Diagnostic {
  const path = ["lint", "rules", id];
  const span = locate(source, path, "value");
  const suggestion = settingMeant(setting);
  const listed = RULE_SETTINGS.map((s) => `\`${s}\``);
  return {
    ruleId: "schema/invalid-value",
    severity: "error",
    message: `\`${formatPath(path)}\`: expected ${RULE_SETTINGS.slice(0, -1).join(", ")} or ${RULE_SETTINGS.at(-1)!}; found ${describeValue(setting)}`,
    file: source.file,
    path,
    ...(span ? { span } : {}),
    hint: suggestion ? `did you mean \`${suggestion}\`?` : `write ${listed.slice(0, -1).join(", ")} or ${listed.at(-1)!}`,
  };
}

/** The setting a misspelt or borrowed one means (`warn`, `Warning`, `2`), or undefined. */
function settingMeant(setting: unknown): RuleSetting | undefined {
  if (typeof setting !== "string" && typeof setting !== "number" && typeof setting !== "boolean") return undefined;
  const written = String(setting).trim().toLowerCase();
  if (isRuleSetting(written)) return written;
  const alias = SETTING_ALIASES.get(written);
  if (alias) return alias;
  // Why the length check: two edits turn `on` into `off` and `no` into `info`, the opposite of what was meant.
  const near = didYouMean(written, RULE_SETTINGS) as RuleSetting | undefined;
  return near && editDistance(written, near) < written.length ? near : undefined;
}
