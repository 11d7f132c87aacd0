import { spawnSync } from "node:child_process";
import { inflateSync } from "node:zlib";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { type FontFace, loadFonts } from "../../../src/fonts/fonts.js";
import type { PagePlan, TextLine } from "../../../src/render/pdf/page-plan.js";
import { paint } from "../../../src/render/pdf/paint.js";
import { metrics } from "./plans.js";

const META = { title: "Runs", subject: "", author: "CTWG Chair", keywords: "test", lang: "en", date: new Date(Date.UTC(2017, 1, 28)) };
const SIZE = 12;

interface Piece {
  text: string;
  face?: FontFace;
  underline?: boolean;
}

/** A one-page plan with a line of text per entry, each line made of its pieces set one after another, as layout would place them. */
function planOf(lines: Piece[][]): PagePlan {
  const items: TextLine[] = lines.map((pieces, i) => {
    let x = 0;
    const segments = pieces.map(({ text, face = "regular", underline = false }) => {
      const width = metrics.width(text, face, SIZE);
      const segment = { text, face, underline, x, width };
      x += width;
      return segment;
    });
    return { kind: "text", x: 40, y: 40 + i * 20, size: SIZE, segments, struct: 1 };
  });
  return {
    pages: [{ width: 400, height: 40 + lines.length * 20 + 40, items }],
    structure: [
      { id: 0, type: "Document", parent: null },
      { id: 1, type: "P", parent: 0 },
    ],
    outline: [],
  };
}

const render = (lines: Piece[][]) => paint(planOf(lines), loadFonts(), META);

/** Every stream of the file, inflated where it is compressed. */
function streams(bytes: Uint8Array): string[] {
  const raw = Buffer.from(bytes);
  const text = raw.toString("latin1");
  const found: string[] = [];
  for (const match of text.matchAll(/<<([\s\S]*?)>>\s*stream\r?\n/g)) {
    const length = Number(/\/Length (\d+)/.exec(match[1]!)?.[1]);
    const start = match.index + match[0].length;
    const body = raw.subarray(start, start + length);
    found.push((/\/FlateDecode/.test(match[1]!) ? inflateSync(body) : body).toString("latin1"));
  }
  return found;
}

const pageContent = (bytes: Uint8Array) => streams(bytes).find((stream) => stream.includes("BT"))!;

/** The ToUnicode map of the file's one font: glyph code to text. */
function toUnicode(bytes: Uint8Array): Map<number, string> {
  const cmap = streams(bytes).find((stream) => stream.includes("beginbfrange"))!;
  const map = new Map<number, string>();
  for (const [, start, entries] of cmap.matchAll(/<([0-9a-f]{4})> <[0-9a-f]{4}> \[([^\]]*)\]/g)) {
    [...entries!.matchAll(/<([0-9a-f ]+)>/g)].forEach(([, units], i) => {
      const text = String.fromCharCode(...units!.split(" ").map((unit) => parseInt(unit, 16)));
      map.set(parseInt(start!, 16) + i, text);
    });
  }
  return map;
}

/** The glyph codes of each string the page shows, in order. */
const shownCodes = (content: string) =>
  [...content.matchAll(/<([0-9a-f]+)> Tj/g)].map(([, hex]) => hex!.match(/.{4}/g)!.map((code) => parseInt(code, 16)));

const pdfText = async (bytes: Uint8Array) => {
  const document = await getDocument({ data: bytes.slice(), isEvalSupported: false, useSystemFonts: false }).promise;
  const content = await (await document.getPage(1)).getTextContent();
  return content.items.flatMap((item) => ("str" in item && item.str !== "" ? [{ text: item.str, width: item.width }] : []));
};

const hasPdftotext = spawnSync("pdftotext", ["-v"]).error === undefined;

