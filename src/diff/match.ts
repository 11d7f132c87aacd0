import { similarity } from "./similarity.js";

/** A pairing of an item of the old list with one of the new. */
export interface Match {
  before: number;
  after: number;
  /** By stable id, or by wording alone (an item whose id changed, or a list without ids). */
  by: "id" | "similarity";
}

/** How two lists pair up: the pairs in the new list's order, and the positions left without a partner. */
export interface Matching<M extends Match = Match> {
  matches: M[];
  removed: number[];
  added: number[];
}

/**
 * Pairs the items of two lists: first by id where both have one, then the rest by similarity of
 * their text, best pairs first, when at least `threshold` alike. What is left was removed or added.
 * With `shiftBefore`, an old item may also pair as read in the new plan's numbering (the year moved
 * on); the better of the two readings counts, since a text may keep last year's year or move it.
 */
export function matchItems<T>(
  before: readonly T[],
  after: readonly T[],
  textOf: (item: T) => string,
  threshold: number,
  idOf?: (item: T) => string | undefined,
  shiftBefore?: (text: string) => string,
): Matching {
  const matches: Match[] = [];
  const usedBefore = new Set<number>();
  const usedAfter = new Set<number>();
  if (idOf) {
    const afterById = new Map<string, number>();
    after.forEach((item, i) => {
      const id = idOf(item);
      if (id !== undefined && !afterById.has(id)) afterById.set(id, i);
    });
    before.forEach((item, i) => {
      const id = idOf(item);
      const j = id === undefined ? undefined : afterById.get(id);
      if (j === undefined || usedAfter.has(j)) return;
      matches.push({ before: i, after: j, by: "id" });
      usedBefore.add(i);
      usedAfter.add(j);
    });
  }
  const candidates: { before: number; after: number; score: number }[] = [];
  before.forEach((a, i) => {
    if (usedBefore.has(i)) return;
    after.forEach((b, j) => {
      if (usedAfter.has(j)) return;
      const [x, y] = [textOf(a), textOf(b)];
      const score = Math.max(similarity(x, y), shiftBefore ? similarity(shiftBefore(x), y) : 0);
      if (score >= threshold) candidates.push({ before: i, after: j, score });
    });
  });
  // Best first; on a tie, keep the original order so equal lists pair in place.
  candidates.sort((x, y) => y.score - x.score || Math.abs(x.before - x.after) - Math.abs(y.before - y.after) || x.before - y.before);
  for (const candidate of candidates) {
    if (usedBefore.has(candidate.before) || usedAfter.has(candidate.after)) continue;
    matches.push({ before: candidate.before, after: candidate.after, by: "similarity" });
    usedBefore.add(candidate.before);
    usedAfter.add(candidate.after);
  }
  matches.sort((x, y) => x.after - y.after);
  return {
    matches,
    removed: before.map((_, i) => i).filter((i) => !usedBefore.has(i)),
    added: after.map((_, j) => j).filter((j) => !usedAfter.has(j)),
  };
}

/**
 * The matches that moved: those outside a longest run kept in the same relative order. Why: when
 * one item moves up, only it is reported, not every item it jumped over.
 */
export function movedMatches<M extends Match>(matches: readonly M[]): Set<M> {
  const ordered = [...matches].sort((x, y) => x.after - y.after);
  const tails: number[] = [];
  const tailIndex: number[] = [];
  const previous: number[] = [];
  ordered.forEach((match, i) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (tails[middle]! < match.before) low = middle + 1;
      else high = middle;
    }
    tails[low] = match.before;
    tailIndex[low] = i;
    previous[i] = low > 0 ? tailIndex[low - 1]! : -1;
  });
  const kept = new Set<number>();
  for (let i = tails.length > 0 ? tailIndex[tails.length - 1]! : -1; i !== -1; i = previous[i]!) kept.add(i);
  return new Set(ordered.filter((_, i) => !kept.has(i)));
}
