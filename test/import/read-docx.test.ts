import { Deflate, strToU8, zipSync, type Zippable } from "fflate";
import { describe, expect, it } from "vitest";
import { readDocx, type ReadDocxResult, type WordDocument, type WordParagraph } from "../../src/import/read-docx.js";
import { crc32 } from "../../src/import/safe-unzip.js";

const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const rels = (target = "word/document.xml", more = "") => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${target}"/>${more}</Relationships>`;
const documentXml = (body: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps"><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`;

/** A minimal .docx: content types, package relationships and a document with `body`; `parts` adds or replaces parts. */
function docx(body: string, parts: Record<string, string> = {}): Uint8Array {
  const files: Zippable = {
    "[Content_Types].xml": strToU8(CONTENT_TYPES),
    "_rels/.rels": strToU8(rels()),
    "word/document.xml": strToU8(documentXml(body)),
  };
  for (const [name, text] of Object.entries(parts)) files[name] = strToU8(text);
  return zipSync(files);
}

function read(bytes: Uint8Array): WordDocument {
  const result = readDocx(bytes);
  if (!result.ok) throw new Error(`expected a document, got: ${result.problem.message}`);
  return result.document;
}

const paragraphsOf = (body: string) => read(docx(body)).paragraphs;
/** Each paragraph's text, bookmarks shown as [name and [/name]. */
const texts = (paragraphs: WordParagraph[]) =>
  paragraphs.map((p) =>
    p.pieces
      .map((piece) => (piece.kind === "text" ? piece.text : piece.kind === "bookmarkStart" ? `[${piece.bookmark}` : `[/${piece.bookmark}]`))
      .join(""),
  );
const run = (text: string, props = "") => `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ""}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const para = (content: string, props = "") => `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ""}${content}</w:p>`;

function problemOf(result: ReadDocxResult) {
  if (result.ok) throw new Error("expected a problem, got a document");
  expect(result.problem.message.length).toBeGreaterThan(10);
  expect(result.problem.hint.length).toBeGreaterThan(10);
  return result.problem;
}

describe("readDocx: text", () => {
  it("reads paragraphs in order, numbered from 1, with their styles", () => {
    const paragraphs = paragraphsOf(
      para(run("Title"), `<w:pStyle w:val="Heading1"/>`) +
        para(run("First")) +
        para("") +
        para(run("Third"), `<w:pStyle w:val="ListParagraph"/>`),
    );
    expect(texts(paragraphs)).toEqual(["Title", "First", "", "Third"]);
    expect(paragraphs.map((p) => p.number)).toEqual([1, 2, 3, 4]);
    expect(paragraphs.map((p) => p.style)).toEqual(["Heading1", null, null, "ListParagraph"]);
    expect(paragraphs.map((p) => p.cell)).toEqual([null, null, null, null]);
  });

  it("turns tabs, breaks and special hyphens into characters, and a symbol into its character", () => {
    const content = `<w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:cr/><w:t>d</w:t><w:noBreakHyphen/><w:t>e</w:t><w:softHyphen/><w:t>f</w:t><w:sym w:font="Arial" w:char="00E9"/><w:sym w:font="Symbol" w:char="F0B7"/></w:r>`;
    expect(texts(paragraphsOf(para(content)))).toEqual(["a\tb\nc\nd\u2011efé"]);
  });

  it("takes no meaning from element names that are also names of a JavaScript object's properties", () => {
    const content = `<w:r><w:constructor/><w:toString/><w:__proto__/><w:t>only</w:t><w:hasOwnProperty/></w:r>`;
    const more = `<Relationship Id="rId9" Type="http://example.com/constructor" Target="x.xml"/><Relationship Id="rId8" Type="http://example.com/__proto__" Target="y.xml"/>`;
    expect(texts(read(docx(para(content), { "_rels/.rels": rels("word/document.xml", more) })).paragraphs)).toEqual(["only"]);
  });

  it("does not read tab stops or the paragraph's properties as text", () => {
    const props = `<w:pStyle w:val="Normal"/><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs><w:rPr><w:b/></w:rPr>`;
    const paragraphs = paragraphsOf(para(run("only this"), props));
    expect(texts(paragraphs)).toEqual(["only this"]);
    expect(paragraphs[0]!.pieces[0]!.format.bold).toBe(false);
  });

  it("keeps each run's direct formatting, and joins adjacent runs formatted alike", () => {
    const content =
      run("plain ") +
      run("one", "<w:i/>") +
      run(" two", "<w:i/>") +
      run(" bold", "<w:b/>") +
      run(" not", `<w:i w:val="0"/><w:b w:val="false"/>`) +
      run(" red", `<w:color w:val="FF0000"/>`) +
      run(" u", `<w:u w:val="single"/><w:strike/>`);
    const pieces = paragraphsOf(para(content))[0]!.pieces;
    expect(pieces.map((p) => p.text)).toEqual(["plain ", "one two", " bold", " not", " red", " u"]);
    expect(pieces.map((p) => p.format)).toEqual([
      { italic: false, bold: false, underline: false, strike: false, other: false },
      { italic: true, bold: false, underline: false, strike: false, other: false },
      { italic: false, bold: true, underline: false, strike: false, other: false },
      { italic: false, bold: false, underline: false, strike: false, other: false },
      { italic: false, bold: false, underline: false, strike: false, other: true },
      { italic: false, bold: false, underline: true, strike: true, other: false },
    ]);
  });

  it("ignores the old formatting kept by a tracked formatting change", () => {
    const pieces = paragraphsOf(para(run("now plain", `<w:rPrChange w:id="1" w:author="A"><w:rPr><w:i/></w:rPr></w:rPrChange>`)))[0]!
      .pieces;
    expect(pieces[0]!.format.italic).toBe(false);
  });

  it("takes tracked insertions, marked as inserted, and drops tracked deletions", () => {
    const content =
      run("kept ") +
      `<w:ins w:id="1" w:author="A">${run("added")}</w:ins>` +
      `<w:del w:id="2" w:author="A"><w:r><w:delText>removed</w:delText></w:r></w:del>` +
      `<w:moveFrom w:id="3" w:author="A">${run(" moved away")}</w:moveFrom>` +
      `<w:moveTo w:id="4" w:author="A">${run(" moved here")}</w:moveTo>`;
    const pieces = paragraphsOf(para(content))[0]!.pieces;
    expect(pieces.map((p) => [p.text, p.inserted])).toEqual([
      ["kept ", false],
      ["added moved here", true],
    ]);
  });

  it("joins a paragraph whose mark is a tracked deletion with the next, keeping the first one's number and style", () => {
    const deletedMark = `<w:rPr><w:del w:id="9" w:author="A"/></w:rPr>`;
    const paragraphs = paragraphsOf(
      para(run("one")) +
        para(run("two, "), `<w:pStyle w:val="Heading2"/>${deletedMark}`) +
        para(run("joined"), `<w:pStyle w:val="BodyText"/>`) +
        para(run("four")),
    );
    expect(texts(paragraphs)).toEqual(["one", "two, joined", "four"]);
    expect(paragraphs.map((p) => p.number)).toEqual([1, 2, 4]);
    expect(paragraphs[1]!.style).toBe("Heading2");
  });

  it("joins a chain of deleted marks, but never across a table", () => {
    const deletedMark = `<w:rPr><w:del w:id="9" w:author="A"/></w:rPr>`;
    const table = `<w:tbl><w:tr><w:tc>${para(run("cell"))}</w:tc></w:tr></w:tbl>`;
    const paragraphs = paragraphsOf(
      para(run("a"), deletedMark) + para(run("b"), deletedMark) + para(run("c")) + para(run("d"), deletedMark) + table + para(run("e")),
    );
    expect(texts(paragraphs)).toEqual(["abc", "d", "cell", "e"]);
    expect(paragraphs.map((p) => p.number)).toEqual([1, 4, 5, 6]);
  });

  it("reads only the result of a complex field, never its code, nested fields included", () => {
    const field = (code: string, result: string) =>
      `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">${code}</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${run(result)}<w:r><w:fldChar w:fldCharType="end"/></w:r>`;
    const nested = `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> IF </w:instrText></w:r>${field(" DATE ", "in the code")}<w:r><w:fldChar w:fldCharType="separate"/></w:r>${run("outer result")}<w:r><w:fldChar w:fldCharType="end"/></w:r>`;
    const noResult = `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> XE "x" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;
    const paragraphs = paragraphsOf(
      para(run("see ") + field(" PAGEREF _Ref1 \\h ", "page 3") + noResult + run(".")) +
        para(nested) +
        para(`<w:fldSimple w:instr=" NUMPAGES ">${run("12")}</w:fldSimple>`),
    );
    expect(texts(paragraphs)).toEqual(["see page 3.", "outer result", "12"]);
  });

  it("reads inside content controls, hyperlinks, smart tags and custom XML, but not a control's properties", () => {
    const sdt = `<w:sdt><w:sdtPr><w:alias w:val="Title"/><w:placeholder><w:docPart w:val="x"/></w:placeholder><w:rPr><w:i/></w:rPr></w:sdtPr><w:sdtContent>${run("in control")}</w:sdtContent></w:sdt>`;
    const link = `<w:hyperlink r:id="rId5" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${run(" link")}</w:hyperlink>`;
    const smart = `<w:smartTag w:uri="urn:x" w:element="place"><w:smartTagPr><w:attr w:name="n" w:val="v"/></w:smartTagPr>${run(" tag")}</w:smartTag>`;
    const custom = `<w:customXml w:element="c">${run(" custom")}</w:customXml>`;
    const blockSdt = `<w:sdt><w:sdtPr/><w:sdtContent>${para(run("block control"))}</w:sdtContent></w:sdt>`;
    expect(texts(paragraphsOf(para(sdt + link + smart + custom) + blockSdt))).toEqual(["in control link tag custom", "block control"]);
  });

  it("reads a text box once, as its own paragraph, and ignores the rest of a drawing", () => {
    const textBox = `<w:txbxContent>${para(run("in the box"))}</w:txbxContent>`;
    const drawing =
      `<w:r><w:t>before </w:t><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>${textBox}</wps:txbx></wps:wsp></w:drawing></mc:Choice>` +
      `<mc:Fallback><w:pict><v:shape><v:textbox>${textBox}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent><w:t>after</w:t></w:r>`;
    const paragraphs = paragraphsOf(para(drawing) + para(run("next")));
    expect(texts(paragraphs)).toEqual(["before after", "in the box", "next"]);
    expect(paragraphs.map((p) => p.number)).toEqual([1, 2, 3]);
    expect(paragraphs[1]!.cell).toBeNull();
  });

  it("reads a namespace under another prefix as Word's", () => {
    const xml = `<?xml version="1.0"?><doc:document xmlns:doc="${W_NS}"><doc:body><doc:p><doc:r><doc:rPr><doc:b/></doc:rPr><doc:t>other prefix</doc:t></doc:r></doc:p></doc:body></doc:document>`;
    const paragraphs = read(docx("", { "word/document.xml": xml })).paragraphs;
    expect(texts(paragraphs)).toEqual(["other prefix"]);
    expect(paragraphs[0]!.pieces[0]!.format.bold).toBe(true);
  });

  it("reads a part saved as UTF-16, as XML allows", () => {
    const xml = documentXml(para(run("wide é"))).replace('encoding="UTF-8"', 'encoding="UTF-16"');
    const bytes = new Uint8Array(2 + xml.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < xml.length; i++) bytes[2 + 2 * i] = xml.charCodeAt(i);
    expect(texts(read(zipSync({ "word/document.xml": bytes })).paragraphs)).toEqual(["wide é"]);
  });

  it("finds the document through the package relationships, wherever they point", () => {
    const bytes = docx("", {
      "_rels/.rels": rels("/word/main%20part.xml"),
      "word/main part.xml": documentXml(para(run("moved"))),
      "word/document.xml": documentXml(para(run("decoy"))),
    });
    expect(texts(read(bytes).paragraphs)).toEqual(["moved"]);
  });
});

describe("readDocx: bookmarks", () => {
  it("marks bookmarks inside a paragraph where they are, an end named as its start", () => {
    const paragraphs = paragraphsOf(
      para(`${run("a ")}<w:bookmarkStart w:id="0" w:name="objective"/>${run("marked")}<w:bookmarkEnd w:id="0"/>${run(" b")}`),
    );
    expect(texts(paragraphs)).toEqual(["a [objectivemarked[/objective] b"]);
    const markers = paragraphs[0]!.pieces.filter((p) => p.kind !== "text");
    expect(markers).toEqual([
      {
        kind: "bookmarkStart",
        text: "",
        bookmark: "objective",
        inserted: false,
        format: { italic: false, bold: false, underline: false, strike: false, other: false },
      },
      {
        kind: "bookmarkEnd",
        text: "",
        bookmark: "objective",
        inserted: false,
        format: { italic: false, bold: false, underline: false, strike: false, other: false },
      },
    ]);
  });

  it("gives a start between paragraphs to the next paragraph and an end to the one before", () => {
    const paragraphs = paragraphsOf(
      `<w:bookmarkStart w:id="1" w:name="all"/>${para(run("one"))}${para(run("two"))}<w:bookmarkEnd w:id="1"/>${para(run("three"))}`,
    );
    expect(texts(paragraphs)).toEqual(["[allone", "two[/all]", "three"]);
  });

  it("keeps a bookmark across paragraphs, and one in a table row outside any cell's paragraph", () => {
    const table = `<w:tbl><w:tr><w:bookmarkStart w:id="3" w:name="row"/><w:tc>${para(run("x"))}</w:tc><w:tc>${para(run("y"))}</w:tc><w:bookmarkEnd w:id="3"/></w:tr></w:tbl>`;
    const paragraphs = paragraphsOf(
      para(`${run("a")}<w:bookmarkStart w:id="2" w:name="span"/>${run("b")}`) + para(`${run("c")}<w:bookmarkEnd w:id="2"/>`) + table,
    );
    expect(texts(paragraphs)).toEqual(["a[spanb", "c[/span]", "[rowx", "y[/row]"]);
  });

  it("loses no marker at the document's edges, and keeps a start and end outside paragraphs in order", () => {
    const paragraphs = paragraphsOf(
      `<w:bookmarkEnd w:id="7"/>` +
        para(run("only")) +
        `<w:bookmarkStart w:id="8" w:name="empty"/><w:bookmarkEnd w:id="8"/>` +
        `<w:bookmarkStart w:id="7" w:name="late"/>`,
    );
    // An end before its start is named when the start comes; markers after the last paragraph go to it.
    expect(texts(paragraphs)).toEqual(["[/late]only[empty[/empty][late"]);
  });

  it("skips Word's own _GoBack bookmark", () => {
    const paragraphs = paragraphsOf(para(`${run("a")}<w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/>${run("b")}`));
    expect(paragraphs[0]!.pieces).toHaveLength(1);
    expect(texts(paragraphs)).toEqual(["ab"]);
  });

  it("keeps a bookmark inside a tracked deletion, which drops only text", () => {
    const paragraphs = paragraphsOf(
      para(
        `<w:del w:id="1" w:author="A"><w:bookmarkStart w:id="4" w:name="kept"/><w:r><w:delText>gone</w:delText></w:r></w:del>` +
          run("x") +
          `<w:bookmarkEnd w:id="4"/>`,
      ),
    );
    expect(texts(paragraphs)).toEqual(["[keptx[/kept]"]);
  });
});

describe("readDocx: tables", () => {
  it("places each cell's paragraphs by table, row and column, nested tables counted in order", () => {
    const cell = (content: string) => `<w:tc><w:tcPr><w:tcW w:w="100" w:type="dxa"/></w:tcPr>${content}</w:tc>`;
    const inner = `<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="50"/></w:tblGrid><w:tr>${cell(para(run("inner")))}</w:tr></w:tbl>`;
    const first = `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr><w:tblGrid><w:gridCol w:w="100"/><w:gridCol w:w="100"/></w:tblGrid>
      <w:tr><w:trPr/>${cell(para(run("r1c1")))}${cell(para(run("r1c2a")) + para(run("r1c2b")))}</w:tr>
      <w:tr>${cell(para(run("r2c1")) + inner + para(""))}${cell(para(run("r2c2")))}</w:tr></w:tbl>`;
    const second = `<w:tbl><w:tr>${cell(para(run("t3")))}</w:tr></w:tbl>`;
    const paragraphs = paragraphsOf(para(run("before")) + first + para(run("between")) + second);
    expect(paragraphs.map((p) => [texts([p])[0], p.cell && [p.cell.table, p.cell.row, p.cell.column]])).toEqual([
      ["before", null],
      ["r1c1", [1, 1, 1]],
      ["r1c2a", [1, 1, 2]],
      ["r1c2b", [1, 1, 2]],
      ["r2c1", [1, 2, 1]],
      ["inner", [2, 1, 1]],
      ["", [1, 2, 1]],
      ["r2c2", [1, 2, 2]],
      ["between", null],
      ["t3", [3, 1, 1]],
    ]);
    expect(paragraphs.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});

describe("readDocx: properties", () => {
  const core = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>CTWG Work Plan 2026</dc:title><dc:subject>Counter-terrorism</dc:subject><dc:creator>APEC Secretariat</dc:creator><cp:keywords>ctwg; 2026</cp:keywords><dc:description></dc:description><dcterms:created xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z</dcterms:created></cp:coreProperties>`;
  const custom = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">
