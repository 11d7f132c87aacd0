import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strToU8, unzipSync, zipSync } from "fflate";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli, tempProject } from "../support/cli.js";

const DOCX = "out/2017/2017_som1_sce-cow_002.docx";
const PLAN = "workplans/2017.yaml";

/** Rewrites the document part of a Word file, as an edit in Word would. */
function editDocx(file: string, edit: (xml: string) => string): void {
  const parts = unzipSync(new Uint8Array(readFileSync(file)));
  const xml = new TextDecoder().decode(parts["word/document.xml"]);
  const edited = edit(xml);
  if (edited === xml) throw new Error("the edit changed nothing");
  parts["word/document.xml"] = strToU8(edited);
  writeFileSync(file, zipSync(parts));
}

const once = (xml: string, from: string, to: string) => {
  const at = xml.indexOf(from);
  if (at === -1 || xml.indexOf(from, at + 1) !== -1) throw new Error(`not once: ${from}`);
  return xml.slice(0, at) + to + xml.slice(at + from.length);
};

describe("ctwg import", () => {
  let project: ReturnType<typeof tempProject>;
  let docx: string;
  let original: string;
  beforeEach(async () => {
    project = tempProject();
    expect((await runCli(["build", "2017", "--format", "docx"], project.cwd)).code).toBe(0);
    docx = join(project.cwd, DOCX);
    original = readFileSync(join(project.cwd, PLAN), "utf8");
  });
  afterEach(() => project.cleanup());

  it("finds nothing to carry back in the file it built", async () => {
    const result = await runCli(["import", DOCX], project.cwd);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("no edits to carry back");
  });

  it("brings back a word changed in a paragraph, a list item and a table cell, and a tracked insertion and deletion, and nothing else", async () => {
    editDocx(docx, (xml) => {
      xml = once(
        xml,
        "In 2016, APEC Leaders in their declaration condemned terrorism",
        "In 2016, APEC Leaders in their declaration denounced terrorism",
      );
      xml = once(
        xml,
        "Continue implementation of the CTWG Strategic Plan 2013-2017 and the recommendations",
        "Pursue implementation of the CTWG Strategic Plan 2013-2017 and the recommendations",
      );
      xml = once(xml, "CTWG will agree on the new Strategic Plan", "CTWG will adopt the new Strategic Plan");
      // A tracked deletion of "new " and a tracked insertion of " in Bali" at the end of a deliverable's text.
      xml = once(
        xml,
        ">Elect new CTWG Vice Chair for the period 2017-2018</w:t></w:r>",
        '>Elect </w:t></w:r><w:del w:id="900" w:author="A" w:date="2017-03-01T00:00:00Z"><w:r><w:delText>new </w:delText></w:r></w:del><w:r><w:t xml:space="preserve">CTWG Vice Chair for the period 2017-2018</w:t></w:r><w:ins w:id="901" w:author="A" w:date="2017-03-01T00:00:00Z"><w:r><w:t xml:space="preserve"> in Bali</w:t></w:r></w:ins>',
      );
      return xml;
    });
    const shown = await runCli(["import", DOCX], project.cwd);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain("[-condemned-]{+denounced+}");
    expect(shown.stdout).toContain("[-Continue-]{+Pursue+}");
    expect(shown.stdout).toContain("CTWG will [-agree-]{+adopt+} [-on -]the new Strategic Plan");
    expect(shown.stdout).toContain("Elect [-new -]CTWG Vice Chair for the period 2017-2018{+ in Bali+}");
    expect(readFileSync(join(project.cwd, PLAN), "utf8")).toBe(original);

    const written = await runCli(["import", DOCX, "--write"], project.cwd);
    expect(written.code, written.stderr).toBe(0);
    const now = readFileSync(join(project.cwd, PLAN), "utf8");
    const changed = now.split("\n").filter((line, i) => line !== original.split("\n")[i]);
    expect(changed).toHaveLength(4);
    expect(now).toContain("declaration denounced terrorism");
    expect(now).toContain("Pursue implementation of the CTWG Strategic Plan 2013-2017");
    expect(now).toContain("CTWG will adopt the new Strategic Plan");
    expect(now).toMatch(/Elect CTWG Vice Chair for the period 2017-2018 in Bali/);
    // Comments and the folding of the rest stay as written.
    expect(now.split("\n").slice(0, 4)).toEqual(original.split("\n").slice(0, 4));
    expect((await runCli(["lint", PLAN], project.cwd)).code).not.toBe(2);
    // Built again, the Word file has nothing more to carry back.
    await runCli(["build", "2017", "--format", "docx"], project.cwd);
    expect((await runCli(["import", DOCX], project.cwd)).stderr).toContain("no edits to carry back");
  });

  it("reports a new paragraph and formatting with their place in the Word file, and still applies the rest", async () => {
    editDocx(docx, (xml) => {
      xml = once(xml, "CTWG will agree on the new Strategic Plan", "CTWG will adopt the new Strategic Plan");
      xml = xml.replace("<w:body>", "<w:body><w:p><w:r><w:t>A note from the chair</w:t></w:r></w:p>");
      return once(
        xml,
        '<w:r><w:t xml:space="preserve">Elect new CTWG Vice Chair',
        '<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Elect new CTWG Vice Chair',
      );
    });
    const result = await runCli(["import", DOCX, "--write"], project.cwd);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/paragraph 1: "A note from the chair" has no place in the workplan/);
    expect(result.stderr).toMatch(/paragraph \d+: formatting \(bold\) on "Elect new CTWG Vice Chair/);
    expect(readFileSync(join(project.cwd, PLAN), "utf8")).toContain("CTWG will adopt the new Strategic Plan");
  });

  it("reports a deleted table row instead of losing it silently", async () => {
    editDocx(docx, (xml) => {
      // The row's title is the deliverable's words printed a second time.
      const row = xml.lastIndexOf("<w:tr>", xml.lastIndexOf("Agree on CTWG Strategic Plan 2018-2022"));
      return xml.slice(0, row) + xml.slice(xml.indexOf("</w:tr>", row) + "</w:tr>".length);
    });
    const result = await runCli(["import", DOCX], project.cwd);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/"CTWG will agree on the new Strategic Plan.*" is no longer in the Word file/);
  });

  it("refuses a Word file made before the plan changed, so its differences cannot undo the change", async () => {
    const plan = join(project.cwd, PLAN);
    writeFileSync(plan, original.replace("Elect new CTWG Vice Chair", "Elect a new CTWG Vice Chair"));
    const result = await runCli(["import", DOCX, "--write"], project.cwd);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("before a change");
    expect(readFileSync(plan, "utf8")).toContain("Elect a new CTWG Vice Chair");
  });

  it.each([
    ["not a zip", () => strToU8("just text"), /is not a Word document/],
    ["a corrupt zip", (bytes: Uint8Array) => bytes.slice(0, bytes.length / 2), /damaged|not a Word document/],
    [
      "a docx ctwg did not write",
      () =>
        zipSync({
          "[Content_Types].xml": strToU8("<Types/>"),
          "_rels/.rels": strToU8('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>'),
          "word/document.xml": strToU8(
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Hi</w:t></w:r></w:p></w:body></w:document>',
          ),
        }),
      /was not written by ctwg/,
    ],
    [
      "external entities",
      (bytes: Uint8Array) => {
        const parts = unzipSync(bytes);
        parts["word/document.xml"] = strToU8('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><d>&x;</d>');
        return zipSync(parts);
      },
      /DOCTYPE|entit/,
    ],
  ])("reports %s as a diagnostic, exit 1, nothing written", async (_, make, message) => {
    writeFileSync(docx, make(new Uint8Array(readFileSync(docx))));
    const result = await runCli(["import", DOCX, "--write"], project.cwd);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/at .*\.(ts|js):\d+/);
    expect(readFileSync(join(project.cwd, PLAN), "utf8")).toBe(original);
  });
});
