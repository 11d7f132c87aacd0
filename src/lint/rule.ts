import type { DataPath, Severity } from "../diagnostics/diagnostic.js";
import type { Workplan } from "../model/schema.js";
import type { Glossary } from "../model/glossary.js";

/** What a rule says about itself: shown by `--format sarif`, in docs, and in "did you mean" for rule ids. */
export interface RuleMeta {
  id: string;
  /** The severity unless ctwg.config.yaml sets another. */
  severity: Severity;
  /** One sentence: what the rule checks. */
  description: string;
  /** Why it matters and how to fix a finding. */
  help: string;
}

/** A text edit that fixes a finding: replace `[from, to)` of the source text with `text`. */
export interface TextEdit {
  from: number;
  to: number;
  text: string;
}

/**
 * What a rule reports: where in the data, what is wrong, how to fix it. `at` (characters of the
 * string at `path`) or `needle` (its first occurrence) narrows the position to part of a text;
 * `fix` is a safe, mechanical repair `--fix` may apply.
 */
export interface Finding {
  path: DataPath;
  message: string;
  hint?: string;
  at?: { start: number; end: number };
  needle?: string;
  fix?: FixRequest[];
  related?: { message: string; path: DataPath }[];
}

/** A fix in data terms; the engine turns it into text edits that keep the YAML's comments and layout. */
export type FixRequest =
  /** Replace characters `[start, end)` of the string at `path`. */
  | { kind: "replace-text"; path: DataPath; start: number; end: number; text: string }
  /** Set a boolean key of the mapping at `path`, adding the key if it is missing. */
  | { kind: "set-flag"; path: DataPath; key: string; value: boolean };

/** What a rule's check receives. */
export interface RuleContext {
  workplan: Workplan;
  /** The file as given (`workplans/2017.yaml`), for rules about its name. */
  file: string;
  /** The previous year's workplan, when its file exists and is valid. */
  previous: Workplan | undefined;
  glossary: Glossary;
  report(finding: Finding): void;
}

/** An example a rule's test runs: an edit of the 2017 plan that passes the rule, or fails it. */
export interface RuleExample {
  title: string;
  edit: (workplan: Workplan) => void;
  file?: string;
}

export interface Rule extends RuleMeta {
  check(context: RuleContext): void;
  examples: { pass: RuleExample[]; fail: RuleExample[] };
}

/** Declares a rule; the identity function, for types and a uniform look. */
export const defineRule = (rule: Rule): Rule => rule;
