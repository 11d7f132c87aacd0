import { overwrittenInput, stdoutOverwrites, type Overwrite } from "../../index.js";
import type { Io } from "../io.js";
import type { CommandPlace } from "../project.js";
import { UsageError } from "../usage-error.js";

/**
 * The usage error for an output that would replace a file ctwg reads or keeps: `flag` as given
 * (`--output workplans/2017.yaml`), the file it would replace, and what to do instead.
 */
export function overwriteError(flag: string, overwrite: Overwrite, instead: string): UsageError {
  const as = overwrite.target === overwrite.input ? "" : ` (as ${overwrite.target})`;
  return new UsageError(
    `${flag} would replace the ${overwrite.kind} ${overwrite.input}${as}, which ctwg reads; nothing was written: ${instead}`,
  );
}

/**
 * Refuses to run when standard output is a file ctwg reads or keeps (`ctwg lint 2017 > workplans/2017.yaml`).
 * Why only a refusal: the shell empties the file it redirects to before ctwg starts, so the plan
 * may already be lost; ctwg can only stop before writing there, and say how to get it back.
 */
export async function refuseStdoutOntoInput(io: Io, place: CommandPlace, inputs: readonly string[], configFile?: string): Promise<void> {
  const overwrite = await stdoutOverwrites(io.stdoutFile?.(), inputs, { cwd: place.cwd, root: place.root, configFile });
  if (!overwrite) return;
  throw new UsageError(
    `standard output is the ${overwrite.kind} ${overwrite.input}, which ctwg reads, so nothing was written to it; ` +
      `a shell redirect with > emptied it before ctwg started: restore it (git restore ${overwrite.input}) and redirect to another file`,
  );
}

/** Refuses an output file that is a file ctwg reads or keeps, before the command does anything. */
export async function refuseOutputOntoInput(
  place: CommandPlace,
  flag: string,
  file: string,
  inputs: readonly string[],
  instead: string,
  configFile?: string,
): Promise<void> {
  const overwrite = await overwrittenInput([file], inputs, { cwd: place.cwd, root: place.root, configFile });
  if (overwrite) throw overwriteError(flag, overwrite, instead);
}
