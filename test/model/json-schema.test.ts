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

  it("describes a strict mapping with the workplan's keys, where defaulted keys are optional", () => {
    const schema = JSON.parse(generated);
    expect(schema.title).toBe("CTWG workplan");
    expect(schema.type).toBe("object");
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toEqual(["year", "status", "forum", "cover", "title", "introduction", "crossCutting", "deliverables"]);
    expect(schema.required).toEqual(expect.arrayContaining(["year", "cover", "title", "introduction", "crossCutting", "deliverables"]));
    expect(schema.required).not.toContain("forum");
    expect(schema.required).not.toContain("status");
    expect(schema.properties.cover.properties.purpose.enum).toEqual(["Information", "Consideration", "Endorsement", "Approval", "Discussion"]);
  });
});
