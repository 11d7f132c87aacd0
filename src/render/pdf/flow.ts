import type { Metrics } from "../../fonts/fonts.js";
import type { PlacedItem, StructNode, StructType, TextLine } from "./page-plan.js";
import { breakLines, type StyledRun } from "./text-layout.js";
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

/** Builds the structure tree as layout goes, so reading order follows the flow. */
export class StructureBuilder {
  readonly nodes: StructNode[] = [];
  add(type: StructType, parent: number | null, scope?: StructNode["scope"], alt?: string): number {
    const id = this.nodes.length;
    this.nodes.push({ id, type, parent, ...(scope ? { scope } : {}), ...(alt ? { alt } : {}) });
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
      spaceBefore: i === 0 ? options.spaceBefore ?? 0 : 0,
      keepWithNext: options.keepWithNext === true || (lines.length > 1 && (i === 0 || i === lines.length - 2)),
      items: [text],
    };
  });
}

/** A bullet list as boxes, with L / LI / Lbl / LBody structure; nested lists indent further. */
export function listBoxes(
  items: readonly ListItemView[],
  width: number,
  style: FlowStyle,
  metrics: Metrics,
  structure: StructureBuilder,
  parent: number,
  depth = 0,
  spaceBefore = 0,
): FlowBox[] {
  const list = structure.add("L", parent);
  const bullet = depth % 2 === 0 ? "•" : "◦";
  const indent = style.listIndent * (depth + 1);
  return items.flatMap((item, i) => {
    const li = structure.add("LI", list);
    const label = structure.add("Lbl", li);
    const body = structure.add("LBody", li);
    const boxes = textBoxes(toStyled(item.text), width, style, metrics, {
      struct: body,
      indent,
      spaceBefore: i === 0 ? spaceBefore : style.itemGap,
    });
    const first = boxes[0];
    if (first) {
      const segment = { text: bullet, face: "regular" as const, underline: false, x: 0, width: metrics.width(bullet, "regular", style.size) };
      first.items.unshift({ kind: "text", x: indent - style.listIndent * 0.65, y: 0, size: style.size, segments: [segment], struct: label });
    }
    const nested = item.items.length ? listBoxes(item.items, width, style, metrics, structure, body, depth + 1, style.itemGap) : [];
    return [...boxes, ...nested];
  });
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
    return listBoxes(block.list ?? [], width, style, metrics, structure, parent, 0, gap);
  });
}

/** Total height of boxes stacked in one column. */
export const stackHeight = (boxes: readonly FlowBox[]) => boxes.reduce((sum, box, i) => sum + box.height + (i === 0 ? 0 : box.spaceBefore), 0);
