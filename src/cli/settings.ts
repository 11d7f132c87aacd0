import { loadSettings, type LintSettings } from "../index.js";
import { paintFor, type Io } from "./io.js";
import type { CommandPlace } from "./project.js";
import { formatReports } from "./report.js";

/**
 * Loads the project's ctwg.config.yaml and glossary for a command, printing their problems.
 * Undefined when they have errors: linting with a half-read configuration would report the wrong
 * things. With `glossaryNote`, a project without a glossary is said once, on standard error: the
 * acronym rules then judge each plan alone, and their advice differs.
 */
export async function settingsFor(
  io: Io,
  place: CommandPlace,
  color: boolean,
  options: { configFile?: string | undefined; glossaryNote?: boolean } = {},
): Promise<LintSettings | undefined> {
  const settings = await loadSettings(place, options.configFile);
  const paint = paintFor(io, "stderr", color);
  if (options.glossaryNote && settings.glossaryFile === undefined) {
    const where =
      place.marker === undefined
        ? "no project here or above (no ctwg.config.yaml, no workplans/ folder; --root names one)"
        : "the project has no workplans/glossary.yaml";
    io.stderr.write(`${paint.info("note:")} linted without a glossary: ${where}, so acronyms are checked against each plan alone\n`);
  }
  if (settings.diagnostics.length === 0) return settings;
  const files = [...new Set(settings.diagnostics.map((d) => d.file))];
  const reports = files.map((file) => ({
    file,
    text: settings.sources.get(file),
    workplan: undefined,
    diagnostics: settings.diagnostics.filter((d) => d.file === file),
  }));
  io.stderr.write(formatReports(reports, "pretty", paint));
  if (!settings.diagnostics.some((d) => d.severity === "error")) return settings;
  io.stderr.write("ctwg: the lint configuration or the glossary has errors; fix them first\n");
  return undefined;
}
