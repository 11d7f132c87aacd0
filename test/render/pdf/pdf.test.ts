import { readFileSync } from "node:fs";
import { join } from "node:path";
import { getDocument, type PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { beforeAll, describe, expect, it } from "vitest";
import { pdf } from "../../../src/render/pdf.js";
import { buildView } from "../../../src/render/view.js";
import { missingFragments } from "../../support/fidelity.js";
import { ROOT, workplan2017 } from "../../support/workplan.js";
import { shaped } from "./plans.js";

const render = async (options = {}) => (await pdf.render(buildView(workplan2017()), options)) as Uint8Array;
const open = (bytes: Uint8Array) => getDocument({ data: bytes.slice(), isEvalSupported: false, useSystemFonts: false }).promise;

interface StructNode {
  role?: string;
  children?: StructNode[];
}
const roles = (node: StructNode, into = new Set<string>()): Set<string> => {
  if (node.role) into.add(node.role);
  for (const child of node.children ?? []) roles(child, into);
  return into;
};

describe("the 2017 PDF", () => {
  let bytes: Uint8Array;
  let document: PDFDocumentProxy;
  beforeAll(async () => {
    bytes = await render();
    document = await open(bytes);
  });

  it("is byte-identical from one build to the next", async () => {
    expect(Buffer.from(await render()).equals(Buffer.from(bytes))).toBe(true);
  });

  it("gives back every sentence of the source as text", async () => {
    let text = "";
    for (let n = 1; n <= document.numPages; n++) {
      const content = await (await document.getPage(n)).getTextContent();
      text += `${content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join("")}\n`;
    }
    const source = readFileSync(join(ROOT, "test/fixtures/2017/source.txt"), "utf8");
    expect(missingFragments(source, text)).toEqual([]);
  });

  it("has seven pages with bookmarks for the sections and areas", async () => {
    expect(document.numPages).toBe(7);
    const outline = await document.getOutline();
    expect(outline.map((item) => [item.title, item.items.map((child) => child.title)])).toEqual([
      ["Introduction", ["Secure Supply Chains", "Secure Travel", "Secure Finance", "Secure Infrastructure"]],
      ["1. Expected Outcomes/Deliverables for 2017", []],
      ["2. Itemized Work Plans for 2017", []],
    ]);
  });

  it("says what it is: title, subject, author, keywords, creator, language, fixed dates", async () => {
    const { info } = (await document.getMetadata()) as unknown as { info: Record<string, unknown> };
    expect(info).toMatchObject({
      Title: "Counter-Terrorism Working Group Proposed Workplan for 2017",
      Subject: "2017/SOM1/SCE-COW/002",
      Author: "CTWG Chair",
      Creator: "ctwg",
      Language: "en",
    });
    expect(String(info.Keywords)).toContain("CTWG");
    expect(String(info.CreationDate)).toMatch(/^D:20170228/);
  });

  it("is tagged, identifies as PDF/UA and shows its title in the window", async () => {
    const raw = Buffer.from(bytes).toString("latin1");
    expect(raw).toContain("<pdfuaid:part>1</pdfuaid:part>");
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    expect(raw).toMatch(/\/Marked true/);
    const tablePage = roles((await (await document.getPage(6)).getStructTree()) as StructNode);
    for (const role of ["Document", "H2", "Table", "THead", "TBody", "TR", "TH", "TD", "P", "L", "LI", "Lbl", "LBody"])
      expect(tablePage).toContain(role);
    const bodyPage = roles((await (await document.getPage(2)).getStructTree()) as StructNode);
    expect(bodyPage).toContain("H1");
  });

  it("embeds every font it uses, from the Arimo family", () => {
    const raw = Buffer.from(bytes).toString("latin1");
    const fonts = [...new Set(raw.match(/\/BaseFont \/[A-Z]{6}\+[\w-]+/g))].map((name) => name.replace(/.*\+/, "")).sort();
    expect(fonts).toEqual(["Arimo-Bold", "Arimo-Italic", "Arimo-Regular"]);
    expect(raw.match(/\/FontFile2/g)).toHaveLength(fonts.length);
  });

  it("takes its dates from the timestamp option (SOURCE_DATE_EPOCH) when given", async () => {
    const stamped = await open(await render({ timestamp: new Date(Date.UTC(2020, 0, 2, 3, 4, 5)) }));
    const { info } = (await stamped.getMetadata()) as unknown as { info: Record<string, unknown> };
    expect(String(info.CreationDate)).toMatch(/^D:20200102030405/);
  });
});

describe("the PDF of a plan without a symbol or a meeting", () => {
  it("has no subject, keywords from the view, and the cover's date as its date", async () => {
    const workplan = shaped((data) => {
      delete data.cover.symbol;
      delete data.cover.meeting;
      data.cover.date = "2017-10-09";
      delete data.year;
      data.period = "2018-2022";
    });
    const document = await open((await pdf.render(buildView(workplan))) as Uint8Array);
    const { info } = (await document.getMetadata()) as unknown as { info: Record<string, unknown> };
    expect(info.Subject).toBeUndefined();
    expect(info.Keywords).toBe("APEC, CTWG, counter-terrorism, work plan, 2018-2022");
    expect(String(info.CreationDate)).toMatch(/^D:20171009/);
    expect(document.numPages).toBeGreaterThan(1);
  });
});
