import type { DataPath } from "../diagnostics/diagnostic.js";
import type { Workplan } from "./schema.js";
import { proseTexts, type ProseText } from "./prose.js";

/** An acronym as written in the text, and where. */
export interface AcronymUse {
  written: string;
  /** Written without separators: TPT-WG, TPTWG and "TPT- WG" all give TPTWG. */
  key: string;
  path: DataPath;
  /** One term ("TPT-WG", "SCCP"), not a stretch of several ("CTI/SCCP"). */
  single: boolean;
  /** Where it starts in the text at `path`. */
  start: number;
}

// Runs of capitals (2+ letters, digits allowed after) joined by "-", "- ", "/" or a space.
const RUN = /\b[A-Z][A-Z0-9]+(?:(?:-\s?|\/|\s)[A-Z][A-Z0-9]+)*\b/g;
// Between terms: a slash, or a space that does not follow a hyphen ("MEG- SEC" is one term).
const SEPARATOR = /(\/|(?<!-)\s)/;
/** Capitals that are not acronyms of bodies: "(TBC)", the TBD placeholder, Roman numerals. */
const NOT_ACRONYMS = /^(?:TBC|TBD|[IVX]+)$/;

/** The acronyms of a plan's printed text, in document order. */
export function acronymUses(workplan: Workplan): AcronymUse[] {
  return proseTexts(workplan).flatMap(acronymsIn);
}

/**
 * The acronyms of one printed text. A run like "CTI/SCCP" or "APEC TEL" yields every contiguous
 * stretch of its parts, so "CTI SCCP" and "CTI/SCCP" meet under one key. Why a cache: two lint
 * rules and the acronym annex read the same texts, and the texts of a plan are made once.
 */
export function acronymsIn(text: ProseText): AcronymUse[] {
  const cached = usesCache.get(text);
  if (cached) return cached;
  const uses: AcronymUse[] = [];
  usesCache.set(text, uses);
  for (const part of text.parts) {
    for (const match of part.text.matchAll(RUN)) {
      const pieces = match[0].split(SEPARATOR); // terms at even indexes, separators at odd
      const terms = pieces.filter((_, i) => i % 2 === 0);
      for (let from = 0; from < terms.length; from++) {
        for (let to = from; to < terms.length; to++) {
          const written = pieces.slice(from * 2, to * 2 + 1).join("");
          if (NOT_ACRONYMS.test(written)) continue;
          const key = terms
            .slice(from, to + 1)
            .join("")
            .replace(/[-\s]/g, "");
          const start = match.index! + pieces.slice(0, from * 2).join("").length;
          uses.push({ written, key, path: part.path, single: from === to, start });
        }
      }
    }
  }
  return uses;
}

const usesCache = new WeakMap<ProseText, AcronymUse[]>();

/** The separate acronyms a run is made of, for the glossary: "CTI/SCCP" is CTI and SCCP; "TPT-WG" stays one. */
export const glossaryTerms = (uses: readonly AcronymUse[]): AcronymUse[] => uses.filter((use) => use.single);
