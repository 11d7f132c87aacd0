import { didYouMean } from "../diagnostics/did-you-mean.js";
import type { Diagnostic, Span } from "../diagnostics/diagnostic.js";
import type { Workplan } from "../model/schema.js";
import { locate, locateRange, locateWithin } from "../parse/locate.js";
import type { SourceFile } from "../parse/parse-workplan.js";
import type { LintConfig } from "./config.js";
import { fixEdits } from "./fix.js";
import type { Glossary } from "../model/glossary.js";
import type { Finding, Rule, TextEdit } from "./rule.js";
import { RULES } from "./rules/index.js";
import { findSuppressions } from "./suppressions.js";
import { walkWorkplan } from "./walk-workplan.js";

export interface LintInput {
  source: SourceFile;
  workplan: Workplan;
  previous: Workplan | undefined;
  glossary: Glossary;
  config: LintConfig;
  rules?: readonly Rule[];
  /** Work out the text edits of fixable findings (for --fix); skipped otherwise, as it costs. */
  withFixes?: boolean;
}

export interface LintResult {
  diagnostics: Diagnostic[];
  /** The edits that fix fixable findings, one group a finding. */
  fixes: TextEdit[][];
}

/**
 * Runs the lint rules on a valid workplan. Rules report data paths; here they become positions, take
 * their configured severity, meet suppression comments, and get their fixes as text edits. A
 * suppression that silenced nothing is itself reported, so stale ones do not pile up.
 */
export function lintWorkplan(input: LintInput): LintResult {
  const { source, workplan, config } = input;
  const rules = input.rules ?? RULES;
  const suppressions = findSuppressions(source.text);
  const diagnostics: Diagnostic[] = [];
  const fixes: TextEdit[][] = [];

  // Why a bucket a rule: the diagnostics come out rule by rule, in the rules' order, whatever order the walk found them in.
  const runs = rules.flatMap((rule) => {
    const setting = config.rules[rule.meta.id] ?? rule.meta.severity;
    return setting === "off" ? [] : [{ rule, setting, findings: [] as Finding[] }];
  });
  const visitors = runs.map(({ rule, findings }) =>
    rule.create({ workplan, file: source.file, previous: input.previous, glossary: input.glossary, report: (f) => findings.push(f) }),
  );
  walkWorkplan(workplan, visitors);

  for (const { rule, setting, findings } of runs) {
    for (const finding of findings) {
      const span = spanOf(source, finding);
      const forRule = suppressions.filter((s) => s.ruleId === rule.meta.id);
      const keyLine = forRule.length > 0 ? locate(source, finding.path, "key")?.start.line : undefined;
      const suppression = forRule.find((s) => s.target === "file" || s.target === span?.start.line || s.target === keyLine);
      if (suppression) {
        suppression.used = true;
        continue;
      }
      diagnostics.push({
        ruleId: rule.meta.id,
        severity: setting,
        message: finding.message,
        file: source.file,
        path: finding.path,
        ...(span ? { span } : {}),
        ...(finding.hint ? { hint: finding.hint } : {}),
        ...(finding.related ? { related: finding.related.map((r) => ({ ...r, ...optionalSpan(locate(source, r.path)) })) } : {}),
      });
      const edits = finding.fix && input.withFixes ? fixEdits(source, finding.fix) : undefined;
      if (edits) fixes.push(edits);
    }
  }

  const ids = rules.map((rule) => rule.meta.id);
  for (const suppression of suppressions) {
    const span = {
      start: { line: suppression.line, column: suppression.column },
      end: { line: suppression.line, column: suppression.column + 1 },
    };
    if (!ids.includes(suppression.ruleId)) {
      const suggestion = didYouMean(suppression.ruleId, ids);
      diagnostics.push({
        ruleId: "lint/unknown-rule",
        severity: "warning",
        message: `the suppression names \`${suppression.ruleId}\`, which is not a lint rule`,
        file: source.file,
        path: [],
        span,
        hint: suggestion ? `did you mean \`${suggestion}\`?` : "`ctwg lint --help` lists the rules",
      });
    } else if (!suppression.used && config.rules[suppression.ruleId] !== "off") {
      diagnostics.push({
        ruleId: "lint/unused-suppression",
        severity: "warning",
        message: `this comment suppresses \`${suppression.ruleId}\`, but ${suppression.target === "file" ? "the file" : `line ${suppression.target}`} has no such finding`,
        file: source.file,
        path: [],
        span,
        hint: "remove the comment",
      });
    }
  }
  return { diagnostics, fixes };
}

function spanOf(source: SourceFile, finding: Finding): Span | undefined {
  if (finding.at) return locateRange(source, finding.path, finding.at.start, finding.at.end);
  if (finding.needle) return locateWithin(source, finding.path, finding.needle);
  return locate(source, finding.path);
}

const optionalSpan = (span: Span | undefined) => (span ? { span } : {});
