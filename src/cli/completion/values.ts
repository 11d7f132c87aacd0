import type { Severity } from "../../diagnostics/diagnostic.js";
import { FORMATTERS } from "../../diagnostics/formatters/index.js";
import { DIFF_FORMAT_IDS, FORMAT_IDS, WORKPLANS_DIR } from "../../index.js";
import type { CompletionValues, ValueCompletion } from "./spec.js";

/** The shells `ctwg completion` writes a script for. */
export const SHELLS = ["bash", "zsh", "fish"] as const;
export type Shell = (typeof SHELLS)[number];

/** Every severity, which `lint --fail-on` accepts; a record, so a new severity fails to compile until added here. */
const SEVERITIES: Record<Severity, true> = { error: true, warning: true, info: true };

const WORKPLANS: ValueCompletion = { kind: "workplans" };
const choices = (values: readonly string[]): ValueCompletion => ({ kind: "choices", values });

/**
 * What commander's option and argument objects do not say: the closed sets of values (taken from
 * the lists the commands check against, so they cannot drift apart) and what kind of word a
 * positional argument is. Commander's own `choices()` is not used, as it would replace the
 * commands' messages for a wrong value with its own.
 */
export const COMPLETION_VALUES: CompletionValues = {
  options: {
    "lint --format": choices(Object.keys(FORMATTERS)),
    "build --format": { kind: "choices", values: FORMAT_IDS, list: true },
    "diff --format": choices(DIFF_FORMAT_IDS),
    "lint --fail-on": choices(Object.keys(SEVERITIES)),
    "--config": { kind: "files", extensions: ["yaml", "yml"] },
  },
  arguments: {
    inputs: WORKPLANS,
    input: WORKPLANS,
    before: WORKPLANS,
    after: WORKPLANS,
    workplan: WORKPLANS,
    docx: { kind: "files", extensions: ["docx"] },
    folder: { kind: "folders" },
    year: { kind: "none" },
    shell: choices(SHELLS),
    "help command": { kind: "commands" },
  },
  placeholders: {
    file: { kind: "files" },
    dir: { kind: "folders" },
    "year-or-file": WORKPLANS,
  },
  rootOption: "--root",
  // The same markers findProjectRoot looks for (test/cli/completion.test.ts compares the two).
  project: { configFile: "ctwg.config.yaml", workplansDir: WORKPLANS_DIR },
};
