import { SaxesParser } from "saxes";
import type { DocxProblem, WordParagraph, WordPiece } from "./word-document.js";

/**
 * A guarded XML reader for the parts of a .docx. Why guarded: a .docx is a file a person hands us,
 * and XML can declare entities that expand a few bytes into gigabytes (billion laughs) or read other
 * files (XXE). Word never writes a DOCTYPE or a processing instruction in a .docx, so any is refused,
 * and saxes itself never resolves anything external. Events stream to handlers: no tree is built.
 */

/** An element as the handlers see it: its namespace URI and local name, and its attributes likewise. */
export interface XmlTag {
  uri: string;
  local: string;
  attributes: XmlAttribute[];
}

export interface XmlAttribute {
  /** "" for an unprefixed attribute, which is in no namespace. */
  uri: string;
  local: string;
  value: string;
}

export interface XmlHandlers {
  open(tag: XmlTag): void;
  close(): void;
  text(text: string): void;
}

/** Thrown by a handler, or the guard, to stop the parse with a problem; caught in `parseXml` alone. */
export class XmlRefusal {
  constructor(readonly problem: DocxProblem) {}
}

const HAND_MADE = "make the .docx with Word or LibreOffice itself; a hand-made or rewritten file can carry XML meant to attack its reader";
const XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";

const malformed = (part: string, detail: string): DocxProblem => ({
  message: `is damaged: its part ${part} is not well-formed XML (${detail.slice(0, 200)})`,
  hint: "open it in Word and save it again as .docx, which rewrites its XML",
});

/**
 * Streams `text` (the part named `part`) to the handlers; the problem that stopped it, or null.
 * Why namespaces are resolved here, not by saxes: saxes looks a prefix up by walking every open
 * element, so a file nested a hundred thousand deep would take minutes; a stack per prefix takes no time.
 */
export function parseXml(text: string, part: string, handlers: XmlHandlers): DocxProblem | null {
  const parser = new SaxesParser({ position: true });
  /** Each prefix's bindings, innermost last; "" is the default namespace. */
  const bindings = new Map<string, string[]>([["xml", [XML_NAMESPACE]]]);
  /** The prefixes each open element bound, to unbind when it closes. */
  const bound: string[][] = [];
  const resolve = (prefix: string, name: string): string => {
    const uri = bindings.get(prefix)?.at(-1);
    if (uri !== undefined && (uri !== "" || prefix === "")) return uri;
    throw new XmlRefusal(malformed(part, `line ${parser.line}, column ${parser.column}: ${name} uses an undeclared namespace prefix`));
  };
  const split = (name: string) => {
    const colon = name.indexOf(":");
    return colon < 0 ? { prefix: "", local: name } : { prefix: name.slice(0, colon), local: name.slice(colon + 1) };
  };

  parser.on("doctype", () => {
    const message = `declares entities in its XML (a DOCTYPE, in its part ${part}), which Word never writes; ctwg does not read it`;
    throw new XmlRefusal({ message, hint: HAND_MADE });
  });
  parser.on("processinginstruction", ({ target }) => {
    const message = `has an XML processing instruction (<?${target.slice(0, 40)}?>, in its part ${part}), which Word never writes; ctwg does not read it`;
    throw new XmlRefusal({ message, hint: HAND_MADE });
  });
  parser.on("error", (error) => {
    const where = /^(\d+):(\d+): ([\s\S]*)$/.exec(error.message);
    throw new XmlRefusal(malformed(part, where ? `line ${where[1]}, column ${where[2]}: ${where[3]}` : error.message));
  });
  parser.on("opentag", (tag) => {
    const declared: string[] = [];
    for (const [name, value] of Object.entries(tag.attributes)) {
      const prefix = name === "xmlns" ? "" : name.startsWith("xmlns:") ? name.slice(6) : undefined;
      if (prefix === undefined) continue;
      declared.push(prefix);
      const stack = bindings.get(prefix);
      if (stack) stack.push(value);
      else bindings.set(prefix, [value]);
    }
    bound.push(declared);
    const { prefix, local } = split(tag.name);
    const attributes: XmlAttribute[] = [];
    for (const [name, value] of Object.entries(tag.attributes)) {
      if (name === "xmlns" || name.startsWith("xmlns:")) continue;
      const qualified = split(name);
      // An unprefixed attribute is in no namespace, whatever the default namespace is.
      attributes.push({ uri: qualified.prefix === "" ? "" : resolve(qualified.prefix, name), local: qualified.local, value });
    }
    handlers.open({ uri: prefix === "" ? (bindings.get("")?.at(-1) ?? "") : resolve(prefix, tag.name), local, attributes });
  });
  parser.on("closetag", () => {
    for (const prefix of bound.pop() ?? []) bindings.get(prefix)?.pop();
    handlers.close();
  });
  parser.on("text", (chunk) => handlers.text(chunk));
  parser.on("cdata", (chunk) => handlers.text(chunk));
  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof XmlRefusal) return error.problem;
    throw error;
  }
  return null;
}

