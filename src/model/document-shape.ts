import { z } from "zod";

/** The sections of a work plan, in the order they print. */
export const SECTION_IDS = ["introduction", "deliverables", "plans", "annex"] as const;
export type SectionId = (typeof SECTION_IDS)[number];

/** How a list is marked: bullets, numbers (1. 2. 3.) or letters ((a) (b) (c)). */
export const LIST_STYLES = ["bullet", "number", "letter"] as const;
export type ListStyle = (typeof LIST_STYLES)[number];

/** What a column of the itemized table can show of a deliverable's row. */
export const COLUMN_FIELDS = ["title", "summary", "mandate", "priorities", "collaboration", "owner", "date", "place"] as const;
export type ColumnField = (typeof COLUMN_FIELDS)[number];

export const Column = z.strictObject({
  title: z.string().trim().min(1, "expected the column's heading").describe("The column's heading, as printed."),
  field: z
    .enum(COLUMN_FIELDS)
    .describe(
      "What the column shows: the row's title, summary, mandate, priorities, collaboration, or the deliverable's owner, date or place.",
    ),
});

const heading = (example: string) =>
  z
    .string()
    .trim()
    .min(1, "expected a heading")
    .describe(`The section's heading; {period}, {year}, {forum} and {forumName} are replaced: \`${example}\`.`);

/**
 * How a forum's work plans are laid out: headings, numbering, item labels, the table's columns. Every
 * key is optional: the plan's own `document:` overrides its profile, which overrides CTWG's layout.
 */
export const DocumentShapeInput = z
  .strictObject({
    forumName: z
      .string()
      .trim()
      .min(1)
      .optional()
      .describe("The forum's full name, for the documents' metadata (default: the glossary's entry for the forum)."),
    headings: z
      .strictObject({
        introduction: heading("Introduction").optional(),
        deliverables: heading("Expected Outcomes/Deliverables for {period}").optional(),
        plans: heading("Itemized Work Plans for {period}").optional(),
        annex: heading("Annex: Acronyms").optional(),
      })
      .optional(),
    numbering: z
      .enum(["arabic", "roman", "none"])
      .optional()
      .describe("How numbered sections are numbered: `arabic` (1.), `roman` (I.) or `none`."),
    numberedSections: z.array(z.enum(SECTION_IDS)).optional().describe("The sections that carry a number, counted in print order."),
    itemLabel: z
      .string()
      .optional()
      .describe('How deliverables are labelled: `{section}.{n}` (1.1, 1.2 …), `Activity {n}:`, `{n}.`, or "" for no label.'),
    columns: z.array(Column).optional().describe("The itemized table's columns, in order; an empty list prints no table."),
    annex: z.boolean().optional().describe("Print the acronym annex (when there is a glossary)."),
    stepsStyle: z.enum(LIST_STYLES).optional().describe("How the introduction's steps are marked: `bullet`, `number` or `letter`."),
    ownerLabel: z.string().trim().min(1).optional().describe("The word before a deliverable's owner: `Lead` (Lead: CT network)."),
    keywords: z.array(z.string().trim().min(1)).optional().describe("Words for the PDF's keywords beside APEC, the forum and the period."),
  })
  .describe("The document's layout: headings, numbering, labels and the itemized table's columns.");

export type DocumentShapeInput = z.infer<typeof DocumentShapeInput>;

/** A document's layout with every setting decided: what the view, lint and diff read. */
export interface DocumentShape {
  forumName: string | undefined;
  headings: Record<SectionId, string>;
  numbering: "arabic" | "roman" | "none";
  numberedSections: readonly SectionId[];
  itemLabel: string;
  columns: readonly z.infer<typeof Column>[];
  annex: boolean;
  stepsStyle: ListStyle;
  ownerLabel: string;
  keywords: readonly string[];
}

/** The five columns of APEC's work-plan template, as the CTWG tables them. */
export const TEMPLATE_COLUMNS: DocumentShape["columns"] = [
  { title: "Title", field: "title" },
  { title: "Summary of Specific Plans", field: "summary" },
  { title: "Mandate (Leaders/Ministers/SOM/SCE Priorities and Decisions, Strategic Plans and to ABAC recommendations)", field: "mandate" },
  { title: "ECOTECH Priorities and/or Host Year Priorities", field: "priorities" },
  { title: "Cross-fora collaboration (Within APEC and beyond APEC)", field: "collaboration" },
];

/** APEC's template as the CTWG lays it out: the default every profile and plan starts from. */
export const DEFAULT_SHAPE: DocumentShape = {
  forumName: undefined,
  headings: {
    introduction: "Introduction",
    deliverables: "Expected Outcomes/Deliverables for {period}",
    plans: "Itemized Work Plans for {period}",
    annex: "Annex: Acronyms",
  },
  numbering: "arabic",
  numberedSections: ["deliverables", "plans"],
  itemLabel: "{section}.{n}",
  columns: TEMPLATE_COLUMNS,
  annex: true,
  stepsStyle: "bullet",
  ownerLabel: "Lead",
  keywords: [],
};

/**
 * The built-in profiles, by forum; a configuration file may add others. A plan uses the profile
 * named after its forum unless it names another.
 */
export const BUILT_IN_PROFILES: Readonly<Record<string, DocumentShapeInput>> = {
  ctwg: { keywords: ["counter-terrorism"] },
};

/**
 * Settings merged in one direction, later wins: the built-in layout, then the forum's profile, then
 * the plan's own `document:`. Headings merge key by key; lists are replaced whole.
 */
export function mergeShapes(...layers: readonly (DocumentShapeInput | undefined)[]): DocumentShape {
  let shape: DocumentShape = DEFAULT_SHAPE;
  for (const layer of layers) {
    if (!layer) continue;
    shape = {
      forumName: layer.forumName ?? shape.forumName,
      headings: { ...shape.headings, ...definedOnly(layer.headings ?? {}) },
      numbering: layer.numbering ?? shape.numbering,
      numberedSections: layer.numberedSections ?? shape.numberedSections,
      itemLabel: layer.itemLabel ?? shape.itemLabel,
      columns: layer.columns ?? shape.columns,
      annex: layer.annex ?? shape.annex,
      stepsStyle: layer.stepsStyle ?? shape.stepsStyle,
      ownerLabel: layer.ownerLabel ?? shape.ownerLabel,
      keywords: layer.keywords ?? shape.keywords,
    };
  }
  return shape;
}

const definedOnly = <T extends object>(object: T): Partial<T> =>
  Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as Partial<T>;
