import type { Command } from "commander";
import { workplanSchema } from "../../index.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import type { Io } from "../io.js";
import { placeFor } from "../project.js";
import { refuseStdoutOntoInput } from "./refusals.js";

/** `ctwg schema`: print the JSON Schema of the workplan format. */
export function registerSchema(program: Command, io: Io, setExit: (code: ExitCode) => void): void {
  program
    .command("schema")
    .description("print the JSON Schema of the workplan file format (for editors)")
    .addHelpText("after", "\nExample:\n  ctwg schema > workplans/workplan.schema.json")
    .action(async () => {
      await refuseStdoutOntoInput(io, placeFor(io, program.opts().root), []);
      io.stdout.write(await workplanSchema());
      setExit(EXIT.ok);
    });
}
