import { readdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { inProject, type Place, WORKPLANS_DIR } from "./project.js";

export { WORKPLANS_DIR };

/** A year (`2017`) or a period (`2018-2022`): the name of a workplan file in the workplans folder. */
const YEAR = /^\d{4}(?:-\d{4})?$/;

/** Where the API stands when it is given no place: the working directory is the project's root. */
const HERE: Place = { cwd: ".", root: "." };

/**
 * Turns command-line arguments into workplan files: `2017` is the project's `workplans/2017.yaml`,
 * `2018-2022` is `workplans/2018-2022.yaml`, anything else is a path from where the user stands.
 * Why only years: an argument is never glued into a path unless it is a year or a period, so
 * `../../etc/passwd` is read as the path it is, and reported if it is not a workplan.
 */
export function resolveInput(argument: string, place: Place = HERE): { file: string; year: number | undefined } {
  if (YEAR.test(argument)) return { file: inProject(place, WORKPLANS_DIR, `${argument}.yaml`), year: Number(argument.slice(0, 4)) };
  return { file: argument, year: undefined };
}

/** Every workplan in the project's workplans folder: files named `YEAR.yaml` or `YEAR-YEAR.yaml`, in year order. */
export async function listWorkplans(place: Place): Promise<string[]> {
  const folder = inProject(place, WORKPLANS_DIR);
  let names: string[];
  try {
    names = await readdir(resolve(place.cwd, place.root, WORKPLANS_DIR));
  } catch {
    return [];
  }
  return names
    .filter((name) => /^\d{4}(?:-\d{4})?\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(folder, name));
}