describe("a glyph run", () => {
  const WORDS = ["Việt Nam", "Москва", "Αθήνα", "AVAW Tokyo"];

  it("writes each character's glyph from the character map, one string a run, no kerning", async () => {
    const bytes = await render([[{ text: "AVAW Tokyo" }]]);
    const content = pageContent(bytes);
    expect(content).not.toMatch(/\] TJ/);
    const font = loadFonts().regular.font;
    const gids = [..."AVAW Tokyo"].map((char) => font.glyphForCodePoint(char.codePointAt(0)!).id);
    const [codes] = shownCodes(content);
    // The codes are the subset's glyph numbers, handed out in first use: 0 is the missing glyph, then one each new glyph.
    const order = [...new Set(gids)];
    expect(codes).toEqual(gids.map((gid) => order.indexOf(gid) + 1));
  });

  it("copies out as the text it was made from, in Vietnamese, Cyrillic and Greek", async () => {
    const bytes = await render(WORDS.map((text) => [{ text }]));
    const unicode = toUnicode(bytes);
    const decoded = shownCodes(pageContent(bytes)).map((codes) => codes.map((code) => unicode.get(code)).join(""));
    expect(decoded).toEqual(WORDS);
    expect((await pdfText(bytes)).map((item) => item.text)).toEqual(WORDS);
  });

  it.skipIf(!hasPdftotext)("reads back with pdftotext", async () => {
    const bytes = await render(WORDS.map((text) => [{ text }]));
    const result = spawnSync("pdftotext", ["-", "-"], { input: Buffer.from(bytes), encoding: "utf8" });
    expect(
      result.stdout
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean),
    ).toEqual(WORDS);
  });

  it("is as wide on the page as layout measured it", async () => {
    const bytes = await render(WORDS.map((text) => [{ text, face: "bold" }]));
    for (const [i, item] of (await pdfText(bytes)).entries()) expect(item.width).toBeCloseTo(metrics.width(WORDS[i]!, "bold", SIZE), 3);
  });

  it("places a combining mark with no precomposed form where the font puts it, and copies it out", async () => {
    const bytes = await render([[{ text: "x\u0302" }]]);
    const content = pageContent(bytes);
    // The mark is set on its own, moved left over its base.
    const moves = [...content.matchAll(/1 0 0 1 ([\d.]+) ([\d.]+) Tm/g)].map(([, x]) => Number(x));
    expect(moves).toHaveLength(2);
    expect(moves[1]).toBeLessThan(40 + metrics.width("x", "regular", SIZE));
    expect((await pdfText(bytes)).map((item) => item.text).join("")).toBe("x\u0302");
  });

  it("writes the missing glyph for a character the font lacks, as shaping did", async () => {
    const content = pageContent(await render([[{ text: "中" }]]));
    expect(shownCodes(content)).toEqual([[0]]);
  });

  it("underlines under the text, as wide as the text, in the text's colour", async () => {
    const content = pageContent(await render([[{ text: "Plain " }, { text: "2016 Leaders Declaration", underline: true }]]));
    const line = /0 0 0 SCN\n1 w\n([\d.]+) ([\d.]+) m\n([\d.]+) ([\d.]+) l\nS/.exec(content);
    expect(line).not.toBeNull();
    const [, x1, y1, x2, y2] = line!.map(Number);
    expect(x1).toBeCloseTo(40 + metrics.width("Plain ", "regular", SIZE), 4);
    expect(x2! - x1!).toBeCloseTo(metrics.width("2016 Leaders Declaration", "regular", SIZE), 4);
    expect(y2).toBe(y1);
    // Below the baseline (top plus ascent), above the line box's bottom.
    expect(y1).toBeGreaterThan(40 + metrics.ascent("regular", SIZE));
    expect(y1).toBeLessThan(40 + SIZE * 1.2);
  });

  it("sits inside the marked content of its structure element", async () => {
    const content = pageContent(await render([[{ text: "Tagged" }]]));
    expect(content).toMatch(/\/P <<\n\/MCID 0\n>> BDC\n[\s\S]*BT\n[\s\S]*Tj\nET\nQ\nEMC/);
  });

  it("gives the same bytes each time", async () => {
    const lines = [
      ...WORDS.map((text) => [{ text }]),
      [
        { text: "under", underline: true },
        { text: " bold", face: "bold" as const },
      ],
    ];
    expect(Buffer.from(await render(lines)).equals(Buffer.from(await render(lines)))).toBe(true);
  });
});
