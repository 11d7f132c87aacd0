import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, calendar, diff, formatDiff, lint, loadSettings } from "../../src/index.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { ROOT, replaceOnce, text2017 } from "../support/workplan.js";
import { positionOf, projectWith } from "./support.js";

/**
 * Control characters (C0 but tab and line feed, DEL, C1) written into a plan, its layout and the
 * glossary: lint reports each at its line and column, and no document carries one. Why they
 * matter: an ESC in the Markdown runs as a terminal command when the file is shown with `cat`.
 */

const ESC = "\u001b";
const BEL = "\u0007";
const DEL = "\u007f";
const CSI = "\u009b"; // the C1 form of ESC [

/** Any control character a document must not hold; a format that needs CR has its CRLFs taken out first. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** A layout of the plan's own, written raw into the file: a heading and two column titles with control characters. */
const DOCUMENT = [
  "document:",
  "  headings:",
  `    annex: "Annex:${BEL} Acronyms"`,
  "  columns:",
  `    - title: Title${DEL}`,
  "      field: title",
  `    - title: "Summary${CSI}1m of Specific Plans"`,
  "      field: summary",
  "",
].join("\n");

/** Where each character goes: after a unique anchor of the 2017 file, the character, and the path lint reports. */
const PLACES: [anchor: string, char: string, path: string][] = [
  ["  title: Counter-", `${ESC}[2J`, "cover.title"],
  ["In 2016,", BEL, "introduction.paragraphs.0"],
  ["    text: Agree on", `${ESC}[31m`, "deliverables.4.text"],
  ["Result of the workshop", "\u0008", "deliverables.1.plan.collaboration.0"],
  ['    annex: "Annex:', BEL, "document.headings.annex"],
  ["    - title: Title", DEL, "document.columns.0.title"],
  ['    - title: "Summary', CSI, "document.columns.1.title"],
];

/** The 2017 plan with DOCUMENT before its cover and every character of PLACES put in. */
function hostilePlan(): string {
  let text = replaceOnce(text2017(), "\ncover:\n", `\n${DOCUMENT}cover:\n`);
  // DOCUMENT holds its own characters; the others go in after their anchors.
  for (const [anchor, char] of PLACES) if (!text.includes(anchor + char)) text = replaceOnce(text, anchor, anchor + char);
  return text;
}

/** The glossary with a bell in the full name of CTWG, an acronym the plan uses. */
const GLOSSARY_ANCHOR = "  CTWG: Counter-Terrorism";
const hostileGlossary = () =>
  replaceOnce(readFileSync(join(ROOT, "workplans", "glossary.yaml"), "utf8"), GLOSSARY_ANCHOR, `${GLOSSARY_ANCHOR}${BEL}`);

let cwd: string;
let cleanup: () => void;
let plan: string;
beforeAll(() => {
  plan = hostilePlan();
  ({ cwd, cleanup } = projectWith(plan));
  writeFileSync(join(cwd, "workplans", "glossary.yaml"), hostileGlossary());
});
afterAll(() => cleanup());

const controlFindings = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.ruleId === "no-control-characters");

