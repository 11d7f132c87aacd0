import type { Command } from "commander";
import { NO_PAINT } from "../../diagnostics/formatters/formatter.js";
import { build, loadSettings, settingsFiles } from "../../index.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { inputFiles } from "../inputs.js";
import { paintFor, type Io } from "../io.js";
import { placeFor } from "../project.js";
import { formatReports } from "../report.js";
import { UsageError } from "../usage-error.js";
import { watchFiles } from "../watch-files.js";
import { refuseStdoutOntoInput } from "./refusals.js";

interface PreviewOptions {
  port: string;
  timeline: boolean;
}

/** `ctwg preview 2017`: the HTML document in the browser, updated on every save. */
export function registerPreview(program: Command, io: Io, setExit: (code: ExitCode) => void): void {
  program
    .command("preview")
    .description("serve the HTML document on 127.0.0.1 and reload it in the browser on every save")
    .argument("<input>", "a year (2017) or a workplan file")
    .option("-p, --port <port>", "port to listen on (0: any free port)", "0")
    .option("--no-timeline", "leave out the timeline of the year's events")
    .addHelpText("after", "\nExample:\n  ctwg preview 2017            prints the address to open; Ctrl-C stops")
    .action(async (input: string, options: PreviewOptions) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port takes a port number, not "${options.port}"`);
      if (!io.signal) throw new UsageError("preview runs until stopped, and needs a terminal to stop it from");
      const place = placeFor(io, program.opts().root);
      const [file] = await inputFiles([input], place);
      if (file === undefined) throw new UsageError(`preview shows one workplan: give a year or a file, not "${input}"`);
      await refuseStdoutOntoInput(io, place, [file]);
      // Loaded here, not above: only this command needs an HTTP server.
      const { diagnosticsPage, withReloadScript } = await import("../../preview/preview-page.js");
      const { startPreviewServer } = await import("../../preview/preview-server.js");
      const render = async (): Promise<{ page: string; ok: boolean; broken?: string }> => {
        // The glossary and configuration are read again each time: they may be what was just saved.
        const settings = await loadSettings(place);
        const settingsErrors = settings.diagnostics.filter((d) => d.severity === "error");
        if (settingsErrors.length > 0) {
          const reports = [...new Set(settingsErrors.map((d) => d.file))].map((f) => ({
            file: f,
            text: settings.sources.get(f),
            workplan: undefined,
            diagnostics: settingsErrors.filter((d) => d.file === f),
          }));
          const broken = reports.map((r) => r.file).join(", ");
          return { page: diagnosticsPage(broken, formatReports(reports, "pretty", NO_PAINT)), ok: false, broken };
        }
        const report = await build(file, {
          cwd: place.cwd,
          root: place.root,
          formats: ["html"],
          write: false,
          timeline: options.timeline,
          settings,
        });
        const errors = report.diagnostics.filter((d) => d.severity === "error");
        if (errors.length === 0 && report.artifacts[0])
          return { page: withReloadScript(new TextDecoder().decode(report.artifacts[0].bytes)), ok: true };
        return {
          page: diagnosticsPage(file, formatReports([{ ...report, diagnostics: errors }], "pretty", NO_PAINT)),
          ok: false,
          broken: file,
        };
      };
      const paint = paintFor(io, "stdout", program.opts().color);
      const first = await render();
      const server = await startPreviewServer(port, first.page);
      try {
        io.stdout.write(`${paint.bold("Previewing")} ${file} at ${server.url}  ${paint.dim("(Ctrl-C stops)")}\n`);
        if (!first.ok) io.stdout.write(`${paint.warning("!")} ${first.broken} has errors; the page shows them\n`);
        const watched = [file, ...settingsFiles(place)];
        const update = async () => {
          const next = await render();
          server.update(next.page);
          io.stdout.write(
            next.ok ? `${paint.bold("✓")} updated\n` : `${paint.warning("!")} ${next.broken} has errors; the page shows them\n`,
          );
        };
        await watchFiles(watched, place.cwd, update, io.signal, (error) =>
          io.stderr.write(`ctwg: could not update the preview: ${String(error)}\n`),
        );
      } finally {
        await server.close();
      }
      io.stdout.write("stopped\n");
      setExit(EXIT.ok);
    });
}
