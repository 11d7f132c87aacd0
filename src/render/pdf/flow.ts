import { orderedMarker } from "../list-marker.js";
import type { Metrics } from "../../fonts/fonts.js";
import type { PlacedItem, StructNode, StructType, TextLine } from "./page-plan.js";
import { breakLines, type StyledRun } from "./text-layout.js";
import type { ListStyle } from "../../model/document-shape.js";
import type { BlockView, ListItemView, Run } from "../view.js";

/**
 * A line-high box of a vertical flow, with its items placed relative to the box's top-left corner.
 * Body text and table cells are both lists of these; a paginator decides where each box lands.
 */
export interface FlowBox {
  height: number;
  spaceBefore: number;
  /** Keep on the same page as the next box (headings, a paragraph's first line). */
  keepWithNext: boolean;
  items: PlacedItem[];
  /** A bookmark to the page where this box lands. */
  bookmark?: { title: string; level: 1 | 2 };
}

/** Type sizes and spacing for one kind of flow (body text, table cells). */
export interface FlowStyle {
  size: number;
  lineHeight: number;
  paragraphGap: number;
  listIndent: number;
  itemGap: number;
}

/** What a structure node may say besides its type: a header cell's scope, a figure's text, a list's numbering. */
export type StructAttributes = Pick<StructNode, "scope" | "alt" | "numbering">;

/** Builds the structure tree as layout goes, so reading order follows the flow. */
export class StructureBuilder {
  readonly nodes: StructNode[] = [];
  add(type: StructType, parent: number | null, attributes: StructAttributes = {}): number {
    const id = this.nodes.length;
    this.nodes.push({ id, type, parent, ...attributes });
    return id;
  }
}

export const toStyled = (runs: readonly Run[], underline = false): StyledRun[] =>
  runs.map((run) => ({ text: run.text, face: run.em ? "italic" : "regular", underline }));

/** Shifts items by (dx, dy); used when a box is placed. */
export function offsetItems(items: readonly PlacedItem[], dx: number, dy: number): PlacedItem[] {
  return items.map((item) => ({ ...item, x: item.x + dx, y: item.y + dy }));
}

export interface TextOptions {
  struct: number | null;
  align?: "left" | "center";
  indent?: number;
  spaceBefore?: number;
  keepWithNext?: boolean;
  lineHeight?: number;
  size?: number;
}

/**
 * Lines of text as boxes. The first line keeps with the second and the last but one with the last,
 * so a page never starts or ends with a lone line of a paragraph (no orphans, no widows).
 */
export function textBoxes(runs: readonly StyledRun[], width: number, style: FlowStyle, metrics: Metrics, options: TextOptions): FlowBox[] {
  const size = options.size ?? style.size;
  const indent = options.indent ?? 0;
  const lines = breakLines(runs, width - indent, size, metrics);
  return lines.map((line, i) => {
    const x = indent + (options.align === "center" ? (width - indent - line.width) / 2 : 0);
    const text: TextLine = { kind: "text", x, y: 0, size, segments: line.segments, struct: options.struct };
    return {
      height: options.lineHeight ?? style.lineHeight,
      spaceBefore: i === 0 ? (options.spaceBefore ?? 0) : 0,
      keepWithNext: options.keepWithNext === true || (lines.length > 1 && (i === 0 || i === lines.length - 2)),
      items: [text],
    };
  });
}

/** How a list starts: the space above it, and how its top level is marked (nested levels keep bullets). */
export interface ListOptions {
  spaceBefore?: number;
  marker?: ListStyle;
}

/** A list as boxes, with L / LI / Lbl / LBody structure: bullets, or "1." / "(a)" on a numbered or lettered top level; nested lists indent further. */
export function listBoxes(
  items: readonly ListItemView[],
  width: number,
  style: FlowStyle,
  metrics: Metrics,
  structure: StructureBuilder,
  parent: number,
  options: ListOptions = {},
): FlowBox[] {
  const level = { depth: 0, start: 0, spaceBefore: options.spaceBefore ?? 0, marker: options.marker ?? "bullet" };
  return listLevel(items, { width, style, metrics, structure }, parent, level);
}

