import { z } from "zod";
import { didYouMean } from "../diagnostics/did-you-mean.js";
import type { Diagnostic, Result, Severity } from "../diagnostics/diagnostic.js";
import { DocumentShapeInput } from "../model/document-shape.js";
import { validateSource } from "../model/validate-source.js";
import { locate } from "../parse/locate.js";
import { parseWorkplan } from "../parse/parse-workplan.js";

/** The configuration file looked for in the working directory. */
export const CONFIG_FILE = "ctwg.config.yaml";

export type RuleSetting = Severity | "off";

/** What ctwg.config.yaml may say: per rule, a severity or off; and the forums' layout profiles. */
export const ConfigFile = z.strictObject({
  lint: z
    .strictObject({
      rules: z.record(z.string(), z.enum(["error", "warning", "info", "off"])).default({}),
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

/** Parses and checks a configuration file's text; an unknown rule id gets a "did you mean". */
export function parseConfig(text: string, file: string, ruleIds: readonly string[]): Result<LintConfig> {
  const parsed = parseWorkplan(text, file);
  if (!parsed.value) return { value: undefined, diagnostics: parsed.diagnostics };
  if (parsed.value.data === null) return { value: DEFAULT_CONFIG, diagnostics: [] };
  const validated = validateSource(parsed.value, {
    schema: ConfigFile,
    name: "configuration",
    expected: "a configuration: a mapping with a `lint` section and `profiles`",
    emptyHint: "write `lint: { rules: { stale-date: error } }`",
  });
  if (!validated.value) return { value: undefined, diagnostics: validated.diagnostics };
  const diagnostics: Diagnostic[] = [];
  for (const id of Object.keys(validated.value.lint.rules)) {
    if (ruleIds.includes(id)) continue;
    const suggestion = didYouMean(id, ruleIds);
    const span = locate(parsed.value, ["lint", "rules", id], "key");
    diagnostics.push({
      ruleId: "config/unknown-rule",
      severity: "error",
      message: `there is no lint rule \`${id}\``,
      file,
      path: ["lint", "rules", id],
      ...(span ? { span } : {}),
      hint: suggestion ? `did you mean \`${suggestion}\`?` : "`ctwg lint --help` lists the rules",
    });
  }
  return { value: diagnostics.length ? undefined : { rules: validated.value.lint.rules, profiles: validated.value.profiles }, diagnostics };
}
