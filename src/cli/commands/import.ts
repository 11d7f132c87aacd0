import type { Command } from "commander";
import { NO_PAINT } from "../../diagnostics/formatters/formatter.js";
import { formatDiff, importDocx } from "../../index.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { paintFor, type Io } from "../io.js";
import { placeFor } from "../project.js";
import { formatReports } from "../report.js";
import { settingsFor } from "../settings.js";

interface ImportCommandOptions {
  write?: boolean;
  timeline: boolean;
}

/** `ctwg import FILE.docx`: the edits made in Word, back into the workplan's YAML. */
export function registerImport(program: Command, io: Io, setExit: (code: ExitCode) => void): void {
  program
    .command("import")
    .description("carry the edits made in a Word file that ctwg built back into its workplan")
    .argument("<docx>", "the edited .docx (built with ctwg build --format docx)")
    .argument("[workplan]", "the workplan it is of: a year or a path (default: the one the Word file names)")
    .option("--write", "apply the edits to the workplan file, in place (only the words that changed)")
    .option("--no-timeline", "the Word file was built with --no-timeline")
    .addHelpText(
      "after",
      "\nTracked changes still in the file count as accepted: insertions are taken, deletions dropped.\n" +
        "What cannot be carried back (a new paragraph, formatting, a deleted row) is reported with its\nplace in the Word file; the rest is applied. Exit 1 when something was reported.\n\n" +
        "Examples:\n  ctwg import edited.docx               what the edits change, as ctwg diff shows it\n  ctwg import edited.docx --write       apply them to workplans/2017.yaml",
    )
    .action(async (docx: string, workplan: string | undefined, options: ImportCommandOptions) => {
      const place = placeFor(io, program.opts().root);
      const settings = await settingsFor(io, place, program.opts().color);
      if (!settings) return setExit(EXIT.failure);
      const report = await importDocx(docx, {
        cwd: place.cwd,
        root: place.root,
        settings,
        write: Boolean(options.write),
        timeline: options.timeline,
        ...(workplan !== undefined && { workplan }),
      });
      if (report.diff) {
        const paint = paintFor(io, "stdout", program.opts().color);
        io.stdout.write(await formatDiff(report.diff, "text", { paint, colour: paint !== NO_PAINT }));
      }
      if (report.diagnostics.length)
        io.stderr.write(
          formatReports(
            [{ file: report.docx, text: undefined, workplan: undefined, diagnostics: report.diagnostics }],
            "pretty",
            paintFor(io, "stderr", program.opts().color),
          ),
        );
      const count = report.edits.length;
      if (report.written) io.stderr.write(`✓ ${report.file}: ${count} ${count === 1 ? "text" : "texts"} changed from ${docx}\n`);
      else if (count)
        io.stderr.write(`${count} ${count === 1 ? "text" : "texts"} to change in ${report.file}; run again with --write to apply\n`);
      else if (!report.diagnostics.some((d) => d.severity === "error")) io.stderr.write(`${docx}: no edits to carry back\n`);
      setExit(report.diagnostics.some((d) => d.severity === "error") ? EXIT.problems : EXIT.ok);
    });
}
