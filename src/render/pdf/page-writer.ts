import { offsetItems, type FlowBox } from "./flow.js";
import type { OutlineEntry, Page, PlacedItem } from "./page-plan.js";

/** A page size with its margins, in points. */
export interface PageGeometry {
  width: number;
  height: number;
  top: number;
  right: number;
  bottom: number;
  left: number;
}

const MM = 72 / 25.4;
const A4 = { short: 210 * MM, long: 297 * MM };

/** A4 upright, 25 mm margins: the body of the document. */
export const PORTRAIT: PageGeometry = { width: A4.short, height: A4.long, top: 25 * MM, right: 25 * MM, bottom: 25 * MM, left: 25 * MM };

/** A4 across, 15 mm margins: the five-column table needs the width. */
export const LANDSCAPE: PageGeometry = { width: A4.long, height: A4.short, top: 15 * MM, right: 15 * MM, bottom: 18 * MM, left: 15 * MM };

/** Places boxes down pages, starting a new page when the next box (and what it keeps with) does not fit. */
export class PageWriter {
  readonly pages: Page[] = [];
  readonly outline: OutlineEntry[] = [];
  geometry: PageGeometry = PORTRAIT;
  y = 0;

  get contentWidth(): number {
    return this.geometry.width - this.geometry.left - this.geometry.right;
  }
  get bottom(): number {
    return this.geometry.height - this.geometry.bottom;
  }
  get atTop(): boolean {
    return this.y <= this.geometry.top + 0.01;
  }
  get page(): Page {
    return this.pages[this.pages.length - 1]!;
  }

  newPage(geometry: PageGeometry = this.geometry): void {
    this.geometry = geometry;
    this.pages.push({ width: geometry.width, height: geometry.height, items: [] });
    this.y = geometry.top;
  }

  /** Adds items already placed in page coordinates. */
  draw(items: readonly PlacedItem[]): void {
    this.page.items.push(...items);
  }

  /** Flows boxes in the content column, honouring keep-with-next chains that fit on a page. */
  flow(boxes: readonly FlowBox[]): void {
    const pageHeight = this.bottom - this.geometry.top;
    boxes.forEach((box, i) => {
      let chain = box.height;
      for (let j = i; boxes[j]!.keepWithNext && j + 1 < boxes.length; j++) chain += boxes[j + 1]!.spaceBefore + boxes[j + 1]!.height;
      const gap = this.atTop ? 0 : box.spaceBefore;
      const chainFitsAPage = chain <= pageHeight;
      if (!this.atTop && (this.y + gap + box.height > this.bottom || (chainFitsAPage && this.y + gap + chain > this.bottom))) {
        this.newPage();
      }
      this.y += this.atTop ? 0 : box.spaceBefore;
      if (box.bookmark) this.outline.push({ ...box.bookmark, page: this.pages.length - 1 });
      this.draw(offsetItems(box.items, this.geometry.left, this.y));
      this.y += box.height;
    });
  }
}
