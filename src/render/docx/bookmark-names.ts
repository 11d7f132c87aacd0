import type { DataPath } from "../../diagnostics/diagnostic.js";

/**
 * Word bookmarks name where each text of the document comes from in the workplan file, so that
 * `ctwg import` can carry an edit made in Word back to its string in the YAML. Why bookmarks: they
 * survive a round trip through Word and LibreOffice, which content controls do not reliably. Word
 * allows 40 characters, letters, digits and `_`, starting with a letter; so each key of a path is a
 * short code (an upper-case letter and lower-case ones) and each index its digits:
 * `deliverables.3.plan.summary.1` is `ctwg_D3PSu1`. A text printed twice (a deliverable's words in
 * the list and as its row's title) is marked twice: the second name ends `_2`.
 */
const KEY_CODES: Readonly<Record<string, string>> = {
  cover: "C",
  organisation: "Or",
  symbol: "Sy",
  agendaItem: "Ag",
  stamp: "St",
  title: "T",
  purpose: "Pu",
  submittedBy: "Sb",
  forumDocNo: "Fd",
  meeting: "M",
  name: "N",
  city: "Ci",
  economy: "Ec",
  introduction: "I",
  callout: "Ca",
  paragraphs: "Pa",
  steps: "S",
  text: "X",
  items: "It",
  crossCutting: "Cc",
  lead: "L",
  areas: "A",
  activities: "Ac",
  deliverables: "D",
  owner: "O",
  group: "G",
  event: "Ev",
  place: "Pl",
  plan: "P",
  summary: "Su",
  mandate: "Ma",
  source: "So",
  priorities: "Pr",
  collaboration: "Co",
  list: "Li",
  em: "E",
  theme: "Th",
};
const KEYS_BY_CODE = new Map(Object.entries(KEY_CODES).map(([key, code]) => [code, key]));

const PREFIX = "ctwg_";
const MAX_LENGTH = 40;

/** The bookmark name of a path's `occurrence`-th printing (1 for the first); undefined when the path has a key without a code or the name would be too long for Word. */
export function bookmarkName(path: DataPath, occurrence = 1): string | undefined {
  let code = "";
  for (const segment of path) {
    if (typeof segment === "number") code += String(segment);
    else if (KEY_CODES[segment] !== undefined) code += KEY_CODES[segment];
    else return undefined;
  }
  const name = `${PREFIX}${code}${occurrence > 1 ? `_${occurrence}` : ""}`;
  return name.length <= MAX_LENGTH ? name : undefined;
}

/** The path and occurrence a bookmark name stands for; undefined for a bookmark ctwg did not write. */
export function bookmarkPath(name: string): { path: DataPath; occurrence: number } | undefined {
  const match = /^ctwg_((?:[A-Z][a-z]*|\d+)+)(?:_(\d+))?$/.exec(name);
  if (!match) return undefined;
  const path: DataPath = [];
  for (const [segment] of match[1]!.matchAll(/[A-Z][a-z]*|\d+/g)) {
    if (/^\d/.test(segment)) path.push(Number(segment));
    else if (KEYS_BY_CODE.has(segment)) path.push(KEYS_BY_CODE.get(segment)!);
    else return undefined;
  }
  return { path, occurrence: match[2] ? Number(match[2]) : 1 };
}

/** Whether a bookmark is one of ctwg's. */
export const isCtwgBookmark = (name: string) => name.startsWith(PREFIX);