/** A part's bytes as text: UTF-8 unless a byte-order mark says UTF-16, as the XML spec allows. */
export function decodeXml(bytes: Uint8Array, part: string): string | DocxProblem {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : "utf-8";
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return {
      message: `is damaged: its part ${part} is not valid ${encoding.toUpperCase()} text`,
      hint: "open it in Word and save it again as .docx",
    };
  }
}

/** The value of an attribute by local name: in the tag's own namespace (w:val) or unprefixed (Type, Target, a stray val). */
export function attribute(tag: XmlTag, local: string): string | undefined {
  let plain: string | undefined;
  for (const attr of tag.attributes) {
    if (attr.local !== local) continue;
    if (attr.uri === tag.uri) return attr.value;
    if (attr.uri === "") plain = attr.value;
  }
  return plain;
}

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
/** "Strict Open XML", which Word can save as: the same elements under another namespace. */
const W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main";
const MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/**
 * How an element's content is read. "flow": text counts. "deleted": a tracked deletion, of which
 * only bookmarks count. "graphic": a drawing, of which only text boxes count. "hidden": nothing
 * counts (field codes, old properties of a tracked change, the second copy of alternate content).
 * The three "props" modes read a paragraph's or run's properties.
 */
type Mode = "flow" | "deleted" | "graphic" | "hidden" | "paragraphProps" | "markProps" | "runProps";

type Format = WordPiece["format"];

interface Frame {
  /** The local name for WordprocessingML, "mc:…" for markup compatibility, "" for anything else. */
  name: string;
  mode: Mode;
  inserted: boolean;
  /** What this element opened, to close it again. */
  opened?: "paragraph" | "run" | "table" | "cell" | "textBox";
  /** For mc:AlternateContent: whether a choice was taken (the rest are copies of it). */
  chose?: boolean;
}

/** A flow of paragraphs: the body, a table cell or a text box. A deleted paragraph mark joins only within one. */
interface Container {
  cell: WordParagraph["cell"];
  /** The paragraph whose mark was deleted, which the next paragraph here joins. */
  joining: WordParagraph | null;
}

interface OpenParagraph {
  paragraph: WordParagraph;
  container: Container;
  /** Joined to an earlier paragraph, whose style it keeps. */
  joined: boolean;
  markDeleted: boolean;
}

/** Elements read as runs of content, and what each adds; only as a child of w:r. */
const RUN_CHARACTERS = new Map([
  ["tab", "\t"],
  ["ptab", "\t"],
  ["br", "\n"],
  ["cr", "\n"],
  ["noBreakHyphen", "\u2011"],
  ["softHyphen", ""],
]);

/** Content never read: field codes, deleted text, and what a tracked change had before. */
const HIDDEN = new Set([
  "instrText",
  "delText",
  "delInstrText",
  "sdtPr",
  "sdtEndPr",
  "customXmlPr",
  "smartTagPr",
  "tblPr",
  "tblGrid",
  "trPr",
  "tcPr",
  "sectPr",
  "pPrChange",
  "rPrChange",
  "sectPrChange",
  "tblPrChange",
  "trPrChange",
  "tcPrChange",
  "tblGridChange",
  "numberingChange",
]);