<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="ctwg.year"><vt:lpwstr>2026</vt:lpwstr></property>
<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="Reviewed"><vt:bool>true</vt:bool></property>
<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="4" name="Count"><vt:i4>7</vt:i4></property>
<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="5" name="Note"><vt:lpwstr>a &amp; b</vt:lpwstr></property></Properties>`;

  it("reads custom and core properties", () => {
    const document = read(docx(para(run("x")), { "docProps/core.xml": core, "docProps/custom.xml": custom }));
    expect([...document.customProperties]).toEqual([
      ["ctwg.year", "2026"],
      ["Reviewed", "true"],
      ["Count", "7"],
      ["Note", "a & b"],
    ]);
    expect(document.coreProperties).toEqual({
      title: "CTWG Work Plan 2026",
      subject: "Counter-terrorism",
      creator: "APEC Secretariat",
      keywords: "ctwg; 2026",
    });
  });

  it("finds property parts through the package relationships", () => {
    const more =
      `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="meta/c.xml"/>` +
      `<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="meta/u.xml"/>`;
    const document = read(
      docx(para(run("x")), { "_rels/.rels": rels("word/document.xml", more), "meta/c.xml": core, "meta/u.xml": custom }),
    );
    expect(document.coreProperties.title).toBe("CTWG Work Plan 2026");
    expect(document.customProperties.get("ctwg.year")).toBe("2026");
  });

  it("gives an empty map and no core properties when the parts are absent", () => {
    const document = read(docx(para(run("x"))));
    expect(document.customProperties.size).toBe(0);
    expect(document.coreProperties).toEqual({});
  });
});

/** Bytes of a zip written by hand, so a test can lie in it: each entry's data as stored, with the sizes and CRC it declares. */
function rawZip(
  entries: { name: string; data: Uint8Array; method: number; size: number; crc: number }[],
  declaredCount?: number,
): Uint8Array {
  const chunks: Uint8Array[] = [];
  const directory: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = strToU8(entry.name);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, entry.method, true);
    lv.setUint32(14, entry.crc, true);
    lv.setUint32(18, entry.data.length, true);
    lv.setUint32(22, entry.size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, entry.method, true);
    cv.setUint32(16, entry.crc, true);
    cv.setUint32(20, entry.data.length, true);
    cv.setUint32(24, entry.size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    chunks.push(local, entry.data);
    directory.push(central);
    offset += local.length + entry.data.length;
  }
  const directorySize = directory.reduce((sum, c) => sum + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, declaredCount ?? entries.length, true);
  ev.setUint16(10, declaredCount ?? entries.length, true);
  ev.setUint32(12, directorySize, true);
  ev.setUint32(16, offset, true);
  const all = [...chunks, ...directory, end];
  const out = new Uint8Array(all.reduce((sum, c) => sum + c.length, 0));
  let at = 0;
  for (const c of all) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** `megabytes` MB of zeros, deflated a megabyte at a time so the test never holds them all. */
function deflatedZeros(megabytes: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const deflate = new Deflate({ level: 9 }, (chunk) => parts.push(chunk));
  const zeros = new Uint8Array(1024 * 1024);
  for (let i = 0; i < megabytes; i++) deflate.push(zeros, i === megabytes - 1);
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

describe("readDocx: refusals", () => {
  const valid = docx(para(run("valid")));

  it("says a file that is not a zip is not a Word document", () => {
    for (const bytes of [strToU8("%PDF-1.7\n%âãÏÓ\n1 0 obj"), strToU8("just some text"), new Uint8Array(0), new Uint8Array([0x50])]) {
      const problem = problemOf(readDocx(bytes));
      expect(problem.message).toBe("is not a Word document: a .docx is a zip archive, and this is not one");
      expect(problem.hint).toBe("export it from Word as .docx (Word Document), not .doc or PDF");
    }
  });

  it("reads the valid document the refusals below are cut from", () => {
    expect(texts(read(valid).paragraphs)).toEqual(["valid"]);
  });

  it("says a truncated zip is damaged", () => {
    for (const length of [4, 30, Math.floor(valid.length / 2), valid.length - 1]) {
      expect(problemOf(readDocx(valid.subarray(0, length))).message).toMatch(/^is damaged: /);
    }
  });

  it("says a zip with a corrupted part is damaged", () => {
    const bytes = docx(para(run("a sentence long enough to be compressed, a sentence long enough to be compressed")));
    const view = new DataView(bytes.buffer);
    // The first local header is [Content_Types].xml; document.xml is the third. Flip a byte in its data.
    let at = 0;
    for (let i = 0; i < 2; i++) at += 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true) + view.getUint32(at + 18, true);
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    expect(new TextDecoder().decode(bytes.subarray(at + 30, at + 30 + 17))).toBe("word/document.xml");
    bytes[start + 20] = bytes[start + 20]! ^ 0xff;
    expect(problemOf(readDocx(bytes)).message).toMatch(/^is damaged: its part word\/document\.xml /);
  });

  it("says a zip without word/document.xml is not a Word document", () => {
    const problem = problemOf(readDocx(zipSync({ "readme.txt": strToU8("hello"), "[Content_Types].xml": strToU8(CONTENT_TYPES) })));
    expect(problem.message).toBe("is not a Word document: it is a zip archive, but has no word/document.xml");
  });

  it("says an Excel workbook is not a Word document", () => {
    const workbook = `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>`;
    const problem = problemOf(readDocx(zipSync({ "_rels/.rels": strToU8(rels("xl/workbook.xml")), "xl/workbook.xml": strToU8(workbook) })));
    expect(problem.message).toBe("is not a Word document: it is an Excel workbook");
  });

  it("says a password-protected document is protected, and an old .doc is one", () => {
    const ole = (stream: string) => {
      const bytes = new Uint8Array(1536);
      bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      for (const [i, c] of [...stream].entries()) bytes[1024 + 2 * i] = c.charCodeAt(0);
      return bytes;
    };
    const encrypted = problemOf(readDocx(ole("EncryptedPackage")));
    expect(encrypted.message).toMatch(/^is protected with a password/);
    expect(encrypted.hint).toBe("remove the password in Word (File › Info › Protect Document) and save again");
    expect(problemOf(readDocx(ole("WordDocument"))).message).toMatch(/\(\.doc\)/);
  });

  it("refuses a DOCTYPE: entity expansion (billion laughs) and external entities (XXE)", () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "haha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><w:document xmlns:w="${W_NS}"><w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body></w:document>`;
    const xxe = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document xmlns:w="${W_NS}"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>`;
    for (const xml of [laughs, xxe]) {
      const problem = problemOf(readDocx(docx("", { "word/document.xml": xml })));
      expect(problem.message).toMatch(/DOCTYPE/);
      expect(problem.message).toMatch(/Word never writes/);
    }
    const inProperties = `<?xml version="1.0"?><!DOCTYPE Properties><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"/>`;
    expect(problemOf(readDocx(docx(para(run("x")), { "docProps/custom.xml": inProperties }))).message).toMatch(
      /DOCTYPE, in its part docProps\/custom\.xml/,
    );
  });

  it("refuses a processing instruction other than the XML declaration", () => {
    const xml = documentXml(para(run("x"))).replace("<w:body>", `<w:body><?xml-stylesheet href="x.xsl"?>`);
    expect(problemOf(readDocx(docx("", { "word/document.xml": xml }))).message).toMatch(/processing instruction/);
  });

  it("says malformed XML is damaged, with where", () => {
    for (const xml of [
      documentXml(`<w:p><w:r><w:t>unclosed</w:r></w:p>`),
      documentXml(`<w:p><w:r><w:t>&nbsp;</w:t></w:r></w:p>`),
      documentXml("").slice(0, -10),
      `<w:document>`,
    ]) {
      expect(problemOf(readDocx(docx("", { "word/document.xml": xml }))).message).toMatch(
        /^is damaged: its part word\/document\.xml is not well-formed XML \(line \d+, column \d+: /,
      );
    }
    expect(problemOf(readDocx(docx("", { "word/document.xml": "\u00ff" }))).message).toMatch(/not well-formed XML/);
  });

  it("refuses a part that is not UTF-8", () => {
    const bytes = zipSync({ "word/document.xml": new Uint8Array([0x3c, 0xff, 0xfe, 0x3e]) });
    expect(problemOf(readDocx(bytes)).message).toMatch(/not valid UTF-8 text/);
  });

  it("refuses an archive listing more entries than any Word document", () => {
    const problem = problemOf(readDocx(rawZip([], 20_000)));
    expect(problem.message).toMatch(/^is too large to read safely: its zip archive lists 20000 files/);
  });

  it("refuses two entries of one name", () => {
    const data = strToU8(documentXml(para(run("x"))));
    const entry = { name: "word/document.xml", data, method: 0, size: data.length, crc: crc32(data) };
    expect(read(rawZip([entry])).paragraphs).toHaveLength(1);
    expect(problemOf(readDocx(rawZip([entry, { ...entry, name: "Word/Document.xml" }]))).message).toMatch(/twice/);
  });

  describe("a zip bomb: 200 MB of zeros in about 200 KB", () => {
    const zeros = deflatedZeros(200);

    it("is small to hold, as a bomb is", () => {
      expect(zeros.length).toBeLessThan(1024 * 1024);
    });

    it("is refused by its declared size before anything is inflated", () => {
      const started = performance.now();
      const problem = problemOf(readDocx(rawZip([{ name: "word/document.xml", data: zeros, method: 8, size: 200 * 1024 * 1024, crc: 0 }])));
      expect(problem.message).toBe(
        "is too large to read safely: its part word/document.xml would unpack to 200 MB, over the 64 MB ctwg reads",
      );
      expect(performance.now() - started).toBeLessThan(100);
    });

    it("is refused when it lies about its size, quickly and without inflating it all", () => {
      const peakBefore = process.resourceUsage().maxRSS;
      const started = performance.now();
      const problem = problemOf(readDocx(rawZip([{ name: "word/document.xml", data: zeros, method: 8, size: 1000, crc: 0 }])));
      const elapsed = performance.now() - started;
      expect(problem.message).toBe(
        "is damaged: its part word/document.xml cannot be unpacked: it unpacks to more than its zip archive declares",
      );
      expect(elapsed).toBeLessThan(2000);
      // maxRSS is the process's peak, in kilobytes: inflating the 200 MB would raise it by about 200 MB.
      expect(process.resourceUsage().maxRSS - peakBefore).toBeLessThan(64 * 1024);
    });
  });

  it("reads hostile structure in linear time and without deep calls: many markers, deep nesting, deep fields", () => {
    const markers = `<w:bookmarkStart w:id="1" w:name="m"/>`.repeat(200_000);
    const nested = `<w:customXml w:element="x">`.repeat(100_000) + run("deep") + `</w:customXml>`.repeat(100_000);
    const fields =
      `<w:r><w:fldChar w:fldCharType="begin"/></w:r>`.repeat(100_000) +
      run("code").repeat(50_000) +
      `<w:r><w:fldChar w:fldCharType="end"/></w:r>`.repeat(100_000);
    const bytes = docx(markers + para(nested) + para(fields + run("after")));
    const started = performance.now();
    const paragraphs = read(bytes).paragraphs;
    // About two seconds here; a lookup that walked the open elements (as saxes's own namespaces do) took minutes.
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(paragraphs[0]!.pieces).toHaveLength(200_001);
    expect(texts(paragraphs).map((text) => text.replace(/\[m/g, ""))).toEqual(["deep", "after"]);
  });

  it("never throws, whatever bytes of a .docx are cut or changed", () => {
    const source = docx(
      para(`${run("a")}<w:bookmarkStart w:id="1" w:name="b"/>${run("c", "<w:i/>")}`) +
        `<w:tbl><w:tr><w:tc>${para(run("d"))}</w:tc></w:tr></w:tbl>`,
      {
        "docProps/custom.xml": `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"><property name="x"><vt:lpwstr xmlns:vt="v">1</vt:lpwstr></property></Properties>`,
      },
    );
    let seed = 1;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    let refused = 0;
    for (let i = 0; i < 2000; i++) {
      const bytes = source.slice(0, i % 3 === 0 ? Math.floor(random() * source.length) : source.length);
      for (let flips = 0; flips < 3; flips++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
      const result = readDocx(bytes);
      if (!result.ok) refused++;
    }
    expect(refused).toBeGreaterThan(1000);
  });
});
