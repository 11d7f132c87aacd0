import type { Command } from "commander";
import { hasErrors } from "../../diagnostics/diagnostic.js";
import { calendar } from "../../index.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { inputFiles } from "../inputs.js";
import { paintFor, type Io } from "../io.js";
import { placeFor } from "../project.js";
import { formatReports } from "../report.js";
import { settingsFor } from "../settings.js";
import { UsageError } from "../usage-error.js";
import { shownPath, sourceDateEpoch } from "../shared-options.js";
import { overwriteError, refuseStdoutOntoInput } from "./refusals.js";

interface CalendarFlags {
  out?: string;
  stdout?: boolean;
}

/** `ctwg calendar [inputs...]`: write each workplan's meetings and workshops as an iCalendar file. */
export function registerCalendar(program: Command, io: Io, setExit: (code: ExitCode) => void): void {
  program
    .command("calendar")
    .description("write the meetings and workshops of workplans as an iCalendar (.ics) file")
    .argument("[inputs...]", "years (2017) or paths to workplan files; default: every workplans/YEAR.yaml")
    .option("-o, --out <dir>", "output folder; each calendar goes to <dir>/<year>/ (default: out/ in the project's root)")
    .option("--stdout", "print the calendar of the one workplan given instead of writing it")
    .addHelpText(
      "after",
      "\nEvents are all-day; those known only to the month, or marked tbc, are tentative. Each keeps its UID\n" +
        "(year and deliverable id) across rebuilds, so calendar apps update it. SOURCE_DATE_EPOCH, when set,\n" +
        "is the DTSTAMP (default: the cover meeting's first day).\n\n" +
        "Examples:\n  ctwg calendar 2017             writes out/2017/2017_som1_sce-cow_002.ics\n  ctwg calendar 2017 --stdout > ctwg-2017.ics",
    )
    .action(async (args: string[], flags: CalendarFlags) => {
      const timestamp = sourceDateEpoch(io.env.SOURCE_DATE_EPOCH);
      const place = placeFor(io, program.opts().root);
      const files = await inputFiles(args, place);
      await refuseStdoutOntoInput(io, place, files);
      if (flags.stdout && files.length !== 1)
        throw new UsageError("--stdout prints the calendar of one workplan: ctwg calendar 2017 --stdout");
      const settings = await settingsFor(io, place, program.opts().color);
      if (!settings) return setExit(EXIT.failure);
      const stderrPaint = paintFor(io, "stderr", program.opts().color);
      const stdoutPaint = paintFor(io, "stdout", program.opts().color);
      let failed = false;
      const claims = new Map();
      for (const file of files) {
        const write = !flags.stdout;
        const report = await calendar(file, {
          cwd: place.cwd,
          root: place.root,
          ...(flags.out !== undefined ? { outDir: flags.out } : {}),
          write,
          settings,
          inputs: files,
          claims,
          ...(timestamp ? { timestamp } : {}),
        });
        if (report.refused)
          throw overwriteError(
            flags.out !== undefined ? `--out ${flags.out}` : "ctwg calendar",
            report.refused,
            "choose an output folder that holds no plan nor a link to one (--out DIR)",
          );
        const errors = report.diagnostics.filter((d) => d.severity === "error");
        if (errors.length > 0) io.stderr.write(formatReports([{ ...report, diagnostics: errors }], "pretty", stderrPaint));
        if (hasErrors(report.diagnostics) || !report.artifact) {
          io.stderr.write(`${stderrPaint.error("✖")} ${file}: no calendar written, fix the errors above\n`);
          failed = true;
          continue;
        }
        if (!write) io.stdout.write(new TextDecoder().decode(report.artifact.bytes));
        const count = `${report.events.length} event${report.events.length === 1 ? "" : "s"}`;
        for (const path of report.written) io.stdout.write(`${stdoutPaint.bold("✓")} wrote ${shownPath(path, place)} (${count})\n`);
        for (const path of report.unchanged) io.stdout.write(`${stdoutPaint.dim("=")} unchanged ${shownPath(path, place)}\n`);
      }
      setExit(failed ? EXIT.problems : EXIT.ok);
    });
}