interface ListContext {
  width: number;
  style: FlowStyle;
  metrics: Metrics;
  structure: StructureBuilder;
}

/** Where a list level sits: how deep, the x its label column starts at, its first item's space, its marker. */
interface ListLevel {
  depth: number;
  start: number;
  spaceBefore: number;
  marker: ListStyle;
}

/** The points between a number or letter and its item's text. */
const LABEL_GAP = 5;

/** One level of a list; each item's nested list is the next level, its label column starting where this level's text does. */
function listLevel(items: readonly ListItemView[], context: ListContext, parent: number, level: ListLevel): FlowBox[] {
  const { width, style, metrics, structure } = context;
  const numbering = LIST_NUMBERING[level.marker];
  const list = structure.add("L", parent, numbering ? { numbering } : {});
  const labels = items.map((_, i) => listLabel(level.marker, level.depth, i));
  const indent = level.start + labelColumn(labels, level.marker, style, metrics);
  return items.flatMap((item, i) => {
    const li = structure.add("LI", list);
    const label = structure.add("Lbl", li);
    const body = structure.add("LBody", li);
    const boxes = textBoxes(toStyled(item.text), width, style, metrics, {
      struct: body,
      indent,
      spaceBefore: i === 0 ? level.spaceBefore : style.itemGap,
    });
    const first = boxes[0];
    if (first) {
      const text = labels[i]!;
      const segment = { text, face: "regular" as const, underline: false, x: 0, width: metrics.width(text, "regular", style.size) };
      const x = level.marker === "bullet" ? indent - style.listIndent * 0.65 : indent - LABEL_GAP - segment.width;
      first.items.unshift({ kind: "text", x, y: 0, size: style.size, segments: [segment], struct: label });
    }
    const nested = { depth: level.depth + 1, start: indent, spaceBefore: style.itemGap, marker: "bullet" as const };
    return [...boxes, ...(item.items.length ? listLevel(item.items, context, body, nested) : [])];
  });
}

/** The tagged-PDF ListNumbering of a numbered or lettered list. Why none for bullets: a list without it reads as unordered. */
const LIST_NUMBERING: Record<ListStyle, StructNode["numbering"]> = { bullet: undefined, number: "Decimal", letter: "LowerAlpha" };

/** An item's label: a bullet (a circle one level down), "3." or "(c)". */
export function listLabel(marker: ListStyle, depth: number, index: number): string {
  return orderedMarker(marker, index) ?? (depth % 2 === 0 ? "•" : "◦");
}

/** How far a level's text hangs past its label column: the list indent, or more when a label ("(aa)", "10.") is wider. */
function labelColumn(labels: readonly string[], marker: ListStyle, style: FlowStyle, metrics: Metrics): number {
  if (marker === "bullet") return style.listIndent;
  const widest = Math.max(0, ...labels.map((label) => metrics.width(label, "regular", style.size)));
  return Math.max(style.listIndent, Math.ceil(widest + LABEL_GAP));
}

/** Paragraphs and lists of a table cell or section, in order. */
export function blockBoxes(
  blocks: readonly BlockView[],
  width: number,
  style: FlowStyle,
  metrics: Metrics,
  structure: StructureBuilder,
  parent: number,
): FlowBox[] {
  return blocks.flatMap((block, i) => {
    const gap = i === 0 ? 0 : style.paragraphGap;
    if (block.paragraph) {
      const p = structure.add("P", parent);
      return textBoxes(toStyled(block.paragraph), width, style, metrics, { struct: p, spaceBefore: gap });
    }
    return listBoxes(block.list ?? [], width, style, metrics, structure, parent, { spaceBefore: gap });
  });
}

/** Total height of boxes stacked in one column. */
export const stackHeight = (boxes: readonly FlowBox[]) =>
  boxes.reduce((sum, box, i) => sum + box.height + (i === 0 ? 0 : box.spaceBefore), 0);
