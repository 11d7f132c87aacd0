import { readdir, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { GLOSSARY_FILE } from "../load/lint-settings.js";
import { inProject, placeOf, type Place } from "../load/project.js";
import { listWorkplans, resolveInput, WORKPLANS_DIR } from "../load/resolve-inputs.js";

export { resolveInput, WORKPLANS_DIR };

/** The workplan files named by arguments, or why there are none. */
export type WorkplanFiles = { files: string[]; problem?: undefined } | { files?: undefined; problem: string };

/**
 * The files a command works on: each year or file given, every workplan in each folder given, or,
 * with no arguments, every `YEAR.yaml` in the project's `workplans/`. Paths are as seen from where
 * the user stands (a string place is a working directory that is its own project root). A missing
 * or unreadable file is kept: its reader reports it as a diagnostic.
 */
export async function workplanFiles(args: readonly string[], where: Place | string): Promise<WorkplanFiles> {
  const place = typeof where === "string" ? placeOf({ cwd: where }) : where;
  const { cwd } = place;
  if (args.length === 0) {
    const files = await listWorkplans(place);
    if (files.length === 0)
      return { problem: `no workplans found: ${inProject(place, WORKPLANS_DIR)}/ holds no YEAR.yaml file; give a year or a path` };
    return { files };
  }
  const files: string[] = [];
  for (const arg of args) {
    const { file } = resolveInput(arg, place);
    const stats = await stat(resolve(cwd, file)).catch(() => undefined);
    if (!stats?.isDirectory()) {
      files.push(file);
      continue;
    }
    const names = (await readdir(resolve(cwd, file))).filter((name) => /\.ya?ml$/.test(name) && name !== GLOSSARY_FILE).sort();
    if (names.length === 0) return { problem: `${file} holds no workplan: no .yaml file in it` };
    files.push(...names.map((name) => join(file, name)));
  }
  return { files };
}
