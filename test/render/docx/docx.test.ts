import { readFileSync } from "node:fs";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { docx } from "../../../src/render/docx.js";
import { bookmarkName, bookmarkPath } from "../../../src/render/docx/bookmark-names.js";
import { parseGlossary } from "../../../src/model/glossary.js";
import { buildView } from "../../../src/render/view.js";
import { compile, replaceOnce, ROOT, text2017, workplan2017 } from "../../support/workplan.js";

/** The parts of a Word file by name, as text. */
function parts(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, new TextDecoder().decode(data)]));
}

const render = async (view = buildView(workplan2017()), options = {}) => (await docx.render(view, options)) as Uint8Array;

describe("the Word document of the 2017 plan", async () => {
  const bytes = await render();
  const files = parts(bytes);
  const body = files["word/document.xml"]!;

  it("is a Word package: content types first, the document, styles, numbering, a footer and the properties", () => {
    expect(Object.keys(files)[0]).toBe("[Content_Types].xml");
    for (const part of [
      "word/document.xml",
      "word/styles.xml",
      "word/numbering.xml",
      "word/footer1.xml",
      "docProps/core.xml",
      "docProps/app.xml",
      "docProps/custom.xml",
    ])
      expect(files, part).toHaveProperty([part]);
  });

  it("uses Word's own styles: Title, Heading 1 and 2, List Paragraph", () => {
    for (const style of ["Title", "Heading1", "Heading2", "ListParagraph"]) {
      expect(files["word/styles.xml"]).toContain(`w:styleId="${style}"`);
      expect(body).toContain(`<w:pStyle w:val="${style}"/>`);
    }
    expect(body).toMatch(/<w:pStyle w:val="Heading1"\/>.*?Expected Outcomes\/Deliverables for 2017/);
  });

  it("numbers the deliverables with Word numbering, not typed numbers", () => {
    expect(files["word/numbering.xml"]).toContain('<w:lvlText w:val="1.%1"/>');
    const list = body.slice(body.indexOf("Expected Outcomes/Deliverables for 2017"), body.indexOf("Meetings and workshops in 2017"));
    const items = list.split("<w:p>").filter((p) => p.includes("<w:numPr>"));
    expect(items).toHaveLength(8);
    for (const item of items) expect(item).not.toMatch(/<w:t[^>]*>1\.\d/);
    expect(items[0]).toContain("Hold 9th Counter Terrorism Working Group (CTWG) Meeting in Nha Trang");
  });

  it("sets the itemized table in a landscape section, its header row repeating and no row breaking across pages", () => {
    expect(body).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    const table = body.slice(body.indexOf("Itemized Work Plans for 2017"));
    const header = table.slice(0, table.indexOf("</w:tr>"));
    expect(header).toContain("<w:tblHeader/>");
    for (const title of [
      "Title",
      "Summary of Specific Plans",
      "Mandate (Leaders/Ministers/SOM/SCE",
      "ECOTECH Priorities",
      "Cross-fora collaboration",
    ])
      expect(header).toContain(title);
    const rows = table.slice(0, table.indexOf("</w:tbl>")).split("<w:tr>").slice(1);
    expect(rows).toHaveLength(1 + buildView(workplan2017()).plans!.rows.length);
    for (const row of rows) expect(row).toContain("<w:cantSplit/>");
  });

  it("prints Page N of M as fields in the footer", () => {
    const footer = files["word/footer1.xml"]!;
    expect(footer).toContain("Page ");
    expect(footer).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
    expect(footer).toMatch(/<w:instrText[^>]*>NUMPAGES<\/w:instrText>/);
  });

  it("carries the document properties: title, subject (the symbol), author, keywords, the language and the meeting date", () => {
    const core = files["docProps/core.xml"]!;
    expect(core).toContain("<dc:title>Counter-Terrorism Working Group Proposed Workplan for 2017</dc:title>");
    expect(core).toContain("<dc:subject>2017/SOM1/SCE-COW/002</dc:subject>");
    expect(core).toContain("<dc:creator>CTWG Chair</dc:creator>");
    expect(core).toMatch(/<cp:keywords>APEC, CTWG, .*2017\/SOM1\/SCE-COW\/002<\/cp:keywords>/);
    expect(core).toContain(">2017-02-28T00:00:00Z</dcterms:created>");
    expect(core).toContain(">2017-02-28T00:00:00Z</dcterms:modified>");
    expect(files["word/styles.xml"]).toContain('<w:lang w:val="en"/>');
    expect(files["docProps/custom.xml"]).toContain('name="ctwg.period"');
  });

  it("draws the timeline as a table and prints the acronym annex where the other formats have them", async () => {
    const timeline = body.slice(body.indexOf("Expected Outcomes/Deliverables"), body.indexOf("Meetings and workshops in 2017"));
    expect(timeline).toMatch(/<w:tbl>.*>Jan<.*>Dec<.*>1\.1 9th CTWG meeting, Nha Trang</);
    expect(body).not.toContain("Annex: Acronyms");
    const glossary = parseGlossary(readFileSync(join(ROOT, "workplans/glossary.yaml"), "utf8"), "workplans/glossary.yaml").value!;
    const withAnnex = parts(await render(buildView(workplan2017(), { glossary })))["word/document.xml"]!;
    const annex = withAnnex.slice(withAnnex.indexOf("Annex: Acronyms"));
    expect(annex).toContain("<w:tblHeader/>");
    expect(annex).toMatch(/>APEC<.*>Asia-Pacific Economic Cooperation</);
  });

  it("tracks no change in an ordinary build", () => {
    expect(body).not.toMatch(/<w:(ins|del) /);
    expect(files["word/settings.xml"]).not.toContain("trackRevisions");
  });

  it("gives the same bytes for the same input, however many documents the process has made", async () => {
    const again = await render();
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
    const stamped = await render(undefined, { timestamp: new Date("2020-01-02T03:04:05Z") });
    expect(parts(stamped)["docProps/core.xml"]).toContain(">2020-01-02T03:04:05Z</dcterms:created>");
  });

  it("bookmarks every workplan string once, under a name that spells its path", () => {
    const names = [...body.matchAll(/<w:bookmarkStart w:name="([^"]+)" w:id="(\d+)"\/>/g)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThanOrEqual(100);
    expect(new Set(names).size).toBe(names.length);
    const ids = [...body.matchAll(/<w:bookmarkStart [^>]*w:id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(names).toContain("ctwg_CT");
    expect(names).toContain("ctwg_D0X");
    // A deliverable's words printed again as its row's title are marked again.
    expect(names.filter((name) => /^ctwg_D\d+X_2$/.test(name)).length).toBeGreaterThan(0);
    for (const name of names) expect(name.length, name).toBeLessThanOrEqual(40);
  });
});

describe("bookmark names", () => {
  it("spell a path and read back to it", () => {
    const path = ["deliverables", 12, "plan", "collaboration", 2, "list", 3, "items", 1, "text", 0, "em"];
    const name = bookmarkName(path)!;
    expect(name).toBe("ctwg_D12PCo2Li3It1X0E");
    expect(bookmarkPath(name)).toEqual({ path, occurrence: 1 });
    expect(bookmarkPath(bookmarkName(path, 2)!)).toEqual({ path, occurrence: 2 });
  });

  it("leave out a path Word could not name, and read no bookmark ctwg did not write", () => {
    expect(bookmarkName(["unknown", 1])).toBeUndefined();
    expect(bookmarkName(Array.from({ length: 30 }, (_, i) => (i % 2 ? i : "items")))).toBeUndefined();
    expect(bookmarkPath("_GoBack")).toBeUndefined();
    expect(bookmarkPath("ctwg_Zz1")).toBeUndefined();
    expect(bookmarkPath("ctwg_")).toBeUndefined();
  });
});

describe("text that looks like markup", () => {
  it("stays text: Word XML is escaped", async () => {
    const text = replaceOnce(
      text2017(),
      "title: Counter-Terrorism Working Group's Proposed Workplan for 2017",
      'title: "A </w:t></w:r><w:r><w:t>& <b>bold</b> \\"quoted\\""',
    );
    const { workplan } = compile(text);
    const files = parts(await render(buildView(workplan!)));
    expect(files["word/document.xml"]).toContain(
      "A &lt;/w:t&gt;&lt;/w:r&gt;&lt;w:r&gt;&lt;w:t&gt;&amp; &lt;b&gt;bold&lt;/b&gt; &quot;quoted&quot;",
    );
  });
});
