import { z } from "zod";
import { WorkplanFile } from "./schema.js";

/**
 * The JSON Schema editors use to complete and check workplan files, generated from the zod schema so
 * the two cannot drift. Why `io: "input"`: a key with a default may be left out of the file.
 */
export function workplanJsonSchema(): string {
  const schema = z.toJSONSchema(WorkplanFile, { io: "input", unrepresentable: "any" });
  const document = {
    $schema: schema.$schema,
    title: "APEC work plan",
    description: "The work plan of an APEC forum, for one year or a span of years, compiled by ctwg.",
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== "$schema")),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
