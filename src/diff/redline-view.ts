import { buildView, plainText, type BlockView, type ListItemView, type PlanRowView, type Run, type WorkplanView } from "../render/view.js";
import type { BlocksAlignment, ListAlignment, PlanAlignment } from "./align.js";
import type { WorkplanDiff } from "./change.js";
import { summaryLine } from "./formats/text.js";
import { movedMatches, type Match, type Matching } from "./match.js";
import { wordDiff } from "./word-diff.js";
import { sameButForYear, yearShift } from "./year-shift.js";

/**
 * The newer plan's view with the older plan's words merged in as tracked changes: every text that
 * changed shows its deleted and inserted words, removed items stay in place struck through, added
 * items are marked inserted. Items pair up as the diff paired them: the redline shows the diff it
 * is given and matches nothing itself. Why positions are enough: each list of a view holds its plan
 * list's items in the same order (the rows: the deliverables that have a plan), as the alignment counts them.
 */
export interface RedlineOptions {
  /**
   * How an item that moved shows: "in-place" (the default) at its new place with its word changes;
   * "delete-and-insert" deleted where it was and inserted where it is, as Word tracks a move, so
   * rejecting the change puts it back.
   */
  moves?: "in-place" | "delete-and-insert";
}

export function redlineView(diff: WorkplanDiff, options: RedlineOptions = {}): WorkplanView {
  const merge = options.moves === "delete-and-insert" ? mergeMovesApart : mergePairs;
  const { before, after } = diff.plans;
  const pairs = diff.alignment;
  const a = buildView(before);
  const b = buildView(after);
  const shift = yearShift(before, after);

  /** Two texts as one run list with marks; unchanged (or changed only by the year) gives the new text. */
  const text = (old: readonly Run[], now: readonly Run[]): Run[] => {
    const [x, y] = [plainText(old), plainText(now)];
    if (sameButForYear(x, y, shift)) return [...now];
    const out: Run[] = [];
    let inOld = 0;
    let inNew = 0;
    for (const edit of wordDiff(x, y)) {
      const length = edit.text.length;
      if (edit.op === "delete") {
        out.push(...slice(old, inOld, inOld + length).map((r) => ({ ...r, del: true })));
        inOld += length;
      } else if (edit.op === "insert") {
        out.push(...slice(now, inNew, inNew + length).map((r) => ({ ...r, ins: true })));
        inNew += length;
      } else {
        out.push(...slice(now, inNew, inNew + length));
        inOld += length;
        inNew += length;
      }
    }
    return out;
  };
  const mark = (runs: readonly Run[], as: "ins" | "del") => runs.map((r) => ({ ...r, [as]: true }));
  const optional = (old: Run[] | null, now: Run[] | null) =>
    old && now ? text(old, now) : now ? mark(now, "ins") : old ? mark(old, "del") : null;

  const list = (old: readonly ListItemView[], now: readonly ListItemView[], paired: ListAlignment): ListItemView[] =>
    merge(
      paired,
      old,
      now,
      (x, y, pair) => ({ text: text(x.text, y.text), items: list(x.items, y.items, pair.items) }),
      (x) => markItem(x, "del"),
      (y) => markItem(y, "ins"),
    );
  const markItem = (item: ListItemView, as: "ins" | "del"): ListItemView => ({
    text: mark(item.text, as),
    items: item.items.map((i) => markItem(i, as)),
  });

  const blocks = (old: readonly BlockView[], now: readonly BlockView[], paired: BlocksAlignment): BlockView[] =>
    merge(
      paired,
      old,
      now,
      (x, y, pair) =>
        x.paragraph && y.paragraph
          ? { paragraph: text(x.paragraph, y.paragraph), list: null }
          : x.list && y.list
            ? { paragraph: null, list: list(x.list, y.list, pair.list) }
            : y,
      (x) => markBlock(x, "del"),
      (y) => markBlock(y, "ins"),
    );
  const markBlock = (block: BlockView, as: "ins" | "del"): BlockView =>
    block.paragraph
      ? { paragraph: mark(block.paragraph, as), list: null }
      : { paragraph: null, list: (block.list ?? []).map((i) => markItem(i, as)) };

  const row = (x: PlanRowView, y: PlanRowView, paired: PlanAlignment): PlanRowView => ({
    ...y,
    title: text(x.title, y.title),
    summary: blocks(x.summary, y.summary, paired.summary),
    mandate: merge(
      paired.mandate,
      x.mandate,
      y.mandate,
      (m, n, pair) => ({ source: text(m.source, n.source), text: blocks(m.text, n.text, pair.text) }),
      (m) => ({ source: mark(m.source, "del"), text: m.text.map((bl) => markBlock(bl, "del")) }),
      (n) => ({ source: mark(n.source, "ins"), text: n.text.map((bl) => markBlock(bl, "ins")) }),
    ),
    priorities: merge(
      paired.priorities,
      x.priorities,
      y.priorities,
      text,
      (p) => mark(p, "del"),
      (p) => mark(p, "ins"),
    ),
    collaboration: blocks(x.collaboration, y.collaboration, paired.collaboration),
    owner: optional(x.owner, y.owner),
    date: optional(x.date, y.date),
    place: optional(x.place, y.place),
  });
  const markRow = (r: PlanRowView, as: "ins" | "del"): PlanRowView => ({
    ...r,
    number: as === "del" ? "" : r.number,
    title: mark(r.title, as),
    summary: r.summary.map((bl) => markBlock(bl, as)),
    mandate: r.mandate.map((m) => ({ source: mark(m.source, as), text: m.text.map((bl) => markBlock(bl, as)) })),
    priorities: r.priorities.map((p) => mark(p, as)),
    collaboration: r.collaboration.map((bl) => markBlock(bl, as)),
    owner: r.owner && mark(r.owner, as),
    date: r.date && mark(r.date, as),
    place: r.place && mark(r.place, as),
  });

  const c = { a: a.cover, b: b.cover };
  const markMeeting = (m: NonNullable<WorkplanView["cover"]["meeting"]>, as: "ins" | "del") => ({
    ...m,
    name: mark(m.name, as),
    place: mark(m.place, as),
    date: mark(m.date, as),
  });
  const meeting = (x: WorkplanView["cover"]["meeting"], y: WorkplanView["cover"]["meeting"]): WorkplanView["cover"]["meeting"] =>
    x && y
      ? { name: text(x.name, y.name), place: text(x.place, y.place), date: text(x.date, y.date), firstDay: y.firstDay }
      : y
        ? markMeeting(y, "ins")
        : x
          ? markMeeting(x, "del")
          : null;
  const markOwner = (owner: Run[] | null, as: "ins" | "del") => owner && mark(owner, as);
  // A part one side lacks shows whole, inserted or struck; only parts both sides have are paired.
  const introduction = a.introduction ?? b.introduction;
  const deliverables = b.deliverables ?? a.deliverables;
  const plans = b.plans ?? a.plans;
  const rows =
    a.plans && b.plans
      ? merge(
          pairs.rows,
          a.plans.rows,
          b.plans.rows,
          (x, y, pair) => row(x, y, pair.plan),
          (x) => ({ ...markRow(x, "del"), id: `removed-${x.id}` }),
          (y) => markRow(y, "ins"),
        )
      : [
          ...(a.plans?.rows ?? []).map((x) => ({ ...markRow(x, "del"), id: `removed-${x.id}` })),
          ...(b.plans?.rows ?? []).map((y) => markRow(y, "ins")),
        ];
  return {
    ...b,
    cover: {
      organisation: text(c.a.organisation, c.b.organisation),
      symbol: optional(c.a.symbol, c.b.symbol),
      agendaItem: optional(c.a.agendaItem, c.b.agendaItem),
      stamp: optional(c.a.stamp, c.b.stamp),
      title: text(c.a.title, c.b.title),
      purpose: optional(c.a.purpose, c.b.purpose),
      submittedBy: optional(c.a.submittedBy, c.b.submittedBy),
      forumDocNo: optional(c.a.forumDocNo, c.b.forumDocNo),
      date: optional(c.a.date, c.b.date),
      meeting: meeting(c.a.meeting, c.b.meeting),
    },
    title: text(a.title, b.title),
    introduction: introduction && {
      heading: (b.introduction ?? introduction).heading,
      callout: optional(a.introduction?.callout ?? null, b.introduction?.callout ?? null),
      paragraphs: merge(
        pairs.paragraphs,
        a.introduction?.paragraphs ?? [],
        b.introduction?.paragraphs ?? [],
        text,
        (p) => mark(p, "del"),
        (p) => mark(p, "ins"),
      ),
      steps: list(a.introduction?.steps ?? [], b.introduction?.steps ?? [], pairs.steps),
      stepsStyle: (b.introduction ?? introduction).stepsStyle,
    },
    crossCutting: {
      lead: optional(a.crossCutting.lead, b.crossCutting.lead),
      areas: merge(
        pairs.areas,
        a.crossCutting.areas,
        b.crossCutting.areas,
        (x, y, pair) => ({ id: y.id, name: text(x.name, y.name), activities: list(x.activities, y.activities, pair.activities) }),
        (x) => ({ id: `removed-${x.id}`, name: mark(x.name, "del"), activities: x.activities.map((i) => markItem(i, "del")) }),
        (y) => ({ id: y.id, name: mark(y.name, "ins"), activities: y.activities.map((i) => markItem(i, "ins")) }),
      ),
    },
    deliverables: deliverables && {
      heading: deliverables.heading,
      labelled: deliverables.labelled,
      labelFormat: deliverables.labelFormat,
      items: merge(
        pairs.deliverables,
        a.deliverables?.items ?? [],
        b.deliverables?.items ?? [],
        (x, y) => ({ ...y, text: text(x.text, y.text), owner: optional(x.owner, y.owner) }),
        (x) => ({ id: `removed-${x.id}`, number: "", text: mark(x.text, "del"), owner: markOwner(x.owner, "del"), group: null }),
        (y) => ({ ...y, text: mark(y.text, "ins"), owner: markOwner(y.owner, "ins") }),
      ),
    },
    plans: plans && { ...plans, rows },
    redline: { before: diff.before.label, after: diff.after.label, summary: `${summaryLine(diff)}.` },
  };
}

