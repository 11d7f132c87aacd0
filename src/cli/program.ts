import { Command, CommanderError } from "commander";
import { registerBuild } from "./commands/build.js";
import { registerCalendar } from "./commands/calendar.js";
import { registerCompletion } from "./commands/completion.js";
import { registerDiff } from "./commands/diff.js";
import { registerImport } from "./commands/import.js";
import { registerInit } from "./commands/init.js";
import { registerLint } from "./commands/lint.js";
import { registerNew } from "./commands/new.js";
import { registerPreview } from "./commands/preview.js";
import { registerSchema } from "./commands/schema.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import { processIo, type Io } from "./io.js";
import { UsageError } from "./usage-error.js";
import { VERSION } from "./version.js";

/** Builds the commander program; commands report their exit code through `setExit`. */
export function createProgram(io: Io, setExit: (code: ExitCode) => void): Command {
  const program = new Command("ctwg")
    .description("Compile APEC work plans: YAML in, checked, out as Markdown, HTML, PDF and Word, and Word edits back in.")
    .version(VERSION)
    .option("--root <dir>", "the project's root folder (default: the nearest folder upward with ctwg.config.yaml or workplans/)")
    .option("--no-color", "print without colour (also NO_COLOR=1)")
    .option("--verbose", "show stack traces of internal errors")
    .showHelpAfterError("(run ctwg --help for usage)")
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .addHelpText(
      "after",
      "\nA year (2017) is workplans/2017.yaml in the project: the nearest folder upward with ctwg.config.yaml\n" +
        "or workplans/, wherever in it ctwg is run.\n\n" +
        "Examples:\n  ctwg init                    start a project in an empty folder\n  ctwg build 2017              write out/2017/*.md, .html, .pdf and .docx\n  ctwg lint                    check every workplan in workplans/\n  ctwg diff 2017 --base main   what a branch changes in the 2017 plan",
    );
  registerInit(program, io, setExit);
  registerBuild(program, io, setExit);
  registerLint(program, io, setExit);
  registerDiff(program, io, setExit);
  registerImport(program, io, setExit);
  registerNew(program, io, setExit);
  registerPreview(program, io, setExit);
  registerSchema(program, io, setExit);
  registerCalendar(program, io, setExit);
  registerCompletion(program, io, setExit);
  for (const command of program.commands) command.exitOverride().configureOutput(program.configureOutput());
  return program;
}

/**
 * Runs the CLI and returns its exit code; never calls process.exit, so tests run it in-process.
 * Why the catch-all: a user's mistake is always a diagnostic, so anything thrown here is either a
 * usage error or a bug, and a bug says so instead of printing a bare stack trace.
 */
export async function run(argv: readonly string[], io: Io = processIo()): Promise<ExitCode> {
  let code: ExitCode = EXIT.ok;
  const program = createProgram(io, (c) => (code = c));
  try {
    await program.parseAsync([...argv], { from: "user" });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      const benign = ["commander.helpDisplayed", "commander.version", "commander.help"];
      return benign.includes(error.code) ? EXIT.ok : EXIT.failure;
    }
    if (error instanceof UsageError) {
      io.stderr.write(`ctwg: ${error.message}\n`);
      return EXIT.failure;
    }
    const verbose = argv.includes("--verbose");
    const message = error instanceof Error ? error.message : String(error);
    const io_error = (error as NodeJS.ErrnoException)?.code;
    if (io_error && /^E[A-Z]+$/.test(io_error)) {
      io.stderr.write(`ctwg: ${message}\n`);
    } else {
      io.stderr.write(
        `ctwg: internal error, this is a bug: ${message} (please report it with the command and the workplan that caused it${verbose ? "" : ", and what the same command prints with --verbose"})\n`,
      );
    }
    if (verbose && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return EXIT.failure;
  }
}
