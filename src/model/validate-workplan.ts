import type { Result } from "../diagnostics/diagnostic.js";
import type { SourceFile } from "../parse/parse-workplan.js";
import { Workplan } from "./schema.js";
import { validateSource } from "./validate-source.js";

/** Checks a parsed workplan file against the file format. */
export function validateWorkplan(source: SourceFile): Result<Workplan> {
  return validateSource(source, {
    schema: Workplan,
    name: "workplan",
    expected: "a workplan: a mapping of keys (year, cover, …)",
    emptyHint: "start from an existing year, e.g. copy workplans/2017.yaml",
  });
}