/** The runs covering characters [from, to) of their joined text, cut at the edges. */
function slice(runs: readonly Run[], from: number, to: number): Run[] {
  const out: Run[] = [];
  let at = 0;
  for (const r of runs) {
    const end = at + r.text.length;
    const start = Math.max(from, at);
    const stop = Math.min(to, end);
    if (start < stop) out.push({ ...r, text: r.text.slice(start - at, stop - at) });
    at = end;
  }
  return out;
}

/**
 * Merges two lists as the pairing says, in the new order: each unpartnered old item just before the
 * partner of the next old item, so it stays where it stood.
 */
function mergePairs<T, R, M extends Match>(
  matching: Matching<M>,
  old: readonly T[],
  now: readonly T[],
  both: (x: T, y: T, pair: M) => R,
  gone: (x: T) => R,
  come: (y: T) => R,
): R[] {
  const pairOf = new Map(matching.matches.map((m) => [m.after, m]));
  const removed = [...matching.removed];
  const out: R[] = [];
  now.forEach((item, j) => {
    const pair = pairOf.get(j);
    if (pair !== undefined) while (removed.length && removed[0]! < pair.before) out.push(gone(old[removed.shift()!]!));
    out.push(pair === undefined ? come(item) : both(old[pair.before]!, item, pair));
  });
  for (const i of removed) out.push(gone(old[i]!));
  return out;
}

/** `mergePairs`, with each moved pair taken apart into an item removed and an item added. */
function mergeMovesApart<T, R, M extends Match>(
  matching: Matching<M>,
  old: readonly T[],
  now: readonly T[],
  both: (x: T, y: T, pair: M) => R,
  gone: (x: T) => R,
  come: (y: T) => R,
): R[] {
  const moved = movedMatches(matching.matches);
  if (moved.size === 0) return mergePairs(matching, old, now, both, gone, come);
  const apart: Matching<M> = {
    matches: matching.matches.filter((m) => !moved.has(m)),
    removed: [...matching.removed, ...[...moved].map((m) => m.before)].sort((x, y) => x - y),
    added: [...matching.added, ...[...moved].map((m) => m.after)].sort((x, y) => x - y),
  };
  return mergePairs(apart, old, now, both, gone, come);
}
