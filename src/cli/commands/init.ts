import type { Command } from "commander";
import { initProject } from "../../index.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { paintFor, type Io } from "../io.js";
import { formatReports } from "../report.js";
import { UsageError } from "../usage-error.js";

interface InitCommandOptions {
  forum?: string;
  forumName?: string;
  year?: string;
  from?: string;
}

/** `ctwg init [folder]`: a working project in an empty folder, or what is missing in one. */
export function registerInit(program: Command, io: Io, setExit: (code: ExitCode) => void): void {
  program
    .command("init")
    .description("start a project: configuration, glossary, a first plan, the pull-request workflow and editor settings")
    .argument("[folder]", "where to start it", ".")
    .option("--forum <acronym>", "the forum whose plans it keeps (default: CTWG)")
    .option("--forum-name <name>", "the forum's full name (known for the CTWG)")
    .option("--year <year>", "the first plan's year (default: this year)")
    .option("--from <file>", "start from an existing plan file instead of the template (copied as it is)")
    .addHelpText(
      "after",
      "\nNothing that exists is replaced: run again in a project, it adds only what is missing.\n\n" +
        "Examples:\n  ctwg init                                       the CTWG's plans, starting this year\n" +
        '  ctwg init ppwe --forum PPWE --forum-name "Policy Partnership on Women and the Economy" --year 2027\n' +
        "  ctwg init --from ~/Downloads/2017.yaml          a project around a plan you have",
    )
    .action(async (folder: string, options: InitCommandOptions) => {
      if (options.forum !== undefined && !/^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*$/.test(options.forum)) {
        throw new UsageError(
          `--forum takes the forum's acronym in capitals, as its plans write it (CTWG, PPWE, AEG-SEC), not "${options.forum}"`,
        );
      }
      if (options.forumName !== undefined && !options.forumName.trim())
        throw new UsageError("--forum-name takes the forum's full name, as the cover says it");
      if (options.year !== undefined && !/^\d{4}$/.test(options.year))
        throw new UsageError(`--year takes a year of four digits, not "${options.year}"`);
      if (options.from !== undefined && (options.forum !== undefined || options.year !== undefined)) {
        throw new UsageError("--from takes the forum and the year from the plan given: leave --forum and --year out");
      }
      const report = await initProject(folder, {
        cwd: io.cwd,
        ...(options.forum !== undefined && { forum: options.forum }),
        ...(options.forumName !== undefined && { forumName: options.forumName.trim() }),
        ...(options.year !== undefined && { year: Number(options.year) }),
        ...(options.from !== undefined && { from: options.from }),
      });
      if (report.refused === "forum-name-unknown") {
        throw new UsageError(
          `ctwg does not know the ${options.forum ?? "forum"}'s full name: give it with --forum-name "…", as the cover says it`,
        );
      }
      if (report.refused === "from-has-errors" && options.from !== undefined) {
        io.stderr.write(
          formatReports(
            [{ file: options.from, text: undefined, workplan: undefined, diagnostics: report.diagnostics }],
            "pretty",
            paintFor(io, "stderr", program.opts().color),
          ),
        );
        io.stderr.write(`ctwg: ${options.from} has errors; fix them, or start from the template (leave --from out)\n`);
        return setExit(EXIT.problems);
      }
      const paint = paintFor(io, "stdout", program.opts().color);
      const width = Math.max(...[...report.created, ...report.kept].map((f) => f.file.length));
      const lines = [
        ...report.created.map((f) => `${paint.bold("✓")} created ${f.file.padEnd(width)}  ${paint.dim(f.purpose)}`),
        ...report.kept.map((f) => `${paint.dim("=")} kept    ${f.file.padEnd(width)}  ${paint.dim("it exists; left as it is")}`),
      ];
      const plan = report.plan;
      if (!plan) throw new Error("init made a project without naming its plan");
      const into = report.root === "." ? "" : `cd ${report.root} && `;
      const edit = plan.template ? `edit ${plan.file}, a sentence to replace in each part; then ` : "";
      lines.push("", `Next: ${edit}\`${into}ctwg lint\` checks the plan and \`ctwg build ${plan.period}\` writes its documents.`);
      io.stdout.write(`${lines.join("\n")}\n`);
      setExit(EXIT.ok);
    });
}
