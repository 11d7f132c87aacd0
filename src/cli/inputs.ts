import { workplanFiles } from "../index.js";
import type { CommandPlace } from "./project.js";
import { UsageError } from "./usage-error.js";

/**
 * The files a command works on: each year or file given, every workplan in each folder given, or,
 * with no arguments, every `YEAR.yaml` in the project's `workplans/`. None is a usage error, which
 * outside any project says how to start one.
 */
export async function inputFiles(args: readonly string[], place: CommandPlace): Promise<string[]> {
  const found = await workplanFiles(args, place);
  if (found.problem === undefined) return found.files;
  if (place.marker === undefined && args.length === 0) {
    throw new UsageError(
      "no workplans found: no ctwg.config.yaml nor workplans/ folder here or in a folder above; `ctwg init` starts a project here, or give the path of a plan",
    );
  }
  throw new UsageError(found.problem);
}
