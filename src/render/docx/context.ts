import { createHash } from "node:crypto";
import type { DataPath } from "../../diagnostics/diagnostic.js";
import { bookmarkName } from "./bookmark-names.js";

/** Who a tracked change is by, and when: the redline's author and the later plan's date. */
export interface Revisions {
  author: string;
  date: string;
}

/**
 * What the parts of one Word document share while they are made: the bookmarks given out and the
 * tracked changes numbered. Why per document: Word wants each id once in a file, and the docx
 * library's own counters run across every document a process makes, so a second build would not
 * give the same bytes.
 */
export interface DocxContext {
  /** The next bookmark for a path's text, or undefined when it cannot be named. */
  bookmark(path: DataPath): { name: string; id: number } | undefined;
  /** The attributes of the next tracked change; undefined in an ordinary build, which tracks none. */
  revision(): { id: number; author: string; date: string } | undefined;
  /** Records the text a bookmark holds, for the document's fingerprint. */
  marked(name: string, text: string): void;
  /**
   * A digest of every bookmarked text: `ctwg import` compares it with the plan's, to tell a Word
   * file made from the plan as it is from one made before the plan changed.
   */
  fingerprint(): string;
}

export function docxContext(revisions: Revisions | null): DocxContext {
  const printed = new Map<string, number>();
  let nextBookmark = 1;
  let nextRevision = 1;
  const texts: string[] = [];
  return {
    bookmark(path) {
      const key = JSON.stringify(path);
      const occurrence = (printed.get(key) ?? 0) + 1;
      printed.set(key, occurrence);
      const name = bookmarkName(path, occurrence);
      return name === undefined ? undefined : { name, id: nextBookmark++ };
    },
    revision: () => (revisions ? { id: nextRevision++, ...revisions } : undefined),
    marked: (name, text) => {
      texts.push(`${name}\u0000${text}`);
    },
    fingerprint: () => createHash("sha256").update(texts.join("\u0001")).digest("hex").slice(0, 32),
  };
}
