import { Packer, type File } from "docx";
import { unzipSync, zipSync, type Zippable } from "fflate";

/**
 * The document's bytes, the same for the same input: the library stamps the package's parts and its
 * creation date with the time of the build, so each part is stamped with the document's own date
 * instead and zipped again, `[Content_Types].xml` first, as Office writes it.
 */
export async function packDocument(document: File, date: Date): Promise<Uint8Array> {
  const parts = unzipSync(new Uint8Array(await Packer.toBuffer(document)));
  const iso = date.toISOString().replace(/\.\d{3}Z$/, "Z");
  const core = new TextDecoder().decode(parts["docProps/core.xml"]);
  parts["docProps/core.xml"] = new TextEncoder().encode(core.replace(/(<dcterms:(created|modified)[^>]*>)[^<]*/g, `$1${iso}`));
  // The zip format keeps local time without a zone: a date whose local fields read the UTC ones gives every machine the same bytes.
  const mtime = new Date(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds());
  const ordered: Zippable = {};
  for (const name of ["[Content_Types].xml", "_rels/.rels", ...Object.keys(parts).sort()]) if (parts[name] && !(name in ordered)) ordered[name] = [parts[name]!, { mtime }];
  return zipSync(ordered, { level: 6 });
}
