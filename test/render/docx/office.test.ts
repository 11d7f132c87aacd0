import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { diffWorkplans } from "../../../src/diff/diff-workplans.js";
import { formatDiffDocx } from "../../../src/diff/formats/docx.js";
import { NO_PAINT } from "../../../src/diagnostics/formatters/formatter.js";
import { parseGlossary } from "../../../src/model/glossary.js";
import { docx } from "../../../src/render/docx.js";
import { buildView } from "../../../src/render/view.js";
import { fragments, missingFragments, words } from "../../support/fidelity.js";
import { runCli, tempProject } from "../../support/cli.js";
import { convertWithOffice, officeTests } from "../../support/office.js";
import { compile, ROOT, workplan2017 } from "../../support/workplan.js";

const SOURCE = readFileSync(join(ROOT, "test/fixtures/2017/source.txt"), "utf8");
const COLUMNS = [
  "Title",
  "Summary of Specific Plans",
  "Mandate (Leaders/Ministers/SOM/SCE Priorities and Decisions",
  "ECOTECH Priorities and/or Host Year Priorities",
  "Cross-fora collaboration",
];

/** Each page's text and whether it is set across (landscape). */
async function pdfPages(file: string): Promise<{ text: string; landscape: boolean }[]> {
  const document = await getDocument({ data: new Uint8Array(readFileSync(file)), isEvalSupported: false, useSystemFonts: false }).promise;
  const pages: { text: string; landscape: boolean }[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const page = await document.getPage(n);
    const { width, height } = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    pages.push({
      text: content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : " ") : "")).join(""),
      landscape: width > height,
    });
  }
  return pages;
}

const documentXml = (file: string) => new TextDecoder().decode(unzipSync(new Uint8Array(readFileSync(file)))["word/document.xml"]);

// One LibreOffice start a conversion, shared by the cases that read it.
officeTests("the Word documents, as LibreOffice reads them", (soffice) => {
  let dir: string;
  let pages: { text: string; landscape: boolean }[];
  let redlineBack: string;
  let buildBack: string;
  let buildBackFile: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "ctwg-docx-office-"));
    const build = join(dir, "build.docx");
    // With the glossary, as `ctwg build` makes it in a project that has one.
    const glossary = parseGlossary(readFileSync(join(ROOT, "workplans/glossary.yaml"), "utf8"), "workplans/glossary.yaml").value!;
    writeFileSync(build, (await docx.render(buildView(workplan2017(), { glossary }))) as Uint8Array);
    const later = compile(readFileSync(join(ROOT, "test/fixtures/diff/2018.yaml"), "utf8"), "2018.yaml").workplan!;
    const redline = join(dir, "redline.docx");
    writeFileSync(
      redline,
      await formatDiffDocx(diffWorkplans(workplan2017(), later, { beforeLabel: "2017", afterLabel: "2018" }), {
        paint: NO_PAINT,
        colour: false,
        author: "CTWG Chair",
      }),
    );
    const [pdf] = await convertWithOffice(soffice, [build], "pdf", join(dir));
    pages = await pdfPages(pdf!);
    const backDir = mkdtempSync(join(dir, "back-"));
    const back = await convertWithOffice(soffice, [build, redline], "docx", backDir);
    buildBackFile = back[0]!;
    [buildBack, redlineBack] = back.map(documentXml) as [string, string];
  }, 240_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints the whole source document: at least 99 in 100 of its fragments", () => {
    const missing = missingFragments(SOURCE, pages.map((p) => p.text).join("\n"));
    const total = fragments(SOURCE).length;
    expect((total - missing.length) / total, `missing:\n${missing.join("\n")}`).toBeGreaterThanOrEqual(0.99);
  });

  it("sets the itemized table across the page, its five column headings on every page of it", () => {
    const tablePages = pages.filter((page) => page.landscape);
    expect(tablePages.length).toBeGreaterThanOrEqual(2);
    expect(pages[0]!.landscape).toBe(false);
    for (const [n, page] of tablePages.entries()) {
      const seen = ` ${words(page.text).join(" ")} `;
      for (const column of COLUMNS) expect(seen, `table page ${n + 1}: ${column}`).toContain(` ${words(column).join(" ")} `);
    }
    // The rows themselves are on those pages, not elsewhere.
    expect(words(tablePages.map((p) => p.text).join(" ")).join(" ")).toContain(words("Agree on CTWG Strategic Plan 2018-2022").join(" "));
  });

  it("counts the pages in the footer: Page N of M", () => {
    pages.forEach((page, i) => {
      expect(page.text).toContain(`Page ${i + 1} of ${pages.length}`);
    });
  });

  it("keeps every bookmark through a round trip, so edits can come back", () => {
    const names = (xml: string) => new Set([...xml.matchAll(/<w:bookmarkStart [^>]*w:name="(ctwg_[^"]+)"/g)].map((m) => m[1]));
    const ours = names(new TextDecoder().decode(unzipSync(new Uint8Array(readFileSync(join(dir, "build.docx"))))["word/document.xml"]));
    expect(names(buildBack)).toEqual(ours);
  });

  it("sees the redline's marks as tracked changes, by their author", () => {
    const by = (kind: "ins" | "del") => (redlineBack.match(new RegExp(`<w:${kind} [^>]*w:author="CTWG Chair"`, "g")) ?? []).length;
    expect(by("ins")).toBeGreaterThan(20);
    expect(by("del")).toBeGreaterThan(20);
    expect(redlineBack).toMatch(/<w:delText[^>]*>Nha<\/w:delText>/);
  });

  it("imports the file LibreOffice saved again with nothing to carry back and nothing lost", async () => {
    const project = tempProject();
    try {
      copyFileSync(buildBackFile, join(project.cwd, "saved.docx"));
      const result = await runCli(["import", "saved.docx", "2017"], project.cwd);
      expect(result.stderr).not.toMatch(/^(error|warning)/m);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toBe("");
    } finally {
      project.cleanup();
    }
  });
});
