import { Packer, type File } from "docx";
import { unzipSync, zipSync, type Zippable } from "fflate";

/**
 * The document's bytes, the same for the same input: the library stamps the package's parts and its
 * creation date with the time of the build, so each part is stamped with the document's own date
 * instead and zipped again, `[Content_Types].xml` first, as Office writes it.
 */
export async function packDocument(document: File, date: Date): Promise<Uint8Array> {
  const parts = await documentParts(document);
  const iso = date.toISOString().replace(/\.\d{3}Z$/, "Z");
  const core = new TextDecoder().decode(parts["docProps/core.xml"]);
  parts["docProps/core.xml"] = new TextEncoder().encode(core.replace(/(<dcterms:(created|modified)[^>]*>)[^<]*/g, `$1${iso}`));
  // The zip format keeps local time without a zone: a date whose local fields read the UTC ones gives every machine the same bytes.
  const mtime = new Date(
    date.getUTCFullYear(),
    date.getUTCMonth(),
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
  );
  const ordered: Zippable = {};
  for (const name of ["[Content_Types].xml", "_rels/.rels", ...Object.keys(parts).sort()])
    if (parts[name] && !(name in ordered)) ordered[name] = [parts[name]!, { mtime }];
  return zipSync(ordered, { level: 6 });
}

/** What the library's packer compiles a document into before zipping it: each part by its path. */
interface PartsCompiler {
  compile(file: File): Map<string, string | Uint8Array>;
}

/**
 * The package's parts, unzipped. Why from the packer's compiler when it has one: zipping the parts
 * only to unzip them here took half the time of a Word build; the library's own zip is the way
 * there when a version of it no longer has the compiler.
 */
async function documentParts(document: File): Promise<Record<string, Uint8Array>> {
  const compiler = (Packer as unknown as { compiler?: Partial<PartsCompiler> }).compiler;
  if (typeof compiler?.compile !== "function") return unzipSync(new Uint8Array(await Packer.toBuffer(document)));
  const encoder = new TextEncoder();
  const parts: Record<string, Uint8Array> = {};
  for (const [path, data] of (compiler as PartsCompiler).compile(document)) {
    parts[path] = typeof data === "string" ? encoder.encode(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  }
  return parts;
}
