import { Inflate } from "fflate";
import type { DocxProblem } from "./word-document.js";

/**
 * A zip reader for files a person hands us, so it trusts nothing in them. Why not fflate's
 * `unzipSync`: it inflates every entry, sized by what the archive declares, so a small file can ask
 * for gigabytes. Here the central directory is read by hand, and only the parts asked for are
 * inflated, in small steps against a running count, into a buffer no larger than the declared size.
 */

/** More entries than any Word document has (a long report with images has a few hundred). */
export const MAX_ZIP_ENTRIES = 10_000;

/** One file in the archive, as its central directory describes it. */
export interface ZipEntry {
  /** As stored, e.g. "word/document.xml". */
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  /** The declared uncompressed size; checked against the real one when read. */
  size: number;
  localHeaderOffset: number;
}

/** The archive's entries, keyed by lower-case name: OPC part names are case-insensitive. */
export type ZipListing = { ok: true; entries: Map<string, ZipEntry> } | { ok: false; problem: DocxProblem };
export type ZipRead = { ok: true; data: Uint8Array } | { ok: false; problem: DocxProblem };

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** Where a 32-bit field says "see the ZIP64 extra field". */
const ZIP64_MARK = 0xffffffff;
/** Compressed bytes handed to the inflater per step: DEFLATE expands at most ~1032×, so one step yields at most ~8 MB. */
const INFLATE_STEP = 8 * 1024;

const SAVE_AGAIN = "open it in Word and save it again as .docx, or copy or download it again if it was cut short";

export const damaged = (why: string): DocxProblem => ({ message: `is damaged: ${why}`, hint: SAVE_AGAIN });

/** The central directory's list of entries, with every offset and count checked against the file's size. */
export function listZip(bytes: Uint8Array): ZipListing {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfDirectory(view);
  if (end < 0)
    return { ok: false, problem: damaged("it starts as a zip archive, but the archive's table of contents at its end is missing") };
  let count = view.getUint16(end + 10, true);
  let directorySize = view.getUint32(end + 12, true);
  let directoryOffset = view.getUint32(end + 16, true);
  if (view.getUint16(end + 4, true) !== 0 || view.getUint16(end + 6, true) !== 0) {
    return { ok: false, problem: damaged("it is one part of a zip archive split over several files") };
  }
  // ZIP64: some writers (.NET's packaging among them) use it even for small files.
  if (count === 0xffff || directorySize === ZIP64_MARK || directoryOffset === ZIP64_MARK) {
    const locator = end - 20;
    if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR)
      return { ok: false, problem: damaged("its ZIP64 table of contents is missing") };
    const record = readUint64(view, locator + 8);
    if (record + 56 > bytes.length || view.getUint32(record, true) !== ZIP64_END_OF_DIRECTORY) {
      return { ok: false, problem: damaged("its ZIP64 table of contents is missing") };
    }
    count = readUint64(view, record + 32);
    directorySize = readUint64(view, record + 40);
    directoryOffset = readUint64(view, record + 48);
  }
  if (count > MAX_ZIP_ENTRIES)
    return {
      ok: false,
      problem: tooLarge(`its zip archive lists ${count} files, and a Word document has far fewer than ${MAX_ZIP_ENTRIES}`),
    };
  if (directoryOffset + directorySize > bytes.length)
    return { ok: false, problem: damaged("its zip archive's table of contents points past the end of the file") };

  const entries = new Map<string, ZipEntry>();
  const names = new TextDecoder("utf-8");
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== DIRECTORY_ENTRY) {
      return { ok: false, problem: damaged("its zip archive's table of contents is cut short or garbled") };
    }
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > bytes.length) return { ok: false, problem: damaged("its zip archive's table of contents is cut short") };
    const entry: ZipEntry = {
      name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    };
    applyZip64Extra(entry, view, at + 46 + nameLength, extraLength);
    const key = entry.name.toLowerCase();
    // Two entries of one name would let two readers see two documents; Word never writes that.
    if (entries.has(key)) return { ok: false, problem: damaged(`its zip archive holds ${entry.name} twice`) };
    entries.set(key, entry);
    at = next;
  }
  return { ok: true, entries };
}

