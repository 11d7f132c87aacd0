import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { workplanJsonSchema } from "../../src/model/json-schema.js";
import { ROOT } from "../support/workplan.js";

describe("workplanJsonSchema", () => {
  const generated = workplanJsonSchema();

  it("equals the committed workplans/workplan.schema.json", () => {
    const committed = readFileSync(join(ROOT, "workplans", "workplan.schema.json"), "utf8");
    expect(generated, "the JSON Schema is out of date: run `npx ctwg schema > workplans/workplan.schema.json`").toBe(committed);
  });

  it("describes a strict mapping with the workplan's keys, where defaulted and optional parts are optional", () => {
    const schema = JSON.parse(generated);
    expect(schema.title).toBe("APEC work plan");
    expect(schema.type).toBe("object");
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toEqual([
      "year",
      "period",
      "status",
      "forum",
      "profile",
      "document",
      "cover",
      "title",
      "introduction",
      "crossCutting",
      "deliverables",
    ]);
    expect(schema.required).toEqual(["cover", "title"]);
    expect(schema.properties.cover.required).toEqual(["title"]);
    expect(schema.properties.status.enum).toEqual(["draft", "tabled", "interim", "updated", "endorsed", "final"]);
    // Editors complete the layout too: its columns' fields and the numbering styles.
    const layout = schema.properties.document.properties;
    expect(layout.columns.items.properties.field.enum).toContain("owner");
    expect(layout.numbering.enum).toEqual(["arabic", "roman", "none"]);
  });
});
