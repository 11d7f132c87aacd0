import { access } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { CONFIG_FILE, DEFAULT_CONFIG, parseConfig, type LintConfig } from "../lint/config.js";
import { EMPTY_GLOSSARY, parseGlossary, type Glossary } from "../model/glossary.js";
import { RULES } from "../lint/rules/index.js";
import { readSource } from "./read-source.js";
import { WORKPLANS_DIR } from "./resolve-inputs.js";

/** The shared glossary's file name, in the workplans folder. */
export const GLOSSARY_FILE = "glossary.yaml";

export interface LintSettings {
  config: LintConfig;
  glossary: Glossary;
  /** The texts of the files read, for code frames of their diagnostics. */
  sources: Map<string, string>;
  diagnostics: Diagnostic[];
}

const exists = (path: string) => access(path).then(() => true, () => false);

/**
 * Reads ctwg.config.yaml (or the file given) and workplans/glossary.yaml from the working directory.
 * Both are optional: without them every rule keeps its default severity and the glossary rules stay
 * quiet. A broken file is reported like a broken workplan.
 */
export async function loadLintSettings(cwd: string, configFile?: string): Promise<LintSettings> {
  const settings: LintSettings = { config: DEFAULT_CONFIG, glossary: EMPTY_GLOSSARY, sources: new Map(), diagnostics: [] };
  const configPath = configFile ?? CONFIG_FILE;
  if (configFile !== undefined || (await exists(resolve(cwd, configPath)))) {
    const read = await readSource(configPath, cwd);
    settings.diagnostics.push(...read.diagnostics);
    if (read.value !== undefined) {
      settings.sources.set(configPath, read.value);
      const parsed = parseConfig(read.value, configPath, RULES.map((rule) => rule.meta.id));
      settings.diagnostics.push(...parsed.diagnostics);
      if (parsed.value) settings.config = parsed.value;
    }
  }
  const glossaryPath = join(WORKPLANS_DIR, GLOSSARY_FILE);
  if (await exists(resolve(cwd, glossaryPath))) {
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
