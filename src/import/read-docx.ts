import { damaged, listZip, readZipEntry, type ZipEntry } from "./safe-unzip.js";
import { attribute, decodeXml, parseXml, readBody } from "./word-xml.js";
import type { DocxProblem, WordDocument } from "./word-document.js";

export type { DocxProblem, WordDocument, WordParagraph, WordPiece } from "./word-document.js";

export type ReadDocxResult = { ok: true; document: WordDocument } | { ok: false; problem: DocxProblem };

/**
 * Limits. Why these: a long work plan's document.xml is a few megabytes; the property parts are
 * kilobytes. At most four parts are read, so at most 64 + 3 × 4 = 76 MB is ever unpacked.
 */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;
export const MAX_PROPERTIES_BYTES = 4 * 1024 * 1024;

const NOT_A_DOCX_HINT = "export it from Word as .docx (Word Document), not .doc or PDF";
const NOT_A_ZIP: DocxProblem = { message: "is not a Word document: a .docx is a zip archive, and this is not one", hint: NOT_A_DOCX_HINT };
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Reads a .docx from its bytes: its paragraphs and properties, or the one problem that stops it. Never throws for bad input. */
export function readDocx(bytes: Uint8Array): ReadDocxResult {
  if (OLE_SIGNATURE.every((byte, i) => bytes[i] === byte)) return { ok: false, problem: compoundFileProblem(bytes) };
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return { ok: false, problem: NOT_A_ZIP };
  const listing = listZip(bytes);
  if (!listing.ok) return listing;
  const { entries } = listing;

  const relationships = new Map<string, string>();
  const rels = entries.get("_rels/.rels");
  if (rels) {
    const read = readXmlPart(bytes, rels, MAX_PROPERTIES_BYTES);
    if (typeof read !== "string") return { ok: false, problem: read };
    const problem = readRelationships(read, relationships);
    if (problem) return { ok: false, problem };
  }

  // Why a fallback: a package without _rels/.rels is broken, but its document.xml is still Word's.
  const documentName = relationships.get("officeDocument") ?? "word/document.xml";
  const documentEntry = entries.get(documentName.toLowerCase());
  if (!documentEntry) {
    if (relationships.has("officeDocument"))
      return { ok: false, problem: damaged(`its main part, ${documentName}, is missing from its zip archive`) };
    return {
      ok: false,
      problem: { message: "is not a Word document: it is a zip archive, but has no word/document.xml", hint: NOT_A_DOCX_HINT },
    };
  }
  const documentText = readXmlPart(bytes, documentEntry, MAX_DOCUMENT_BYTES);
  if (typeof documentText !== "string") return { ok: false, problem: documentText };
  const body = readBody(documentText, documentEntry.name);
  if (!body.ok) return body;

  const coreProperties: WordDocument["coreProperties"] = {};
  const core = entries.get((relationships.get("core") ?? "docProps/core.xml").toLowerCase());
  if (core) {
    const text = readXmlPart(bytes, core, MAX_PROPERTIES_BYTES);
    const problem = typeof text === "string" ? readCoreProperties(text, core.name, coreProperties) : text;
    if (problem) return { ok: false, problem };
  }
  const customProperties = new Map<string, string>();
  const custom = entries.get((relationships.get("custom") ?? "docProps/custom.xml").toLowerCase());
  if (custom) {
    const text = readXmlPart(bytes, custom, MAX_PROPERTIES_BYTES);
    const problem = typeof text === "string" ? readCustomProperties(text, custom.name, customProperties) : text;
    if (problem) return { ok: false, problem };
  }
  return { ok: true, document: { paragraphs: body.paragraphs, customProperties, coreProperties } };
}

/** A part's text, unpacked within `limit` and decoded. */
function readXmlPart(bytes: Uint8Array, entry: ZipEntry, limit: number): string | DocxProblem {
  const read = readZipEntry(bytes, entry, limit);
  return read.ok ? decodeXml(read.data, entry.name) : read.problem;
}

/**
 * The package relationships that matter, by kind ("officeDocument", "core", "custom") → part name.
 * Why by the type's last segment: transitional and strict OOXML spell the same types under other roots.
 */