const OTHER_FORMATS = new Set(["color", "highlight", "shd", "sz", "rFonts", "vertAlign", "caps", "smallCaps"]);

const PLAIN: Format = { italic: false, bold: false, underline: false, strike: false, other: false };

/** A toggle property's value: on unless w:val says off. */
const isOn = (value: string | undefined) => value === undefined || !/^(0|false|off)$/i.test(value);

export type BodyResult = { ok: true; paragraphs: WordParagraph[] } | { ok: false; problem: DocxProblem };

/** The paragraphs of word/document.xml (the part named `part`), in document order. */
export function readBody(text: string, part: string): BodyResult {
  const paragraphs: WordParagraph[] = [];
  const frames: Frame[] = [];
  const containers: Container[] = [{ cell: null, joining: null }];
  const open: OpenParagraph[] = [];
  const runs: Format[] = [];
  const tables: { index: number; row: number; column: number }[] = [];
  /** Each complex field open at this point, and whether it has reached its result. */
  const fields: boolean[] = [];
  /** How many of those are still in their code; a count, so each piece of text costs the same however deep fields nest. */
  let inCode = 0;
  /** Bookmark markers met outside any paragraph, waiting for the next one. */
  let waiting: WordPiece[] = [];
  const bookmarkNames = new Map<string, string>();
  const ends: { piece: WordPiece; id: string }[] = [];
  let count = 0;
  let tableCount = 0;
  let last: WordParagraph | undefined;
  let sawRoot = false;

  const nameOf = (tag: XmlTag) => (tag.uri === W || tag.uri === W_STRICT ? tag.local : tag.uri === MC ? `mc:${tag.local}` : "");

  const addText = (text: string, inserted: boolean) => {
    const target = open.at(-1)?.paragraph;
    if (!target || text === "" || inCode > 0) return;
    const format = runs.at(-1) ?? PLAIN;
    const previous = target.pieces.at(-1);
    // Adjacent text alike in format and insertion is one piece: Word splits runs for reasons no reader sees.
    if (previous?.kind === "text" && previous.inserted === inserted && sameFormat(previous.format, format)) previous.text += text;
    else target.pieces.push({ kind: "text", text, inserted, format: { ...format } });
  };

  const addMarker = (piece: WordPiece) => {
    const target = open.at(-1)?.paragraph;
    if (target) target.pieces.push(piece);
    // Outside a paragraph: a start belongs to what follows, an end to what went before (unless what it ends still waits).
    else if (piece.kind === "bookmarkStart" || waiting.length > 0 || !last) waiting.push(piece);
    else last.pieces.push(piece);
  };

  const bookmark = (tag: XmlTag, kind: "bookmarkStart" | "bookmarkEnd", inserted: boolean) => {
    const id = attribute(tag, "id") ?? "";
    const piece: WordPiece = { kind, text: "", inserted, format: { ...PLAIN } };
    if (kind === "bookmarkStart") {
      const name = attribute(tag, "name") ?? "";
      // _GoBack is where Word's cursor last was, saved so Shift+F5 can return to it: not the author's.
      if (name === "_GoBack" || name === "") return;
      bookmarkNames.set(id, name);
      piece.bookmark = name;
    } else ends.push({ piece, id });
    addMarker(piece);
  };

  const startParagraph = () => {
    count++;
    const container = containers.at(-1)!;
    const joining = container.joining;
    container.joining = null;
    const paragraph = joining ?? { number: count, cell: container.cell, style: null, pieces: [] };
    if (!joining) paragraphs.push(paragraph);
    // A loop, not push(...waiting): a spread of very many markers would overflow the call stack.
    for (const piece of waiting) paragraph.pieces.push(piece);
    waiting = [];
    open.push({ paragraph, container, joined: joining !== null, markDeleted: false });
  };

  const endParagraph = () => {
    const closing = open.pop();
    if (!closing) return;
    last = closing.paragraph;
    if (closing.markDeleted) closing.container.joining = closing.paragraph;
  };

  /** The mode of a child of `parent` named `name`, and what it does on opening. */
  const enter = (tag: XmlTag, name: string, parent: Frame): Frame => {
    const frame: Frame = { name, mode: parent.mode, inserted: parent.inserted };
    // Markup compatibility: read the first choice, skip the other choices and the fallback (copies of it).
    if (name === "mc:Choice" || name === "mc:Fallback") {
      if (name === "mc:Fallback" || parent.name !== "mc:AlternateContent" || parent.chose) frame.mode = "hidden";
      parent.chose = true;
      return frame;
    }
    switch (parent.mode) {
      case "hidden":
        return frame;
      case "graphic":
        if (name === "txbxContent") {
          frame.mode = "flow";
          frame.opened = "textBox";
          containers.push({ cell: null, joining: null });
        }
        return frame;
      case "deleted":
        if (name === "bookmarkStart" || name === "bookmarkEnd") bookmark(tag, name, parent.inserted);
        return frame;
      case "paragraphProps":
        if (name === "pStyle" && !open.at(-1)?.joined) open.at(-1)!.paragraph.style = attribute(tag, "val") ?? null;
        frame.mode = name === "rPr" ? "markProps" : "hidden";
        return frame;
      case "markProps":
        if ((name === "del" || name === "moveFrom") && open.length > 0) open.at(-1)!.markDeleted = true;
        frame.mode = "hidden";
        return frame;
      case "runProps":
        formatRun(runs.at(-1), name, attribute(tag, "val"));
        frame.mode = "hidden";
        return frame;
      case "flow":
        return enterFlow(tag, name, parent, frame);
    }
  };

  const enterFlow = (tag: XmlTag, name: string, parent: Frame, frame: Frame): Frame => {
    if (HIDDEN.has(name)) frame.mode = "hidden";
    else if (name === "del" || name === "moveFrom") frame.mode = "deleted";
    else if (name === "drawing" || name === "pict" || name === "object") frame.mode = "graphic";
    else if (name === "ins" || name === "moveTo") frame.inserted = true;
    else if (name === "p") {
      startParagraph();
      frame.opened = "paragraph";
    } else if (name === "pPr") frame.mode = parent.name === "p" && open.length > 0 ? "paragraphProps" : "hidden";
    else if (name === "r") {
      runs.push({ ...PLAIN });
      frame.opened = "run";
    } else if (name === "rPr") frame.mode = parent.name === "r" && runs.length > 0 ? "runProps" : "hidden";
    else if (name === "bookmarkStart" || name === "bookmarkEnd") bookmark(tag, name, parent.inserted);
    // A page or column break is layout, not text: LibreOffice writes a paragraph's "page break before" as one.
    else if (name === "br" && (attribute(tag, "type") === "page" || attribute(tag, "type") === "column")) frame.mode = "hidden";
    else if (parent.name === "r" && RUN_CHARACTERS.has(name)) addText(RUN_CHARACTERS.get(name)!, frame.inserted);
    else if (parent.name === "r" && name === "sym") addText(symbol(attribute(tag, "char")), frame.inserted);
    else if (parent.name === "r" && name === "fldChar") field(attribute(tag, "fldCharType"));
    else if (name === "tbl") {
      // A deleted mark before a table joins nothing: the table stands between.
      containers.at(-1)!.joining = null;
      tables.push({ index: ++tableCount, row: 0, column: 0 });
      frame.opened = "table";
    } else if (name === "tr" && tables.length > 0) {
      tables.at(-1)!.row++;
      tables.at(-1)!.column = 0;
    } else if (name === "tc" && tables.length > 0) {
      const table = tables.at(-1)!;
      containers.push({ cell: { table: table.index, row: table.row, column: ++table.column }, joining: null });
      frame.opened = "cell";
    }
    return frame;
  };

  const field = (type: string | undefined) => {
    if (type === "begin") {
      fields.push(false);
      inCode++;
    } else if (type === "separate" && fields.at(-1) === false) {
      fields[fields.length - 1] = true;
      inCode--;
    } else if (type === "end" && fields.length > 0) {
      if (fields.pop() === false) inCode--;
    }
  };

  const problem = parseXml(text, part, {
    open(tag) {
      const name = nameOf(tag);
      if (!sawRoot) {
        sawRoot = true;
        if (name !== "document") throw new XmlRefusal(notWordRoot(tag.local));
        frames.push({ name, mode: "flow", inserted: false });
        return;
      }
      frames.push(enter(tag, name, frames.at(-1)!));
    },
    close() {
      const frame = frames.pop();
      if (frame?.opened === "paragraph") endParagraph();
      else if (frame?.opened === "run") runs.pop();
      else if (frame?.opened === "table") tables.pop();
      else if (frame?.opened === "cell" || frame?.opened === "textBox") containers.pop();
    },
    text(chunk) {
      const frame = frames.at(-1);
      if (frame?.name === "t" && frame.mode === "flow" && frames.at(-2)?.name === "r") addText(chunk, frame.inserted);
    },
  });
  if (problem) return { ok: false, problem };

  // Markers still waiting had no paragraph after them: the last one takes them, so none is lost.
  for (const piece of waiting) paragraphs.at(-1)?.pieces.push(piece);
  const unnamed = new Set<WordPiece>();
  for (const { piece, id } of ends) {
    const name = bookmarkNames.get(id);
    if (name === undefined) unnamed.add(piece);
    else piece.bookmark = name;
  }
  // An end whose start was _GoBack (or never came) goes, and the text either side of it is one piece again.
  if (unnamed.size > 0)
    for (const paragraph of paragraphs) paragraph.pieces = joinAlike(paragraph.pieces.filter((piece) => !unnamed.has(piece)));
  return { ok: true, paragraphs };
}

