import type { DataPath } from "../diagnostics/diagnostic.js";
import type { Workplan } from "./schema.js";

/** `2017/SOM1/SCE-COW/002` becomes `2017_som1_sce-cow_002`; anything but letters, digits and hyphens becomes `_`. */
export function fileStemOf(symbol: string): string {
  const stem = symbol
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "_")
    .replace(/^_+|_+$/g, "");
  return stem || "workplan";
}

/**
 * The extensions of every file named after a plan: its documents and its calendar. Why a list here
 * and not the renderers' registry: lint checks the names, and lint never loads a renderer (a test
 * keeps the two lists in step).
 */
export const OUTPUT_EXTENSIONS: readonly string[] = ["md", "html", "pdf", "docx", "ics"];

/** The most bytes a file name may have on the common file systems (ext4, APFS, NTFS, exFAT). */
export const NAME_MAX_BYTES = 255;

/** Where a plan's files go below the output folder (`<period>/<stem>.<extension>`), and the key that names them. */
export interface PlanOutputName {
  period: string;
  stem: string;
  /** The data path the stem comes from: the cover symbol, or the forum for a plan without one. */
  namedBy: DataPath;
}

/** The name of a plan's outputs: from its cover symbol, else from its forum and period. */
export function planOutputName(workplan: Workplan): PlanOutputName {
  const symbol = workplan.cover.symbol;
  return {
    period: workplan.period.label,
    stem: fileStemOf(symbol ?? `${workplan.forum}_${workplan.period.label}`),
    namedBy: symbol === undefined ? ["forum"] : ["cover", "symbol"],
  };
}

/** Why a stem cannot name files everywhere: too long with the longest extension, or a device name on Windows. */
export type StemProblem = { kind: "too-long"; name: string; bytes: number } | { kind: "reserved"; device: string };

/** Windows keeps these names for devices, with any extension and in any case: `con.md` cannot be created there. */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(?:\.|$)/i;

/** What keeps files named after `stem` from being written on some file system, or undefined. */
export function stemProblem(stem: string): StemProblem | undefined {
  const longest = OUTPUT_EXTENSIONS.reduce((a, b) => (b.length > a.length ? b : a));
  const name = `${stem}.${longest}`;
  const bytes = new TextEncoder().encode(name).length;
  if (bytes > NAME_MAX_BYTES) return { kind: "too-long", name, bytes };
  const device = WINDOWS_DEVICE.exec(stem)?.[1];
  return device === undefined ? undefined : { kind: "reserved", device: device.toUpperCase() };
}

/** The key two plans' outputs collide on: the period and stem as macOS and Windows compare names, ignoring case. */
export const outputKey = (name: PlanOutputName): string => `${name.period}/${name.stem}`.normalize("NFC").toLowerCase();
