import { AlignmentType, LevelFormat, type INumberingOptions } from "docx";
import type { ListStyle } from "../../model/document-shape.js";

/** The lists of a document, by the reference its paragraphs name. */
export const LISTS = { bullets: "bullets", cellBullets: "cell-bullets", steps: "steps", deliverables: "deliverables" } as const;

const BULLETS = ["\u2022", "\u25e6", "\u25aa"];
const DEPTH = 6;

/**
 * Word numbering for every list, so Word numbers and indents them and a reader's edits renumber:
 * bullets (in the body and, narrower, in table cells), the introduction's steps as the layout marks
 * them, and the deliverables with the layout's label ("2.{n}" is "2.1", "2.2" …). A label Word's
 * numbering cannot spell (one with a "%", or without "{n}") is typed before each item instead, and
 * `deliverableLevelText` says so with null.
 */
export function documentNumbering(stepsStyle: ListStyle, labelFormat: string | null): INumberingOptions {
  const bullets = (indent: number) =>
    Array.from({ length: DEPTH }, (_, level) => ({
      level,
      format: LevelFormat.BULLET,
      text: BULLETS[level % BULLETS.length]!,
      alignment: AlignmentType.LEFT,
      style: { paragraph: { indent: { left: indent * (level + 1), hanging: indent } } },
    }));
  const steps =
    stepsStyle === "bullet"
      ? bullets(360)
      : [
          {
            level: 0,
            format: stepsStyle === "letter" ? LevelFormat.LOWER_LETTER : LevelFormat.DECIMAL,
            text: stepsStyle === "letter" ? "(%1)" : "%1.",
            alignment: AlignmentType.LEFT,
            style: { paragraph: { indent: { left: 360, hanging: 360 } } },
          },
          ...bullets(360).slice(1),
        ];
  const config: INumberingOptions["config"][number][] = [
    { reference: LISTS.bullets, levels: bullets(360) },
    { reference: LISTS.cellBullets, levels: bullets(200) },
    { reference: LISTS.steps, levels: steps },
  ];
  if (labelFormat !== null) {
    config.push({
      reference: LISTS.deliverables,
      levels: [
        {
          level: 0,
          format: LevelFormat.DECIMAL,
          text: labelFormat,
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: 720, hanging: 720 } } },
        },
      ],
    });
  }
  return { config };
}

/** The deliverables' label as Word numbering's level text ("2.%1"), or null when it must be typed. */
export function deliverableLevelText(labelled: boolean, labelFormat: string): string | null {
  if (!labelled || labelFormat.includes("%") || !labelFormat.includes("{n}")) return null;
  return labelFormat.replaceAll("{n}", "%1");
}
