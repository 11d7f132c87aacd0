import { describe, expect, it } from "vitest";
import { build } from "../../src/index.js";
import { checkGlyphCoverage } from "../../src/lint/glyph-coverage.js";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempProject } from "../support/cli.js";
import { replaceOnce, text2017, workplan2017 } from "../support/workplan.js";

describe("checkGlyphCoverage", () => {
  it("finds nothing to report in the 2017 plan", () => {
    expect(checkGlyphCoverage(workplan2017())).toEqual([]);
  });

  it("accepts Vietnamese, Cyrillic and Greek", () => {
    const workplan = structuredClone(workplan2017());
    workplan.cover.submittedBy = "Việt Nam, Россия, Ελλάδα";
    expect(checkGlyphCoverage(workplan)).toEqual([]);
  });

  it("reports each character the fonts lack, with its data path", () => {
    const workplan = structuredClone(workplan2017());
    workplan.cover.submittedBy = "CTWG Chair 中国";
    const problems = checkGlyphCoverage(workplan);
    expect(problems.map((p) => [p.ruleId, p.path, p.needle])).toEqual([
      ["pdf/missing-glyph", ["cover", "submittedBy"], "中"],
      ["pdf/missing-glyph", ["cover", "submittedBy"], "国"],
    ]);
    expect(problems[0]!.message).toContain("U+4E2D");
  });
});

describe("build with a character the PDF cannot draw", () => {
  it("points at the character in the YAML and writes nothing", async () => {
    const { cwd, cleanup } = tempProject();
    try {
      const file = join("workplans", "2017.yaml");
      writeFileSync(join(cwd, file), replaceOnce(text2017(), "submittedBy: CTWG Chair", "submittedBy: CTWG Chair ไทย"));
      const report = await build(file, { cwd, formats: ["pdf"] });
      expect(report.written).toEqual([]);
      const first = report.diagnostics.find((d) => d.ruleId === "pdf/missing-glyph")!;
      expect(first.ruleId).toBe("pdf/missing-glyph");
      expect(first.span?.start).toEqual({ line: 15, column: 27 });
      const withoutPdf = await build(file, { cwd, formats: ["md", "html"] });
      expect(withoutPdf.written).toHaveLength(2);
    } finally {
      cleanup();
    }
  });
});