describe("control characters in a plan: reported by lint at their line and column", () => {
  it("one warning for each, at the character", async () => {
    const report = await lint("workplans/2017.yaml", { cwd, settings: await loadSettings(cwd) });
    const found = controlFindings(report.diagnostics);
    for (const [anchor, char, path] of PLACES) {
      const finding = found.find((d) => d.path.join(".") === path);
      expect(finding, path).toBeDefined();
      const at = positionOf(plan, anchor + char);
      expect(finding!.severity).toBe("warning");
      expect(finding!.span?.start, path).toEqual({ line: at.line, column: at.column + anchor.length });
      expect(finding!.span?.end, path).toEqual({ line: at.line, column: at.column + anchor.length + 1 });
    }
    expect(found).toHaveLength(PLACES.length);
    // The message names the character by its code point, never by the character itself.
    for (const finding of found) expect(finding.message, finding.message).not.toMatch(CONTROL);
    expect(found.find((d) => d.path.join(".") === "cover.title")!.message).toBe("a control character, U+001B (escape), is in the text");
  });

  it("--fix removes them, and the plan then lints without one", async () => {
    const project = projectWith(plan);
    try {
      const { runCli } = await import("../support/cli.js");
      const fixed = await runCli(["lint", "2017", "--fix", "--format", "json"], project.cwd);
      expect(fixed.code).toBe(0);
      const text = readFileSync(join(project.cwd, "workplans", "2017.yaml"), "utf8");
      expect(text).not.toMatch(CONTROL);
      expect(text).toContain("Agree on[31m CTWG Strategic Plan");
      const report = await lint("workplans/2017.yaml", { cwd: project.cwd });
      expect(controlFindings(report.diagnostics)).toEqual([]);
    } finally {
      project.cleanup();
    }
  });

  it("a run of them is one finding, and a text of thousands draws a bounded number", async () => {
    const run = replaceOnce(text2017(), "    text: Agree on", `    text: Agree on${ESC}${BEL}${ESC}`);
    const many = replaceOnce(text2017(), "    text: Agree on", `    text: Agree on${`x${BEL}`.repeat(5000)}`);
    for (const [text, expected] of [
      [run, 1],
      [many, 20],
    ] as const) {
      const project = projectWith(text);
      try {
        const found = controlFindings((await lint("workplans/2017.yaml", { cwd: project.cwd })).diagnostics);
        expect(found).toHaveLength(expected);
        if (expected === 1) expect(found[0]!.message).toBe("3 control characters, U+001B (escape), U+0007 (bell), are in the text");
        else expect(found.at(-1)!.message).toMatch(/and 4980 more runs of them after it/);
      } finally {
        project.cleanup();
      }
    }
  });

  // scalar-offsets.ts does not model a double-quoted value's escapes, so a control character
  // written as one (`"\e"`, `"\r"`, `"\x07"`, the usual way to get one into YAML) is placed at
  // the whole value, not at its escape. Remove `.fails` once src/parse/scalar-offsets.ts maps escapes.
  it.fails("one written as an escape in a double-quoted value, at the escape", async () => {
    const text = replaceOnce(
      text2017(),
      "    text: Agree on CTWG Strategic Plan 2018-2022",
      '    text: "Agree on\\r CTWG Strategic Plan 2018-2022"',
    );
    const project = projectWith(text);
    try {
      const [finding] = controlFindings((await lint("workplans/2017.yaml", { cwd: project.cwd })).diagnostics);
      expect(finding?.message).toBe("a control character, U+000D (carriage return), is in the text");
      const at = positionOf(text, "\\r");
      expect(finding!.span?.start).toEqual(at);
    } finally {
      project.cleanup();
    }
  });

  // The glossary is read by src/model/glossary.ts, and no lint rule reads its file: a control
  // character in a full name reaches the annex (where the view drops it) without a word. Remove
  // `.fails` once parseGlossary reports it.
  it.fails("one in a glossary name, in the glossary at its line and column", async () => {
    const settings = await loadSettings(cwd);
    const glossary = hostileGlossary();
    const at = positionOf(glossary, GLOSSARY_ANCHOR + BEL);
    const finding = settings.diagnostics.find((d) => d.file.endsWith("glossary.yaml") && /U\+0007/.test(d.message));
    expect(finding?.span?.start).toEqual({ line: at.line, column: at.column + GLOSSARY_ANCHOR.length });
  });
});

