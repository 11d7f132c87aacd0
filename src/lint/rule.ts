import type { DataPath } from "../diagnostics/diagnostic.js";
import type { RuleMeta } from "../diagnostics/rule-meta.js";
import type { Glossary } from "../model/glossary.js";
import type { ProseText } from "../model/prose.js";
import type { Deliverable, Event, Workplan } from "../model/schema.js";

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

/** What a rule's `create` receives. */
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

/**
 * The callbacks a rule wants called while the engine walks the plan, all optional. Why visitors:
 * the engine walks the plan once for every rule, in document order, instead of each rule walking it.
 */
export interface RuleVisitors {
  /** Once, before anything else: for checks of the plan as a whole (its year, its cover). */
  workplan?(workplan: Workplan): void;
  /** Every printed text with its path, in document order: the list `proseTexts` gives. */
  text?(text: ProseText): void;
  /** Every cross-cutting area, just before its texts. */
  area?(area: Workplan["crossCutting"]["areas"][number], index: number): void;
  /** Every deliverable, just before its texts. */
  deliverable?(deliverable: Deliverable, index: number): void;
  /** Every deliverable's event, right after its deliverable. */
  event?(event: Event, deliverableIndex: number): void;
  /** Once, after the walk: for rules that collect first and report at the end. */
  done?(): void;
}

/** A lint rule: what it says about itself, the examples its test runs, and the visitors it needs. */
export interface Rule {
  meta: RuleMeta;
  examples: { pass: RuleExample[]; fail: RuleExample[] };
  /** Called once per lint run, before the walk; the visitors it returns close over their run's state. */
  create(context: RuleContext): RuleVisitors;
}

/** Declares a rule; the identity function, for types and a uniform look. */
export const defineRule = (rule: Rule): Rule => rule;
