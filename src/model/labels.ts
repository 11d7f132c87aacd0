import type { SectionId } from "./document-shape.js";
import type { Glossary } from "./glossary.js";
import type { Workplan } from "./schema.js";

/**
 * The sections a plan prints, in order. Why it matters: section numbers count only the sections
 * that are there, so a plan without a table has no empty number.
 */
function presentSections(workplan: Workplan): SectionId[] {
  const { introduction, crossCutting, deliverables, document } = workplan;
  const present: SectionId[] = [];
  if (introduction.paragraphs.length || introduction.steps.length || crossCutting.areas.length || crossCutting.lead !== undefined)
    present.push("introduction");
  if (deliverables.length) present.push("deliverables");
  if (document.columns.length && deliverables.some((d) => d.plan)) present.push("plans");
  present.push("annex");
  return present;
}

/** The number a section carries, as printed ("1", "II"), or "" when it carries none. */
export function sectionNumbers(workplan: Workplan): Record<SectionId, string> {
  const { numbering, numberedSections } = workplan.document;
  const numbers: Record<SectionId, string> = { introduction: "", deliverables: "", plans: "", annex: "" };
  if (numbering === "none") return numbers;
  let n = 0;
  for (const section of presentSections(workplan)) {
    if (!numberedSections.includes(section)) continue;
    n++;
    numbers[section] = numbering === "roman" ? roman(n) : String(n);
  }
  return numbers;
}

/**
 * Each section's heading as printed: its number, then its title with the period and forum filled in.
 * The forum's full name is the layout's, else the glossary's entry for the forum's acronym.
 */
export function sectionHeadings(workplan: Workplan, glossary?: Glossary): Record<SectionId, string> {
  const numbers = sectionNumbers(workplan);
  const forumName = workplan.document.forumName ?? glossary?.acronyms.get(workplan.forum) ?? workplan.forum;
  const fill = (title: string) =>
    title
      .replaceAll("{period}", workplan.period.label)
      .replaceAll("{year}", String(workplan.year))
      .replaceAll("{forumName}", forumName)
      .replaceAll("{forum}", workplan.forum);
  const heading = (section: SectionId) => (numbers[section] ? `${numbers[section]}. ` : "") + fill(workplan.document.headings[section]);
  return { introduction: heading("introduction"), deliverables: heading("deliverables"), plans: heading("plans"), annex: heading("annex") };
}

/**
 * Each deliverable's label as the document prints it: "1.1", "Activity 1:", "1.", or "" when the
 * layout labels none. `{section}` is the deliverables section's number; without one, `{section}.`
 * is left out, so "{section}.{n}" reads "1", "2" ….
 */
export function itemLabels(workplan: Workplan): string[] {
  const format = itemLabelFormat(workplan);
  return workplan.deliverables.map((_, i) => format.replaceAll("{n}", String(i + 1)));
}

/** The layout's item label with the section filled in, `{n}` left for the item's number. */
export function itemLabelFormat(workplan: Workplan): string {
  const section = sectionNumbers(workplan).deliverables;
  return section
    ? workplan.document.itemLabel.replaceAll("{section}", section)
    : workplan.document.itemLabel.replace(/\{section\}\.?/g, "");
}

/**
 * How messages name a deliverable: its label without a trailing colon ("1.6", "Activity 6"), or its
 * position when the layout prints no label. Why one label and not itemLabels(…)[index]: rules name
 * an item in each finding, and labelling every item each time made a long list cost its square.
 */
export function itemName(workplan: Workplan, index: number): string {
  const label =
    index >= 0 && index < workplan.deliverables.length
      ? itemLabelFormat(workplan)
          .replaceAll("{n}", String(index + 1))
          .replace(/[:.]$/, "")
          .trim()
      : "";
  return label ? label : `#${index + 1}`;
}

const ROMAN: [number, string][] = [
  [1000, "M"],
  [900, "CM"],
  [500, "D"],
  [400, "CD"],
  [100, "C"],
  [90, "XC"],
  [50, "L"],
  [40, "XL"],
  [10, "X"],
  [9, "IX"],
  [5, "V"],
  [4, "IV"],
  [1, "I"],
];

function roman(n: number): string {
  let out = "";
  for (const [value, letters] of ROMAN) for (; n >= value; n -= value) out += letters;
  return out;
}
