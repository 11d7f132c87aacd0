// The folders the workloads run in: each a copy of what ctwg expects to find, inside the scratch folder.
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../cli-under-test.mjs";

/** A folder holding workplans/ with the glossary and the given plans, as ctwg expects to find it. */
export function project(bench, name, plans = {}) {
  const dir = join(bench.scratch, name);
  mkdirSync(join(dir, "workplans"), { recursive: true });
  copyFileSync(join(ROOT, "workplans", "glossary.yaml"), join(dir, "workplans", "glossary.yaml"));
  for (const [file, text] of Object.entries(plans)) writeFileSync(join(dir, "workplans", file), text);
  return dir;
}

/** A `before` step that removes a build's outputs, so the next run writes them as a first build does. */
export const clean = (path) => () => rmSync(path, { recursive: true, force: true });
