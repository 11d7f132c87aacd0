import type { FlowBox, StructureBuilder } from "./flow.js";
import type { Metrics } from "../../fonts/fonts.js";
import type { PlacedItem } from "./page-plan.js";
import type { TimelineView } from "../timeline.js";

const GRID = "#c8c8c8";
const INK = "#2f5d8a";

/**
 * The timeline as vector drawing: the same boxes as the HTML's SVG, scaled to the column. One box of
 * flow, so the figure never splits across pages; a Figure in the structure tree, with the events
 * as its alternative text, and its caption under it.
 */
export function timelineFigure(
  timeline: TimelineView,
  width: number,
  metrics: Metrics,
  structure: StructureBuilder,
  parent: number,
): FlowBox[] {
  const scale = width / timeline.width;
  const figure = structure.add("Figure", parent, { alt: timeline.description });
  const items: PlacedItem[] = [];
  const text = (label: string, x: number, baselineY: number, size: number, struct: number | null): PlacedItem => ({
    kind: "text",
    x,
    y: baselineY - metrics.ascent("regular", size),
    size,
    struct,
    segments: [{ text: label, face: "regular", underline: false, x: 0, width: metrics.width(label, "regular", size) }],
  });
  for (const month of timeline.months) {
    items.push({
      kind: "box",
      x: month.x * scale,
      y: 0,
      width: month.width * scale,
      height: timeline.height * scale,
      stroke: 0.5,
      fill: null,
      strokeColor: GRID,
    });
    items.push(text(month.label, (month.x + 3) * scale, 11 * scale, 8 * scale, figure));
  }
  for (const event of timeline.events) {
    const box = { kind: "box" as const, x: event.x * scale, y: event.y * scale, width: event.width * scale, height: event.height * scale };
    items.push(
      event.tentative ? { ...box, stroke: 0.8, fill: "#dfe8f2", dash: [2, 1.5], strokeColor: INK } : { ...box, stroke: null, fill: INK },
    );
    // A white ground under the label keeps it readable where it crosses a month's line.
    const size = 7.5 * scale;
    const labelWidth = metrics.width(event.label, "regular", size);
    items.push({
      kind: "box",
      x: event.labelX * scale - 1,
      y: event.labelY * scale - size,
      width: labelWidth + 2,
      height: size + 2,
      stroke: null,
      fill: "#ffffff",
    });
    items.push(text(event.label, event.labelX * scale, event.labelY * scale, size, figure));
  }
  const caption = structure.add("Caption", figure);
  const captionSize = 8.5;
  items.push(text(timeline.caption, 0, timeline.height * scale + 12, captionSize, caption));
  return [{ height: timeline.height * scale + 16, spaceBefore: 14, keepWithNext: false, items }];
}
