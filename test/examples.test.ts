import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { build, lintFiles, loadSettings, workplanFiles } from "../src/index.js";
import { expectHtmlGolden } from "./support/html-golden.js";
import { ROOT } from "./support/workplan.js";

const EXAMPLES = join(ROOT, "examples");
const names = readdirSync(EXAMPLES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

// Golden files: update with `npx vitest run test/examples.test.ts -u`, then read test/fixtures/examples/ like code.
describe("the example plans of other shapes", () => {
  it("are at least three", () => expect(names.length).toBeGreaterThanOrEqual(3));

  for (const name of names) {
    describe(name, () => {
      const cwd = join(EXAMPLES, name);

      it("lints clean: no finding at all, with no suppression comment", async () => {
        const settings = await loadSettings(cwd);
        expect(settings.diagnostics).toEqual([]);
        const { files } = await workplanFiles([], cwd);
        expect(files?.length).toBeGreaterThan(0);
        const reports = await lintFiles(files!, { cwd, settings });
        expect(reports.flatMap((r) => r.diagnostics)).toEqual([]);
        for (const report of reports) expect(report.text).not.toMatch(/ctwg-disable/);
      });

      it("builds to its golden Markdown and HTML, and a PDF", async () => {
        const settings = await loadSettings(cwd);
        const { files } = await workplanFiles([], cwd);
        for (const file of files!) {
          const report = await build(file, { cwd, settings, write: false });
          expect(report.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
          const [md, html, pdf] = report.artifacts;
          const golden = (artifact: { path: string }) =>
            join(ROOT, "test", "fixtures", "examples", name, artifact.path.replace(/\//g, "_"));
          await expect(new TextDecoder().decode(md!.bytes)).toMatchFileSnapshot(golden(md!));
          await expectHtmlGolden(new TextDecoder().decode(html!.bytes), golden(html!));
          expect(new TextDecoder().decode(pdf!.bytes.subarray(0, 5))).toBe("%PDF-");
        }
      });
    });
  }
});
