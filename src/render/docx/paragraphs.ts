import { Paragraph, type IParagraphOptions } from "docx";
import type { ListItemView, Run } from "../view.js";
import type { DocxContext } from "./context.js";
import { inline, type RunLook } from "./inline.js";

/**
 * The paragraph mark's own tracked change: a paragraph whose every word is inserted (an added item)
 * or deleted (a dropped one) is itself inserted or deleted, so accepting or rejecting the change in
 * Word leaves no empty paragraph behind.
 */
export function markOf(runs: readonly Run[], context: DocxContext): Pick<IParagraphOptions, "run"> {
  if (runs.length === 0) return {};
  const revision = runs.every((r) => r.del) || runs.every((r) => r.ins) ? context.revision() : undefined;
  if (!revision) return {};
  return { run: runs[0]!.del ? { deletion: revision } : { insertion: revision } };
}

/** A paragraph of runs in a style. */
export function textParagraph(
  runs: readonly Run[],
  context: DocxContext,
  options: Omit<IParagraphOptions, "children"> = {},
  look: RunLook = {},
): Paragraph {
  return new Paragraph({ ...options, ...markOf(runs, context), children: inline(runs, context, look) });
}

/** A list as Word list paragraphs, nested items a level deeper. */
export function listParagraphs(
  items: readonly ListItemView[],
  context: DocxContext,
  list: { reference: string; instance: number; style?: string },
  level = 0,
): Paragraph[] {
  return items.flatMap((item) => [
    textParagraph(item.text, context, {
      numbering: { reference: list.reference, level, instance: list.instance },
      ...(list.style && { style: list.style }),
    }),
    ...listParagraphs(item.items, context, list, level + 1),
  ]);
}
