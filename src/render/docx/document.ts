import { Document, Footer, PageNumber, PageOrientation, Paragraph, SectionType, TextRun, type ISectionOptions } from "docx";
import type { WorkplanView } from "../view.js";
import { annexBlocks, bodyBlocks } from "./body.js";
import { docxContext, type Revisions } from "./context.js";
import { coverBlock } from "./cover.js";
import { deliverableLevelText, documentNumbering } from "./numbering.js";
import { planTable } from "./plan-table.js";
import { documentStyles } from "./styles.js";

/** A4 in twentieths of a point, with 2 cm margins. */
const A4 = { width: 11906, height: 16838 };
const MARGIN = 1134;

/**
 * The Word document of a view: the cover and the body upright, the itemized table in a landscape
 * section of its own, the annex upright again; "Page N of M" as fields in every footer. With
 * `revisions`, the view's marks are tracked changes by that author (a redline), and Word goes on
 * tracking the reviewer's own edits.
 */
export function wordDocument(view: WorkplanView, revisions: Revisions | null): Document {
  const context = docxContext(revisions);
  const upright = A4.width - 2 * MARGIN;
  const across = A4.height - 2 * MARGIN;
  const footer = new Footer({
    children: [
      new Paragraph({
        style: "Footer",
        children: [new TextRun({ children: ["Page ", PageNumber.CURRENT, " of ", PageNumber.TOTAL_PAGES] })],
      }),
    ],
  });
  const page = (orientation: "portrait" | "landscape") => ({
    page: {
      // The library swaps width and height itself for a landscape page.
      size: {
        width: A4.width,
        height: A4.height,
        orientation: orientation === "landscape" ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
      },
      margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    },
  });
  const sections: ISectionOptions[] = [
    {
      properties: page("portrait"),
      footers: { default: footer },
      children: [...coverBlock(view, context, upright), ...bodyBlocks(view, context, upright)],
    },
  ];
  if (view.plans) {
    sections.push({
      properties: { ...page("landscape"), type: SectionType.NEXT_PAGE },
      footers: { default: footer },
      children: [
        new Paragraph({ heading: "Heading1", children: [new TextRun(view.plans.heading)] }),
        planTable(view.plans, context, across),
      ],
    });
  }
  if (view.annex)
    sections.push({
      properties: { ...page("portrait"), type: SectionType.NEXT_PAGE },
      footers: { default: footer },
      children: annexBlocks(view.annex, upright),
    });
  const deliverables = view.deliverables;
  return new Document({
    title: view.meta.title,
    subject: view.meta.symbol,
    creator: view.meta.author,
    lastModifiedBy: revisions?.author ?? view.meta.author,
    keywords: view.meta.keywords.join(", "),
    description: view.redline
      ? `Redline: changes from ${view.redline.before} to ${view.redline.after}. ${view.redline.summary}`
      : `${view.meta.symbol ? `${view.meta.symbol}: ` : ""}${view.meta.title}`,
    revision: 1,
    // What `ctwg import` reads back: which plan the file is of, and the fingerprint of its texts.
    customProperties: [
      { name: "ctwg.period", value: view.period },
      { name: "ctwg.fingerprint", value: context.fingerprint() },
    ],
    ...(revisions && { features: { trackRevisions: true } }),
    styles: documentStyles(view.lang),
    numbering: documentNumbering(
      view.introduction?.stepsStyle ?? "bullet",
      deliverables ? deliverableLevelText(deliverables.labelled, deliverables.labelFormat) : null,
    ),
    sections,
  });
}
