import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, expectTypeOf, it, vi } from "vitest";
import { NO_PAINT, type Paint } from "../../src/diagnostics/formatters/formatter.js";
import { diffWorkplans } from "../../src/diff/diff-workplans.js";
import { DIFF_FORMAT_IDS, DIFF_FORMATS, type DiffFormatter } from "../../src/diff/formats/index.js";
import { compile, ROOT, workplan2017 } from "../support/workplan.js";

// Records whether the renderer's Handlebars environment was loaded; it is the module that loads Handlebars.
const loaded = vi.hoisted(() => ({ handlebars: false }));
vi.mock("../../src/render/handlebars-env.js", async (original) => {
  loaded.handlebars = true;
  return original();
});

const file = join("test", "fixtures", "diff", "2018.yaml");
const diff = diffWorkplans(workplan2017(), compile(readFileSync(join(ROOT, file), "utf8"), file).workplan!);
const plain = { paint: NO_PAINT, colour: false };

describe("the diff formats registry", () => {
  // First, before anything loads the html format: the others must not pull in Handlebars.
  it("loads Handlebars only for the html format", async () => {
    for (const id of ["text", "md", "json"] as const) await (await DIFF_FORMATS[id]())(diff, plain);
    expect(loaded.handlebars).toBe(false);
    await (await DIFF_FORMATS.html())(diff, plain);
    expect(loaded.handlebars).toBe(true);
  });

  it("has one formatter per id, each a function of the diff and the options", async () => {
    expect(Object.keys(DIFF_FORMATS)).toEqual([...DIFF_FORMAT_IDS]);
    expectTypeOf(DIFF_FORMATS.text).toEqualTypeOf<() => Promise<DiffFormatter>>();
    expectTypeOf(DIFF_FORMATS.docx).toEqualTypeOf<() => Promise<DiffFormatter<Uint8Array>>>();
    const formatters = await Promise.all(DIFF_FORMAT_IDS.map((id) => DIFF_FORMATS[id]()));
    expect(new Set(formatters).size).toBe(DIFF_FORMAT_IDS.length);
    for (const [i, format] of formatters.entries()) {
      expect(typeof format, DIFF_FORMAT_IDS[i]).toBe("function");
      expect(format.length, DIFF_FORMAT_IDS[i]).toBeLessThanOrEqual(2);
      const out = await format(diff, plain);
      if (DIFF_FORMAT_IDS[i] === "docx") {
        // A Word file: a zip archive, whose first bytes are "PK".
        expect(out instanceof Uint8Array && Buffer.from(out.subarray(0, 2)).toString(), "docx").toBe("PK");
        continue;
      }
      expect(typeof out, DIFF_FORMAT_IDS[i]).toBe("string");
      expect((out as string).endsWith("\n"), DIFF_FORMAT_IDS[i]).toBe(true);
    }
  });

  it("paints the terminal format with the paint it is given, and strikes with colour only when told", async () => {
    const tag = (name: string) => (text: string) => `<${name}>${text}</${name}>`;
    const paint = Object.fromEntries(Object.keys(NO_PAINT).map((key) => [key, tag(key)])) as unknown as Paint;
    const text = await DIFF_FORMATS.text();
    const coloured = await text(diff, { paint, colour: true });
    expect(coloured).toContain("<bold>--- 2017</bold>");
    expect(coloured).toContain("<deleted>Review</deleted><inserted>Implementation</inserted>");
    const bracketed = await text(diff, { paint, colour: false });
    expect(bracketed).toContain("[-Review-]{+Implementation+}");
    expect(bracketed).not.toContain("<deleted>");
  });

  it("prints the JSON format's public fields only, not the plans or their alignment", async () => {
    const json = JSON.parse(await (await DIFF_FORMATS.json())(diff, plain));
    expect(Object.keys(json)).toEqual(["format", "before", "after", "summary", "changes"]);
    expect(diff.plans.after.year).toBe(2018);
    expect(diff.alignment.deliverables.matches.length).toBeGreaterThan(0);
  });
});
