import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { pdf } from "../../../src/render/pdf.js";
import { xmlText } from "../../../src/render/pdf/paint.js";
import { buildView } from "../../../src/render/view.js";
import { workplan2017 } from "../../support/workplan.js";

const TITLE = "Trade & <Security> in Việt Nam";
const AUTHOR = "Chair & Vice-Chair";

/** The 2017 PDF with markup characters in the title, author and keywords. */
async function renderWithMarkup(): Promise<Uint8Array> {
  const view = buildView(workplan2017());
  view.meta = { ...view.meta, title: TITLE, author: AUTHOR, keywords: [...view.meta.keywords, "<b>bold</b>"] };
  return (await pdf.render(view)) as Uint8Array;
}

/** The XMP packet of a PDF, as UTF-8 text. */
function xmpPacket(bytes: Uint8Array): string {
  const text = Buffer.from(bytes).toString("utf8");
  const start = text.indexOf("<?xpacket begin=");
  const end = text.indexOf('<?xpacket end="w"?>', start);
  expect(start).toBeGreaterThan(-1);
  expect(end).toBeGreaterThan(start);
  return text.slice(start, end + '<?xpacket end="w"?>'.length);
}

/** The first well-formedness error of an XML fragment (tags balanced, names valid, `&` only in references), or null. */
function xmlError(xml: string): string | null {
  const stack: string[] = [];
  for (const token of xml.split(/(<[^>]*>)/)) {
    if (token.startsWith("<?") || token.startsWith("<!--")) continue;
    if (token.startsWith("<")) {
      const match = /^<(\/?)([A-Za-z_][\w.:-]*)(\s[^>]*?)?(\/?)>$/.exec(token);
      if (!match) return `malformed tag ${token}`;
      const [, closing, name, , selfClosing] = match;
      if (closing && stack.pop() !== name) return `unexpected </${name}>`;
      if (!closing && !selfClosing) stack.push(name!);
      continue;
    }
    const stray = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)|</.exec(token);
    if (stray) return `stray ${stray[0]} in ${JSON.stringify(token.trim())}`;
  }
  return stack.length ? `unclosed <${stack.at(-1)}>` : null;
}

describe("the PDF's XMP metadata", () => {
  it("stays well-formed XML when the title, author and keywords hold & and <", async () => {
    const packet = xmpPacket(await renderWithMarkup());
    expect(xmlError(packet)).toBeNull();
    expect(packet).toContain('<rdf:li xml:lang="x-default">Trade &amp; &lt;Security&gt; in Việt Nam</rdf:li>');
    expect(packet).toContain("<rdf:li>Chair &amp; Vice-Chair</rdf:li>");
    expect(packet).toContain("&lt;b&gt;bold&lt;/b&gt;</pdf:Keywords>");
    expect(packet).not.toContain("<Security>");
  });

  it("keeps the words unchanged in the document information and reads back as the title", async () => {
    const document = await getDocument({ data: (await renderWithMarkup()).slice(), isEvalSupported: false, useSystemFonts: false }).promise;
    const { info, metadata } = (await document.getMetadata()) as unknown as {
      info: Record<string, unknown>;
      metadata: { get(name: string): unknown } | null;
    };
    expect(info.Title).toBe(TITLE);
    expect(info.Author).toBe(AUTHOR);
    expect(metadata?.get("dc:title")).toBe(TITLE);
  });

  it("knows a broken packet when it sees one", () => {
    expect(xmlError("<a><rdf:li>Trade & <Security></rdf:li></a>")).not.toBeNull();
    expect(xmlError("<a><rdf:li>Trade &amp; &lt;Security&gt;</rdf:li></a>")).toBeNull();
  });
});

describe("xmlText", () => {
  it("escapes markup and drops what XML 1.0 cannot hold, keeping tabs, newlines and whole surrogate pairs", () => {
    expect(xmlText("a & b < c > d")).toBe("a &amp; b &lt; c &gt; d");
    expect(xmlText("x\u0000\u0007\u001f\ud800y\udc00\tz\n😀")).toBe("xy\tz\n😀");
    expect(xmlText('Group\'s "plan"')).toBe('Group\'s "plan"');
  });
});