function readRelationships(text: string, into: Map<string, string>): DocxProblem | null {
  const kinds = new Map([
    ["officeDocument", "officeDocument"],
    ["core-properties", "core"],
    ["custom-properties", "custom"],
    ["customProperties", "custom"],
  ]);
  return parseXml(text, "_rels/.rels", {
    open(tag) {
      if (tag.local !== "Relationship" || attribute(tag, "TargetMode") === "External") return;
      const kind = kinds.get((attribute(tag, "Type") ?? "").split("/").at(-1) ?? "");
      const target = attribute(tag, "Target");
      if (kind && target && !into.has(kind)) into.set(kind, partName(target));
    },
    close() {},
    text() {},
  });
}

/** A relationship target from the package root as a zip entry name: "/word/./document.xml" → "word/document.xml". */
function partName(target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // A stray "%" is a literal character in the name; keep the target as written.
  }
  const segments: string[] = [];
  for (const segment of decoded.split("/")) {
    if (segment === "..") segments.pop();
    else if (segment !== "" && segment !== ".") segments.push(segment);
  }
  return segments.join("/");
}

const DC = "http://purl.org/dc/elements/1.1/";
const CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";

/** docProps/core.xml's title, subject, creator and keywords: the root's children of those names. */
function readCoreProperties(text: string, part: string, into: WordDocument["coreProperties"]): DocxProblem | null {
  const wanted = new Map<string, keyof WordDocument["coreProperties"]>([
    [`${DC} title`, "title"],
    [`${DC} subject`, "subject"],
    [`${DC} creator`, "creator"],
    [`${CP} keywords`, "keywords"],
  ]);
  let depth = 0;
  let current: keyof WordDocument["coreProperties"] | undefined;
  let value = "";
  return parseXml(text, part, {
    open(tag) {
      depth++;
      if (depth !== 2) return;
      current = wanted.get(`${tag.uri} ${tag.local}`);
      value = "";
    },
    close() {
      if (depth === 2 && current && value.trim() !== "" && into[current] === undefined) into[current] = value;
      if (depth === 2) current = undefined;
      depth--;
    },
    text(chunk) {
      if (current) value += chunk;
    },
  });
}

/** docProps/custom.xml's properties: each property's name and the text of its one value element (vt:lpwstr, vt:i4, vt:bool…). */
function readCustomProperties(text: string, part: string, into: Map<string, string>): DocxProblem | null {
  let depth = 0;
  let name: string | undefined;
  let value = "";
  /** Whether the text read now is in the property's first child, its value; a second child is not read. */
  let inValue = false;
  let valueSeen = false;
  return parseXml(text, part, {
    open(tag) {
      depth++;
      if (depth === 2) {
        name = tag.local === "property" ? attribute(tag, "name") : undefined;
        value = "";
        valueSeen = false;
      } else if (depth === 3 && !valueSeen) {
        inValue = valueSeen = true;
      }
    },
    close() {
      if (depth === 3) inValue = false;
      if (depth === 2 && name !== undefined && !into.has(name)) into.set(name, value);
      depth--;
    },
    text(chunk) {
      if (name !== undefined && inValue) value += chunk;
    },
  });
}

/**
 * The problem for an OLE compound file, the container of both an encrypted .docx and a Word 97–2003
 * .doc. Why look inside: each needs another fix, and the stream names (UTF-16 in the directory) tell them apart.
 */
function compoundFileProblem(bytes: Uint8Array): DocxProblem {
  const text = new TextDecoder("latin1").decode(bytes);
  const has = (name: string) => text.includes([...name].join("\0"));
  if (has("EncryptedPackage")) {
    return {
      message: "is protected with a password, so its text is encrypted and ctwg cannot read it",
      hint: "remove the password in Word (File › Info › Protect Document) and save again",
    };
  }
  if (has("WordDocument")) {
    return {
      message: "is a Word 97–2003 document (.doc), not a .docx",
      hint: "open it in Word and save it as .docx (File › Save As › Word Document)",
    };
  }
  return NOT_A_ZIP;
}
