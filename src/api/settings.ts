import { CONFIG_FILE } from "../lint/config.js";
import { RULES } from "../lint/rules/index.js";
import type { RuleMeta } from "../diagnostics/rule-meta.js";
import { GLOSSARY_FILE } from "../load/lint-settings.js";
import { inProject, WORKPLANS_DIR, type Place } from "../load/project.js";

export { loadLintSettings as loadSettings, type LintSettings } from "../load/lint-settings.js";

/** What every lint rule says about itself, in the order they run: for help texts and report formats. */
export const LINT_RULES: readonly RuleMeta[] = RULES.map((rule) => rule.meta);

/**
 * The files besides the plans that change what a command reports: the project's glossary and lint
 * configuration, as shown from where the user stands. A command that watches plans watches these
 * too, and reads them again when they change.
 */
export function settingsFiles(place: Place): string[] {
  return [inProject(place, WORKPLANS_DIR, GLOSSARY_FILE), inProject(place, CONFIG_FILE)];
}
