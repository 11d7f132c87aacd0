import type { Severity } from "./diagnostic.js";

/**
 * What a rule says about itself: listed by `ctwg lint --help`, described by `--format sarif`, and
 * the ids "did you mean" picks from. Why here and not in lint/: the formatters describe the built-in
 * checks too, and must not import the linter to do it.
 */
export interface RuleMeta {
  id: string;
  /** The severity unless ctwg.config.yaml sets another. */
  severity: Severity;
  /** One sentence: what the rule checks. */
  description: string;
  /** Why it matters and how to fix a finding. */
  help: string;
  /** `--fix` can repair its findings. */
  fixable: boolean;
}
