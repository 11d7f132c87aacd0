import type { Block, Blocks, Deliverable, ListItem, Plan, Workplan } from "../model/schema.js";
import { matchItems, type Match, type Matching } from "./match.js";
import { plain } from "./plain-text.js";

/**
 * How the items of two plans pair up, list by list, as the document nests them. The diff engine
 * decides it once; the change list and the redline both read it, so they cannot disagree on what
 * was kept, dropped or added.
 */
export interface Alignment {
  paragraphs: Matching;
  steps: ListAlignment;
  areas: Matching<Match & { activities: ListAlignment }>;
  /** Every matched pair carries its plans' pairing; a side without a plan counts as empty lists. */
  deliverables: Matching<Match & { plan: PlanAlignment }>;
  /**
   * The rows of the itemized table, numbered as the deliverables that have a plan, in order. Why:
   * a row belongs to its deliverable, so rows pair exactly where their deliverables do.
   */
  rows: Matching<Match & { plan: PlanAlignment }>;
}

/** A bullet list: its items, and for each pair the pairing of their nested items. */
export interface ListAlignment extends Matching<Match & { items: ListAlignment }> {}

/** A cell's blocks; a pair of two bullet lists carries their items' pairing (empty for a paragraph). */
export interface BlocksAlignment extends Matching<Match & { list: ListAlignment }> {}

/** The lists inside a row of the itemized table. */
export interface PlanAlignment {
  summary: BlocksAlignment;
  mandate: Matching<Match & { text: BlocksAlignment }>;
  priorities: Matching;
  collaboration: BlocksAlignment;
}

/**
 * Pairs the items of every list of two plans: by id where items have one, then by wording down to
 * `threshold`, an old text also read in the new plan's numbering (`shift`). Texts are read as the
 * change list reads them (emphasis dropped, nothing else), not as printed: a deliverable's "(tbc)"
 * is its event's flag, compared apart.
 */
export function alignWorkplans(before: Workplan, after: Workplan, threshold: number, shift: (text: string) => string): Alignment {
  /** Pairs two lists by `textOf` (and `idOf`), then gives each pair what `inner` makes of its two items. */
  const pair = <T, I>(
    a: readonly T[],
    b: readonly T[],
    textOf: (item: T) => string,
    inner: (x: T, y: T) => I,
    idOf?: (item: T) => string,
  ): Matching<Match & I> => {
    const matching = matchItems(a, b, textOf, threshold, idOf, shift);
    return { ...matching, matches: matching.matches.map((m) => ({ ...m, ...inner(a[m.before]!, b[m.after]!) })) };
  };
  const nothing = () => ({});

  const list = (a: readonly ListItem[], b: readonly ListItem[]): ListAlignment =>
    pair(
      a,
      b,
      (item) => plain(itemText(item)),
      (x, y) => ({ items: list(subItems(x), subItems(y)) }),
    );
  const blocks = (a: Blocks | undefined, b: Blocks | undefined): BlocksAlignment =>
    pair(blockList(a), blockList(b), blockText, (x, y) => ({ list: list(blockItems(x), blockItems(y)) }));
  const plan = (a: Plan | undefined, b: Plan | undefined): PlanAlignment => ({
    summary: blocks(a?.summary, b?.summary),
    mandate: pair(
      a?.mandate ?? [],
      b?.mandate ?? [],
      (m) => m.source,
      (m, n) => ({ text: blocks(m.text, n.text) }),
    ),
    priorities: pair(a?.priorities ?? [], b?.priorities ?? [], (p) => p, nothing),
    collaboration: blocks(a?.collaboration, b?.collaboration),
  });

  const deliverables = pair(
    before.deliverables,
    after.deliverables,
    (d) => plain(d.text),
    (x, y) => ({ plan: plan(x.plan, y.plan) }),
    (d) => d.id,
  );
  return {
    paragraphs: pair(before.introduction.paragraphs, after.introduction.paragraphs, plain, nothing),
    steps: list(before.introduction.steps, after.introduction.steps),
    areas: pair(
      before.crossCutting.areas,
      after.crossCutting.areas,
      (area) => area.name,
      (x, y) => ({ activities: list(x.activities, y.activities) }),
      (area) => area.id,
    ),
    deliverables,
    rows: rowsOf(before.deliverables, after.deliverables, deliverables),
  };
}

/** The deliverables' pairing read as rows: a pair of deliverables that both have a plan is a pair of rows. */
function rowsOf(before: readonly Deliverable[], after: readonly Deliverable[], deliverables: Alignment["deliverables"]): Alignment["rows"] {
  const [rowA, rowB] = [rowNumbers(before), rowNumbers(after)];
  const matches = deliverables.matches.flatMap((m) => {
    const [i, j] = [rowA.get(m.before), rowB.get(m.after)];
    return i === undefined || j === undefined ? [] : [{ ...m, before: i, after: j }];
  });
  const [pairedA, pairedB] = [new Set(matches.map((m) => m.before)), new Set(matches.map((m) => m.after))];
  return {
    matches,
    removed: [...rowA.values()].filter((i) => !pairedA.has(i)),
    added: [...rowB.values()].filter((j) => !pairedB.has(j)),
  };
}

/** Each deliverable with a plan, by position, to the number of its row. */
function rowNumbers(deliverables: readonly Deliverable[]): Map<number, number> {
  const rows = new Map<number, number>();
  deliverables.forEach((d, i) => {
    if (d.plan) rows.set(i, rows.size);
  });
  return rows;
}

const itemText = (item: ListItem) => (typeof item === "object" && !Array.isArray(item) ? item.text : item);
const subItems = (item: ListItem): ListItem[] => (typeof item === "object" && !Array.isArray(item) ? item.items : []);

const blockList = (blocks: Blocks | undefined): Block[] => (blocks === undefined ? [] : typeof blocks === "string" ? [blocks] : blocks);
const blockItems = (block: Block): ListItem[] => (typeof block === "object" && !Array.isArray(block) ? block.list : []);
/** A paragraph's words, or a list's top-level items joined: what two blocks are compared by. */
const blockText = (block: Block) =>
  typeof block === "object" && !Array.isArray(block) ? block.list.map((item) => plain(itemText(item))).join(" ") : plain(block);