describe("control characters in a plan: no document carries one", () => {
  /** Builds the hostile plan with the glossary (so the annex prints) and returns each document. */
  async function documents() {
    const settings = await loadSettings(cwd);
    const report = await build("workplans/2017.yaml", { cwd, settings, write: false });
    expect(report.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.ruleId} ${d.message}`)).toEqual([]);
    const of = (ext: string) => report.artifacts.find((a) => a.path.endsWith(`.${ext}`))!.bytes;
    return { md: new TextDecoder().decode(of("md")), html: new TextDecoder().decode(of("html")), pdf: of("pdf") };
  }
  let built: Awaited<ReturnType<typeof documents>>;
  beforeAll(async () => {
    built = await documents();
  }, 60_000);

  it("the Markdown: the texts, the heading, the column titles and the annex print without them", () => {
    const { md } = built;
    expect(md).toContain("Agree on\\[31m CTWG Strategic Plan");
    expect(md).toContain("Annex: Acronyms");
    expect(md).toContain("| Title | Summary1m of Specific Plans |");
    expect(md).toContain("Counter-Terrorism Working Group");
    expect(md).not.toMatch(CONTROL);
  });

  it("the HTML, head and body, the timeline's SVG included", () => {
    const { html } = built;
    expect(html).toContain("Summary1m of Specific Plans");
    expect(html).toContain('<figure class="timeline">');
    expect(html).not.toMatch(CONTROL);
  });

  it("the PDF: its text, its information dictionary and its XMP", async () => {
    const document = await getDocument({ data: built.pdf.slice(), isEvalSupported: false, useSystemFonts: false }).promise;
    try {
      let text = "";
      for (let n = 1; n <= document.numPages; n++) {
        const content = await (await document.getPage(n)).getTextContent();
        text += content.items.map((item) => ("str" in item ? item.str : "")).join("");
      }
      expect(text).toContain("Summary1m of Specific Plans");
      expect(text).not.toMatch(CONTROL);
      const { info, metadata } = (await document.getMetadata()) as unknown as {
        info: Record<string, unknown>;
        metadata: { getRaw(): string } | null;
      };
      expect(String(info.Title)).toBe("Counter-[2JTerrorism Working Group Proposed Workplan for 2017");
      expect(Object.values(info).filter((v) => typeof v === "string" && CONTROL.test(v))).toEqual([]);
      expect(metadata?.getRaw()).toContain("Counter-[2JTerrorism");
      expect(metadata!.getRaw()).not.toMatch(CONTROL);
    } finally {
      await document.destroy();
    }
  });

  it("the PDF's raw bytes: the information dictionary, the XMP packet and the bookmarks hold none", () => {
    const raw = Buffer.from(built.pdf).toString("latin1");
    const info = infoStrings(raw);
    expect(info.find((value) => value.includes("Counter-[2JTerrorism"))).toBeDefined();
    expect(info.filter((value) => CONTROL.test(value))).toEqual([]);
    const xmp = raw.slice(raw.indexOf("<x:xmpmeta"), raw.indexOf("</x:xmpmeta>"));
    expect(xmp).toContain("Counter-[2JTerrorism");
    expect(xmp).not.toMatch(CONTROL);
    const bookmarks = [...raw.matchAll(/\/Title (\((?:\\.|[^\\)])*\))/g)].map((m) => m[1]!);
    expect(bookmarks).toContain("(Annex: Acronyms)");
    expect(bookmarks.filter((title) => CONTROL.test(title))).toEqual([]);
  });

  it("the calendar: its events' summaries, descriptions and places", async () => {
    const located = replaceOnce(plan, "        city: Bali", `        city: Ba${ESC}li`);
    const project = projectWith(located);
    try {
      const report = await calendar("workplans/2017.yaml", { cwd: project.cwd, write: false });
      const ics = new TextDecoder().decode(report.artifact!.bytes);
      const unfolded = ics.replaceAll("\r\n ", "");
      expect(unfolded).toContain("Source: 2017/SOM1/SCE-COW/002\\, Counter-[2JTerrorism Working Group");
      expect(unfolded).toContain("LOCATION:Bali\\, Indonesia");
      expect(ics.replaceAll("\r\n", "\n")).not.toMatch(CONTROL);
      for (const event of report.events) expect(`${event.title} ${event.description} ${event.location}`).not.toMatch(CONTROL);
    } finally {
      project.cleanup();
    }
  });

  it("the redline of the diff, against the committed plan", async () => {
    const project = projectWith(plan);
    try {
      writeFileSync(join(project.cwd, "workplans", "2016.yaml"), text2017().replace(/^year: 2017$/m, "year: 2016"));
      const report = await diff("workplans/2016.yaml", "workplans/2017.yaml", { cwd: project.cwd });
      expect(report.diff).toBeDefined();
      const redline = await formatDiff(report.diff!, "html");
      expect(redline).toContain("Agree on");
      expect(redline).not.toMatch(CONTROL);
    } finally {
      project.cleanup();
    }
  });
});

/** The values of the PDF's information dictionary as written, each given in the dictionary or by reference to an object. */
function infoStrings(raw: string): string[] {
  const object = (n: string) => new RegExp(`\\n${n} 0 obj\\n([\\s\\S]*?)\\nendobj`).exec(raw)?.[1] ?? "";
  const info = /\/Info (\d+) 0 R/.exec(raw);
  expect(info, "the trailer names an information dictionary").not.toBeNull();
  return [...object(info![1]!).matchAll(/\/\w+ (?:(\d+) 0 R|(\((?:\\.|[^\\)])*\)))/g)].map((m) => (m[1] ? object(m[1]) : m[2]!));
}