/** The pieces with adjacent text alike in format and insertion joined. */
function joinAlike(pieces: WordPiece[]): WordPiece[] {
  const joined: WordPiece[] = [];
  for (const piece of pieces) {
    const previous = joined.at(-1);
    if (
      piece.kind === "text" &&
      previous?.kind === "text" &&
      previous.inserted === piece.inserted &&
      sameFormat(previous.format, piece.format)
    )
      previous.text += piece.text;
    else joined.push(piece);
  }
  return joined;
}

/** Sets what a run property says on the run's format. */
function formatRun(format: Format | undefined, name: string, value: string | undefined): void {
  if (!format) return;
  if (name === "i") format.italic = isOn(value);
  else if (name === "b") format.bold = isOn(value);
  else if (name === "u") format.underline = value !== "none" && isOn(value);
  else if (name === "strike" || name === "dstrike") format.strike = isOn(value);
  else if (OTHER_FORMATS.has(name)) {
    const off =
      ((name === "caps" || name === "smallCaps") && !isOn(value)) ||
      (name === "highlight" && value === "none") ||
      (name === "vertAlign" && value === "baseline");
    if (!off) format.other = true;
  }
}

const sameFormat = (a: Format, b: Format) =>
  a.italic === b.italic && a.bold === b.bold && a.underline === b.underline && a.strike === b.strike && a.other === b.other;

/**
 * The character of a w:sym, or nothing. Why not private-use code points: Word stores a symbol font's
 * glyph (Symbol, Wingdings) as U+F000 plus its place in that font, which means nothing in Unicode.
 */
function symbol(hex: string | undefined): string {
  if (!hex || !/^[0-9a-f]{1,6}$/i.test(hex)) return "";
  const code = Number.parseInt(hex, 16);
  const plain =
    code >= 0x20 &&
    code <= 0x10ffff &&
    !(code >= 0x7f && code < 0xa0) &&
    !(code >= 0xd800 && code <= 0xdfff) &&
    !(code >= 0xe000 && code <= 0xf8ff);
  return plain ? String.fromCodePoint(code) : "";
}

/** The problem for a main part that is not a Word body: an Excel or PowerPoint file, or something else zipped. */
function notWordRoot(root: string): DocxProblem {
  const what =
    root === "workbook"
      ? "an Excel workbook"
      : root === "presentation"
        ? "a PowerPoint presentation"
        : `a zip archive whose main part is <${root}>`;
  return { message: `is not a Word document: it is ${what}`, hint: "export the work plan from Word as .docx (Word Document)" };
}