/**
 * One entry's bytes, refused when its declared size is over `limit` or its real size is not the
 * declared one. Why both: the declared size is the bomb's own claim, so the inflater stops at it.
 */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, limit: number): ZipRead {
  if (entry.size > limit) {
    return {
      ok: false,
      problem: tooLarge(`its part ${entry.name} would unpack to ${megabytes(entry.size)}, over the ${megabytes(limit)} ctwg reads`),
    };
  }
  if (entry.flags & 1) {
    return {
      ok: false,
      problem: {
        message: `is encrypted: its part ${entry.name} is locked with a zip password`,
        hint: "save it again from Word without a password",
      },
    };
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const local = entry.localHeaderOffset;
  if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL_HEADER) {
    return { ok: false, problem: damaged(`its part ${entry.name} is missing from the zip archive`) };
  }
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  if (start + entry.compressedSize > bytes.length) return { ok: false, problem: damaged(`its part ${entry.name} is cut short`) };
  const stored = bytes.subarray(start, start + entry.compressedSize);
  let data: Uint8Array | string;
  if (entry.method === 0) data = entry.compressedSize === entry.size ? stored : "its size is not the one its zip archive declares";
  else if (entry.method === 8) data = inflateBounded(stored, entry.size);
  else return { ok: false, problem: damaged(`its part ${entry.name} is compressed with a method Word never uses (${entry.method})`) };
  if (typeof data === "string") return { ok: false, problem: damaged(`its part ${entry.name} cannot be unpacked: ${data}`) };
  if (crc32(data) !== entry.crc) return { ok: false, problem: damaged(`its part ${entry.name} fails its checksum`) };
  return { ok: true, data };
}

/** The problem for an archive too big to read safely; the hint covers a wrong file as well as a bomb. */
function tooLarge(why: string): DocxProblem {
  return {
    message: `is too large to read safely: ${why}`,
    hint: "check that it is the work plan's Word document; its text is far smaller than this",
  };
}

const megabytes = (size: number) => `${Math.ceil(size / (1024 * 1024))} MB`;

/** DEFLATE data inflated into exactly `size` bytes, or why not. Never holds more than `size` plus one step's output. */
function inflateBounded(input: Uint8Array, size: number): Uint8Array | string {
  const out = new Uint8Array(size);
  let filled = 0;
  let overflow = false;
  const inflater = new Inflate((chunk) => {
    if (overflow || filled + chunk.length > size) {
      overflow = true;
      return;
    }
    out.set(chunk, filled);
    filled += chunk.length;
  });
  if (input.length === 0) return "its compressed data is empty";
  try {
    // Why steps, checked in between: one push of the whole input would inflate all of it first.
    for (let at = 0; at < input.length && !overflow; at += INFLATE_STEP) {
      inflater.push(input.subarray(at, at + INFLATE_STEP), at + INFLATE_STEP >= input.length);
    }
  } catch (error) {
    // fflate throws for invalid DEFLATE data, which is the input's fault, not ours.
    return `its compressed data is invalid (${(error as Error).message})`;
  }
  if (overflow) return "it unpacks to more than its zip archive declares";
  if (filled !== size) return "it unpacks to less than its zip archive declares";
  return out;
}

/** Where the end-of-central-directory record starts, searched backwards over the largest possible comment; -1 if none. */
function findEndOfDirectory(view: DataView): number {
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let at = view.byteLength - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) return at;
  }
  return -1;
}

/** A little-endian 64-bit count; one past 2^53 reads as infinity, which every bound then refuses. */
function readUint64(view: DataView, at: number): number {
  if (at < 0 || at + 8 > view.byteLength) return Infinity;
  const value = view.getUint32(at, true) + view.getUint32(at + 4, true) * 2 ** 32;
  return Number.isSafeInteger(value) ? value : Infinity;
}

/** Takes the real sizes and offset from the ZIP64 extra field, for those the 32-bit fields mark. */
function applyZip64Extra(entry: ZipEntry, view: DataView, start: number, length: number): void {
  for (let at = start; at + 4 <= start + length; ) {
    const id = view.getUint16(at, true);
    const fieldLength = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      const end = field + fieldLength;
      const take = () => {
        if (field + 8 > end) return Infinity;
        field += 8;
        return readUint64(view, field - 8);
      };
      if (entry.size === ZIP64_MARK) entry.size = take();
      if (entry.compressedSize === ZIP64_MARK) entry.compressedSize = take();
      if (entry.localHeaderOffset === ZIP64_MARK) entry.localHeaderOffset = take();
      return;
    }
    at += 4 + fieldLength;
  }
}

let crcTable: Uint32Array | undefined;

/** The zip's CRC-32, so a flipped byte in a stored or inflated part is caught rather than read. */
export function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = crcTable[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
