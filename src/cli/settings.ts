import { loadSettings, type LintSettings } from "../index.js";
import { paintFor, type Io } from "./io.js";
import { formatReports } from "./report.js";

/**
 * Loads ctwg.config.yaml and the glossary for a command, printing their problems. Undefined when
 * they have errors: linting with a half-read configuration would report the wrong things.
 */
export async function settingsFor(io: Io, color: boolean, configFile?: string): Promise<LintSettings | undefined> {
  const settings = await loadSettings(io.cwd, configFile);
  if (settings.diagnostics.length === 0) return settings;
  const files = [...new Set(settings.diagnostics.map((d) => d.file))];
  const reports = files.map((file) => ({
    file,
    text: settings.sources.get(file),
    workplan: undefined,
    diagnostics: settings.diagnostics.filter((d) => d.file === file),
  }));
  io.stderr.write(formatReports(reports, "pretty", paintFor(io, "stderr", color)));
  if (!settings.diagnostics.some((d) => d.severity === "error")) return settings;
  io.stderr.write("ctwg: the lint configuration or the glossary has errors; fix them first\n");
  return undefined;
}
