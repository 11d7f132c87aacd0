import { workplanFiles } from "../index.js";
import { UsageError } from "./usage-error.js";

/**
 * The files a command works on: each year or file given, every workplan in each folder given, or,
 * with no arguments, every `YEAR.yaml` in `workplans/`. None is a usage error.
 */
export async function inputFiles(args: readonly string[], cwd: string): Promise<string[]> {
  const found = await workplanFiles(args, cwd);
  if (found.problem !== undefined) throw new UsageError(found.problem);
  return found.files;
}
