import { access } from "node:fs/promises";
import { resolve } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { CONFIG_FILE, DEFAULT_CONFIG, parseConfig, type LintConfig } from "../lint/config.js";
import { EMPTY_GLOSSARY, parseGlossary, type Glossary } from "../model/glossary.js";
import { RULES } from "../lint/rules/index.js";
import { readSource } from "./read-source.js";
import { inProject, placeOf, WORKPLANS_DIR, type Place } from "./project.js";

/** The shared glossary's file name, in the workplans folder. */
export const GLOSSARY_FILE = "glossary.yaml";

export interface LintSettings {
  config: LintConfig;
  glossary: Glossary;
  /** The texts of the files read, for code frames of their diagnostics. */
  sources: Map<string, string>;
  diagnostics: Diagnostic[];
  /** The glossary read, as shown from where the user stands; undefined when the project has none. */
  glossaryFile?: string | undefined;
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/**
 * Reads the project's ctwg.config.yaml (or the file given, from where the user stands) and its
 * workplans/glossary.yaml. Both are optional: without them every rule keeps its default severity
 * and the glossary rules stay quiet. A broken file is reported like a broken workplan.
 */
export async function loadLintSettings(where: Place | string, configFile?: string): Promise<LintSettings> {
  const place = typeof where === "string" ? placeOf({ cwd: where }) : where;
  const { cwd } = place;
  const settings: LintSettings = { config: DEFAULT_CONFIG, glossary: EMPTY_GLOSSARY, sources: new Map(), diagnostics: [] };
  const configPath = configFile ?? inProject(place, CONFIG_FILE);
  if (configFile !== undefined || (await exists(resolve(cwd, configPath)))) {
    const read = await readSource(configPath, cwd);
    settings.diagnostics.push(...read.diagnostics.map(asConfigProblem));
    if (read.value !== undefined) {
      settings.sources.set(configPath, read.value);
      const parsed = parseConfig(
        read.value,
        configPath,
        RULES.map((rule) => rule.meta.id),
      );
      settings.diagnostics.push(...parsed.diagnostics);
      if (parsed.value) settings.config = parsed.value;
    }
  }
  const glossaryPath = inProject(place, WORKPLANS_DIR, GLOSSARY_FILE);
  if (await exists(resolve(cwd, glossaryPath))) {
    settings.glossaryFile = glossaryPath;
    const read = await readSource(glossaryPath, cwd);
    settings.diagnostics.push(...read.diagnostics);
    if (read.value !== undefined) {
      settings.sources.set(glossaryPath, read.value);
      const parsed = parseGlossary(read.value, glossaryPath);
      settings.diagnostics.push(...parsed.diagnostics);
      if (parsed.value) settings.glossary = parsed.value;
    }
  }
  return settings;
}

/**
 * A configuration file that cannot be read, said as such: the reader's words are a workplan's
 * ("give a year"), which mislead about a file named with --config.
 */
function asConfigProblem(diagnostic: Diagnostic): Diagnostic {
  if (diagnostic.ruleId === "input/not-found") {
    return {
      ...diagnostic,
      message: `the configuration file ${diagnostic.file} does not exist`,
      hint: `check the path given with --config, or leave --config out to use the project's ${CONFIG_FILE}`,
    };
  }
  if (diagnostic.ruleId === "input/not-yaml") {
    return {
      ...diagnostic,
      message: `${diagnostic.file} is not a configuration file: ctwg's configuration is YAML`,
      hint: `name a .yaml file, like ${CONFIG_FILE}`,
    };
  }
  return diagnostic;
}
