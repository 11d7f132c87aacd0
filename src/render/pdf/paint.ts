import PDFDocument from "pdfkit";
import type { FontSet } from "../../fonts/fonts.js";
import { FONT_FACES } from "../../fonts/fonts.js";
import { glyphRunWriter, type GlyphRun } from "./glyph-run.js";
import type { PagePlan, PlacedItem, StructNode } from "./page-plan.js";

/** What the PDF says about itself: the document information dictionary and the language. */
export interface PdfMetadata {
  title: string;
  /** The document symbol; empty for a plan without one. */
  subject: string;
  author: string;
  keywords: string;
  lang: string;
  /** Fixed creation and modification date, so the same input gives the same bytes. */
  date: Date;
}

type StructElement = PDFKit.PDFStructureElement;

/**
 * The only code that calls pdfkit (with glyph-run.ts, which writes its text): draws a page plan as a tagged PDF/UA document with bookmarks.
 * Why every drawing is wrapped in marked content: in a tagged PDF, untagged content is an error;
 * text belongs to its structure element, frames and footers are artifacts.
 */
export function paint(plan: PagePlan, fonts: FontSet, meta: PdfMetadata): Promise<Uint8Array> {
  const doc = new PDFDocument({
    autoFirstPage: false,
    margin: 0,
    pdfVersion: "1.7",
    tagged: true,
    // The published types predate pdfkit's PDF/UA support, which the library itself has.
    subset: "PDF/UA" as unknown as "PDF/A-1",
    lang: meta.lang,
    displayTitle: true,
    // Why no default font: pdfkit would load Helvetica, which cannot write every name in a plan.
    font: null as unknown as string,
    info: {
      Title: meta.title,
      // Why left out when empty: a plan without a symbol has no subject, and an empty entry says nothing.
      ...(meta.subject ? { Subject: meta.subject } : {}),
      Author: meta.author,
      Keywords: meta.keywords,
      Creator: "ctwg",
      Producer: "ctwg (pdfkit)",
      CreationDate: meta.date,
      ModDate: meta.date,
    },
  });
  escapeXmpInfo(doc);
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);
  });
  // The fonts layout already parsed are handed over as they are: pdfkit would otherwise parse each again.
  for (const face of FONT_FACES) doc.registerFont(face, fonts[face].font as unknown as Buffer);

  const writeRun = glyphRunWriter(doc);
  const elements = structureElements(doc, plan.structure);
  let section: PDFKit.PDFOutline | undefined;
  plan.pages.forEach((page, index) => {
    doc.addPage({ size: [page.width, page.height], margin: 0 });
    for (const entry of plan.outline.filter((e) => e.page === index)) {
      if (entry.level === 1 || !section) section = doc.outline.addItem(entry.title);
      else section.addItem(entry.title);
    }
    for (const item of page.items) {
      if (item.kind === "text" && item.struct !== null) {
        const node = plan.structure[item.struct]!;
        const content = doc.markStructureContent(node.type);
        drawItem(doc, writeRun, item);
        doc.endMarkedContent();
        elements.get(item.struct).add(content);
      } else {
        doc.markContent("Artifact", { type: item.kind === "text" ? (item.artifact ?? "Layout") : "Layout" });
        drawItem(doc, writeRun, item);
        doc.endMarkedContent();
      }
    }
  });
  elements.finish();
  doc.end();
  return done;
}

/**
 * Makes pdfkit write the info strings into the XMP packet as XML text. Why: pdfkit pastes Title,
 * Author, Subject and Keywords into the packet as they are, so "Trade & <Security>" would break it;
 * the info dictionary is written before the packet, so it keeps the words unchanged.
 */
function escapeXmpInfo(doc: PDFKit.PDFDocument): void {
  const endMetadata = doc.endMetadata.bind(doc);
  doc.endMetadata = () => {
    const info = doc.info as Record<string, unknown>;
    for (const [key, value] of Object.entries(info)) if (typeof value === "string") info[key] = xmlText(value);
    endMetadata();
  };
}

/** Text as XML character data: `&`, `<` and `>` escaped, the characters XML 1.0 cannot hold (controls, lone surrogates) dropped. */
export function xmlText(text: string): string {
  const escapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };
  return text
    .replace(
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      "",
    )
    .replace(/[&<>]/g, (c) => escapes[c]!);
}

function drawItem(doc: PDFKit.PDFDocument, writeRun: (run: GlyphRun) => void, item: PlacedItem): void {
  switch (item.kind) {
    case "text":
      for (const segment of item.segments) {
        writeRun({
          text: segment.text,
          face: segment.face,
          size: item.size,
          x: item.x + segment.x,
          top: item.y,
          color: "#000000",
          underline: segment.underline,
        });
      }
      return;
    case "box":
      if (item.fill) doc.rect(item.x, item.y, item.width, item.height).fill(item.fill);
      if (item.stroke) {
        doc
          .save()
          .lineWidth(item.stroke)
          .strokeColor(item.strokeColor ?? "#000000");
        if (item.dash) doc.dash(item.dash[0], { space: item.dash[1] });
        doc.rect(item.x, item.y, item.width, item.height).stroke().restore();
      }
      return;
  }
}

/**
 * pdfkit structure elements for the plan's nodes, made when first needed so that children are
 * added in reading order. Why siblings first: an element with no content of its own (an empty
 * table cell) must still take its place in the row, before the next cell.
 */
function structureElements(doc: PDFKit.PDFDocument, nodes: readonly StructNode[]) {
  const made = new Map<number, StructElement>();
  const children = new Map<number | null, StructNode[]>();
  for (const node of nodes) children.set(node.parent, [...(children.get(node.parent) ?? []), node]);

  const get = (id: number): StructElement => {
    const existing = made.get(id);
    if (existing) return existing;
    const node = nodes[id]!;
    for (const sibling of children.get(node.parent) ?? []) {
      if (sibling.id < id && !made.has(sibling.id)) get(sibling.id);
    }
    const element = doc.struct(node.type, node.alt ? { alt: node.alt } : {});
    const attributes = node.scope
      ? { O: "Table", Scope: node.scope }
      : node.numbering
        ? { O: "List", ListNumbering: node.numbering }
        : null;
    if (attributes) (element as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data.A = attributes;
    if (node.parent === null) doc.addStructure(element);
    else get(node.parent).add(element);
    made.set(id, element);
    return element;
  };

  return {
    get,
    /** Makes the nodes no content reached (trailing empty cells), then closes the tree. */
    finish() {
      for (const node of nodes) get(node.id);
      for (const node of nodes) if (node.parent === null) made.get(node.id)!.end();
    },
  };
}
