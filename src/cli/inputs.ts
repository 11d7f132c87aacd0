import { listWorkplans, resolveInput, WORKPLANS_DIR } from "../load/resolve-inputs.js";
import { UsageError } from "./usage-error.js";

/** The files a command works on: the years or paths given, or every workplan in `workplans/`. */
export async function inputFiles(args: readonly string[], cwd: string): Promise<string[]> {
  if (args.length > 0) return args.map((arg) => resolveInput(arg).file);
  const files = await listWorkplans(cwd);
  if (files.length === 0) throw new UsageError(`no workplans found: ${WORKPLANS_DIR}/ holds no YEAR.yaml file here; give a year or a path`);
  return files;
}
