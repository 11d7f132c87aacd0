import { HeadingLevel, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, BorderStyle, type IBorderOptions } from "docx";
import type { WorkplanView } from "../view.js";
import type { DocxContext } from "./context.js";
import { inline } from "./inline.js";
import { deliverableLevelText, LISTS } from "./numbering.js";
import { listParagraphs, markOf, textParagraph } from "./paragraphs.js";
import { timelineTable } from "./timeline-table.js";

const RULE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: "000000" };

/**
 * The body up to the itemized table, upright: the title (Word's Title style), the introduction and
 * the cross-cutting areas, the numbered deliverables and the timeline. Section headings are Heading 1,
 * areas and groups of deliverables Heading 2, so Word's navigation pane lists them.
 */
export function bodyBlocks(view: WorkplanView, context: DocxContext, contentWidth: number): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [textParagraph(view.title, context, { heading: HeadingLevel.TITLE, pageBreakBefore: true })];
  const heading = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(text)] });
  const { introduction, crossCutting, deliverables } = view;
  if (introduction) {
    out.push(heading(introduction.heading));
    if (introduction.callout)
      out.push(
        textParagraph(introduction.callout, context, { style: "Callout", border: { top: RULE, bottom: RULE, left: RULE, right: RULE } }),
      );
    for (const paragraph of introduction.paragraphs) out.push(textParagraph(paragraph, context));
    out.push(...listParagraphs(introduction.steps, context, { reference: LISTS.steps, instance: 1 }));
    if (crossCutting.lead) out.push(textParagraph(crossCutting.lead, context));
    crossCutting.areas.forEach((area, i) => {
      out.push(textParagraph(area.name, context, { heading: HeadingLevel.HEADING_2 }));
      out.push(...listParagraphs(area.activities, context, { reference: LISTS.bullets, instance: 10 + i }));
    });
  }
  if (deliverables) {
    out.push(heading(deliverables.heading));
    const numbered = deliverableLevelText(deliverables.labelled, deliverables.labelFormat) !== null;
    for (const item of deliverables.items) {
      if (item.group) out.push(textParagraph(item.group, context, { heading: HeadingLevel.HEADING_2 }));
      const runs = [
        ...item.text,
        ...(item.owner
          ? [{ text: " (", em: false, ins: false, del: false }, ...item.owner, { text: ")", em: false, ins: false, del: false }]
          : []),
      ];
      const typedLabel = deliverables.labelled && !numbered ? [new TextRun(`${item.number}\t`)] : [];
      out.push(
        new Paragraph({
          // An item is a few lines: kept on one page, it reads as one.
          keepLines: true,
          ...(numbered
            ? { numbering: { reference: LISTS.deliverables, level: 0, instance: 2 } }
            : { style: "ListParagraph", indent: deliverables.labelled ? { left: 720, hanging: 720 } : {} }),
          ...markOf(item.text, context),
          children: [...typedLabel, ...inline(runs, context)],
        }),
      );
    }
  }
  if (view.timeline) out.push(...timelineTable(view.timeline, view.period, contentWidth));
  return out;
}

/** The acronym annex: a table of the acronyms the plan uses and their full names. */
export function annexBlocks(annex: NonNullable<WorkplanView["annex"]>, contentWidth: number): (Paragraph | Table)[] {
  const widths = [Math.round(contentWidth * 0.25), contentWidth - Math.round(contentWidth * 0.25)];
  const cell = (text: string, width: number, bold = false) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      borders: { top: RULE, bottom: RULE, left: RULE, right: RULE },
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [new Paragraph({ style: "TableText", children: [new TextRun({ text, bold })] })],
    });
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(annex.heading)] }),
    new Table({
      width: { size: contentWidth, type: WidthType.DXA },
      columnWidths: widths,
      rows: [
        new TableRow({
          tableHeader: true,
          cantSplit: true,
          children: [cell("Acronym", widths[0]!, true), cell("Full name", widths[1]!, true)],
        }),
        ...annex.entries.map(
          (entry) => new TableRow({ cantSplit: true, children: [cell(entry.acronym, widths[0]!, true), cell(entry.name, widths[1]!)] }),
        ),
      ],
    }),
  ];
}
