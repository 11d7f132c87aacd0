import { readdir } from "node:fs/promises";
import { join } from "node:path";

/** The folder, relative to the working directory, that holds one YAML file a year. */
export const WORKPLANS_DIR = "workplans";

/** A year (`2017`) or a period (`2018-2022`): the name of a workplan file in the workplans folder. */
const YEAR = /^\d{4}(?:-\d{4})?$/;

/**
 * Turns command-line arguments into workplan files: `2017` is `workplans/2017.yaml`, `2018-2022`
 * is `workplans/2018-2022.yaml`, anything else is a path. Why only years: an argument is never glued
 * into a path unless it is a year or a period, so `../../etc/passwd` is read as the path it is, and
 * reported if it is not a workplan.
 */
export function resolveInput(argument: string): { file: string; year: number | undefined } {
  if (YEAR.test(argument)) return { file: join(WORKPLANS_DIR, `${argument}.yaml`), year: Number(argument.slice(0, 4)) };
  return { file: argument, year: undefined };
}

/** Every workplan in the workplans folder: files named `YEAR.yaml` or `YEAR-YEAR.yaml`, in year order. */
export async function listWorkplans(cwd: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(join(cwd, WORKPLANS_DIR));
  } catch {
    return [];
  }
  return names
    .filter((name) => /^\d{4}(?:-\d{4})?\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(WORKPLANS_DIR, name));
}
