import { AlignmentType, type IStylesOptions } from "docx";

/** Arial, as APEC documents are set; LibreOffice draws it with Liberation Sans, which has its metrics. */
export const FONT = "Arial";

/** Half-points, as Word counts type sizes. */
export const SIZE = { body: 22, cell: 18, footer: 18, coverTitle: 32, organisation: 26, heading1: 26, heading2: 22, title: 28 } as const;

/**
 * Word's own style names, so that the navigation pane, a table of contents and a reader's own
 * styles work: Title, Heading 1–3, Normal, List Paragraph, with a few of ctwg's for the cover and
 * the table cells, each based on Normal.
 */
export function documentStyles(lang: string): IStylesOptions {
  return {
    default: {
      document: { run: { font: FONT, size: SIZE.body, language: { value: lang } }, paragraph: { spacing: { after: 120, line: 264 } } },
      title: {
        run: { font: FONT, size: SIZE.title, bold: true, color: "000000" },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 240 } },
      },
      heading1: {
        run: { font: FONT, size: SIZE.heading1, bold: true, color: "000000" },
        paragraph: { spacing: { before: 300, after: 120 }, keepNext: true },
      },
      heading2: {
        run: { font: FONT, size: SIZE.heading2, bold: true, color: "000000" },
        paragraph: { spacing: { before: 200, after: 80 }, keepNext: true },
      },
      heading3: {
        run: { font: FONT, size: SIZE.body, bold: true, italics: true, color: "000000" },
        paragraph: { spacing: { before: 160, after: 60 }, keepNext: true },
      },
      listParagraph: { paragraph: { spacing: { after: 60 } } },
    },
    paragraphStyles: [
      {
        id: "CoverTitle",
        name: "Cover Title",
        basedOn: "Normal",
        next: "Normal",
        run: { size: SIZE.coverTitle, bold: true },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 2400, after: 360 } },
      },
      {
        id: "CoverFact",
        name: "Cover Fact",
        basedOn: "Normal",
        next: "Normal",
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 80 } },
      },
      {
        id: "TableText",
        name: "Table Text",
        basedOn: "Normal",
        next: "TableText",
        run: { size: SIZE.cell },
        paragraph: { spacing: { after: 60, line: 240 } },
      },
      {
        id: "TableHeading",
        name: "Table Heading",
        basedOn: "TableText",
        next: "TableText",
        run: { bold: true },
        paragraph: { keepNext: true },
      },
      {
        id: "Callout",
        name: "Callout",
        basedOn: "Normal",
        next: "Normal",
        run: { italics: true },
        paragraph: { indent: { left: 360, right: 360 }, spacing: { before: 120, after: 200 } },
      },
      {
        id: "Caption",
        name: "caption",
        basedOn: "Normal",
        next: "Normal",
        run: { size: SIZE.cell, italics: true },
        paragraph: { spacing: { before: 60, after: 200 } },
      },
      {
        id: "Footer",
        name: "footer",
        basedOn: "Normal",
        run: { size: SIZE.footer },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 0 } },
      },
    ],
  };
}
