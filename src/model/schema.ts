import { z } from "zod";
import { checkDateSpec, DATE_SPEC_PATTERN } from "./date-spec.js";
import { DocumentShapeInput, type DocumentShape } from "./document-shape.js";

/**
 * The workplan file format. This schema IS the format: the JSON Schema editors use is generated from
 * it (`ctwg schema`), and every key a file may hold is declared here with a description.
 * Why strict objects everywhere: an unknown key is almost always a misspelt known one, and silently
 * ignoring it would drop text from the tabled document.
 */

const nonEmpty = (description: string) => z.string().trim().min(1, "expected some text, found an empty string").describe(description);

/** A kebab-case identifier that stays the same from year to year, so diffs and later plans can refer to it. */
export const Id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "expected a kebab-case id (lowercase letters, digits and single hyphens)")
  .describe("A stable kebab-case id, kept from year to year, e.g. `first-ctwg-meeting` (the year's first working-group meeting).");

/** A day (`2017-02-28`), a month (`2017-08`) or an ISO 8601 range (`2017-02-21/2017-02-22`). */
export const DateSpec = z
  .string()
  .regex(DATE_SPEC_PATTERN, "expected a day like 2017-02-28, a month like 2017-08, a range like 2017-02-21/2017-02-22, or TBD")
  .superRefine((value, ctx) => {
    const problem = checkDateSpec(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .describe("A day (2017-02-28), a month when only the month is known (2017-08), a range (2017-02-21/2017-02-22), or TBD in a draft.");

/**
 * Text of a run, kept as written. Why not trimmed like a field: a run's edge spaces separate it from
 * its neighbours ("Mission Statement: " then the statement), so trimming would glue words together.
 */
const runText = (description: string) =>
  z
    .string()
    .min(1, { message: "expected some text, found an empty string", abort: true })
    .refine((text) => text.trim() !== "", "expected some text, found only spaces")
    .describe(description);

/** A run of inline text: plain, emphasised, or the host year's theme (printed in italics). */
export const Inline = z.union([
  z.string(),
  z.strictObject({ em: runText("Emphasised text, printed in italics.") }),
  z.strictObject({ theme: runText("The host year's theme, printed in italics.") }),
]);

/** Text with optional inline emphasis: a plain string, or a list of runs. */
export const RichText = z
  .union([z.string(), z.array(Inline).min(1, "expected at least one run of text")])
  .describe("Text: a string, or a list of runs where a run is a string, `{ em: … }` or `{ theme: … }`.");

/** A bullet: text, optionally with a nested list under it. */
export type ListItem = RichText | { text: RichText; items: ListItem[] };
export const ListItem: z.ZodType<ListItem> = z.lazy(() =>
  z.union([RichText, z.strictObject({ text: RichText, items: z.array(ListItem).min(1, "expected at least one nested item") })]),
);

/** A block inside a table cell or section: a paragraph, or a bullet list. */
export const Block = z.union([RichText, z.strictObject({ list: z.array(ListItem).min(1, "expected at least one item") })]);

/** Cell content: one paragraph as a string, or a list of paragraphs and bullet lists. */
export const Blocks = z
  .union([z.string(), z.array(Block)])
  .describe("A paragraph as a string, or a list whose entries are paragraphs and `{ list: [...] }` bullet lists.");

/** The purposes APEC's cover names; a plan may write another, which `known-purpose` questions. */
export const PURPOSES = ["Information", "Consideration", "Endorsement", "Approval", "Discussion"] as const;

export const Place = z.strictObject({
  city: nonEmpty("City, as printed: `Nha Trang`.").optional(),
  economy: nonEmpty("Member economy, in APEC spelling: `Viet Nam`."),
});

/** The meeting a document is tabled at, in the box at the foot of the cover. */
export const Meeting = z.strictObject({
  name: nonEmpty("The meeting the document is tabled at."),
  city: nonEmpty("Host city.").optional(),
  economy: nonEmpty("Host economy, in APEC spelling."),
  date: DateSpec,
});

export const Cover = z.strictObject({
  organisation: nonEmpty("Organisation name in the header box.").default("Asia-Pacific Economic Cooperation"),
  symbol: nonEmpty(
    "Document symbol, top left: `2017/SOM1/SCE-COW/002`; names the output files. Leave out for a plan without one.",
  ).optional(),
  agendaItem: nonEmpty('Agenda item, top right; free text, so quote numbers: `"7"`.').optional(),
  stamp: nonEmpty(
    "A note printed above the cover, as a secretariat stamps an endorsed or updated plan: `Endorsed by the CTWG as at 9 October 2017`.",
  ).optional(),
  title: nonEmpty("Title on the cover."),
  purpose: nonEmpty(`Why the document is tabled: ${PURPOSES.join(", ")}.`).optional(),
  submittedBy: nonEmpty("Who submits the document: `CTWG Chair`.").optional(),
  forumDocNo: nonEmpty("The working group's own document number: `2017/SOM1/CTWG/004`.").optional(),
  date: DateSpec.optional().describe(
    "The document's own date, printed on the cover, when it is not the meeting's (or there is no meeting).",
  ),
  meeting: Meeting.optional(),
});

export const EventKind = z.enum(["meeting", "workshop", "dialogue", "other"]).describe("What kind of event the item is.");

/** The structured facts behind a deliverable's printed text: when, where, and how certain. */
export const Event = z.strictObject({
  kind: EventKind,
  meetingNumber: z.int().positive().optional().describe("The working group's meeting number (9 for the 9th CTWG meeting)."),
  date: DateSpec.optional(),
  place: Place.optional(),
  tbc: z.boolean().default(false).describe("True while the date or place is still to be confirmed."),
});

export const MandateSource = z.strictObject({
  source: nonEmpty("The mandate's source, printed underlined: `2016 Leaders Declaration`."),
  text: Blocks.optional(),
});

/** One row of the itemized work-plan table. */
export const Plan = z.strictObject({
  title: RichText.optional().describe("The row's title when it is worded differently from the deliverable."),
  summary: Blocks.default([]).describe("Summary of specific plans."),
  mandate: z.array(MandateSource).default([]).describe("Leaders'/Ministers'/SOM/SCE mandates."),
  priorities: z.array(nonEmpty("A priority: `Human Security`.")).default([]).describe("ECOTECH and/or host-year priorities."),
  collaboration: Blocks.default([]).describe("Cross-fora collaboration, within and beyond APEC."),
});

/** An expected outcome and, optionally, its row in the itemized table: one item, one id. */
export const Deliverable = z.strictObject({
  id: Id,
  text: RichText.describe("The deliverable as printed in the numbered list."),
  group: nonEmpty(
    "The heading the deliverable is listed under, e.g. `First CTWG Meeting` or `Ministers' taskings`: consecutive deliverables of one group print under one heading.",
  ).optional(),
  owner: nonEmpty(
    "Who leads the item: a network, an expert group, an economy. Printed after the item, and in an `owner` column.",
  ).optional(),
  project: nonEmpty("APEC project number: `CTWG 01 2016A`.").optional(),
  event: Event.optional(),
  plan: Plan.optional(),
  noPlan: nonEmpty("Why the deliverable has no row in the itemized table (it is never printed).").optional(),
  oneOff: z
    .boolean()
    .optional()
    .describe("Done once, not carried into next year's plan by `ctwg new`. Default: workshops and dialogues are one-off, the rest recurs."),
});

export const CrossCuttingArea = z.strictObject({
  id: Id,
  name: nonEmpty("The area's name: `Secure Travel`."),
  activities: z.array(ListItem).min(1, "expected at least one activity"),
});

/** Where a plan stands: `draft` while written, `tabled` once submitted, and the states of a plan after its meeting. */
export const STATUSES = ["draft", "tabled", "interim", "updated", "endorsed", "final"] as const;

/** "2018-2022": a plan for a span of years. */
export const PERIOD_PATTERN = /^(\d{4})-(\d{4})$/;

/** The file as written; `validateWorkplan` resolves its period and layout into a `Workplan`. */
export const WorkplanFile = z
  .strictObject({
    year: z.int().min(1989).max(2100).optional().describe("The plan's year, for a plan of one year."),
    period: z
      .string()
      .regex(PERIOD_PATTERN, "expected a span of years like 2018-2022")
      .optional()
      .describe("The years a plan covers, for a plan of several: `2018-2022`. Write `year` instead for one year."),
    status: z
      .enum(STATUSES)
      .default("tabled")
      .describe(
        "`draft` while the plan is being written (the documents say so), `tabled` once submitted; `interim`, `updated`, `endorsed`, `final` after.",
      ),
    forum: nonEmpty("The forum's acronym: `CTWG`, `PPWE`.").default("CTWG"),
    profile: nonEmpty("The layout profile: `ctwg`, or one from ctwg.config.yaml. Default: the one named after the forum.").optional(),
    document: DocumentShapeInput.optional(),
    cover: Cover,
    title: nonEmpty("The title at the top of the body, under the cover block."),
    introduction: z
      .strictObject({
        callout: RichText.optional().describe("A boxed statement printed before the paragraphs, such as a mission statement."),
        paragraphs: z.array(RichText).default([]),
        steps: z.array(ListItem).default([]).describe("The steps listed after the introduction."),
      })
      .optional(),
    crossCutting: z
      .strictObject({
        lead: RichText.optional().describe("The sentence that introduces the cross-cutting areas."),
        areas: z.array(CrossCuttingArea).default([]),
      })
      .optional(),
    deliverables: z.array(Deliverable).default([]),
  })
  .superRefine((plan, context) => {
    if (plan.year === undefined && plan.period === undefined) {
      context.addIssue({
        code: "custom",
        path: [],
        message: "expected `year` (a plan of one year: 2017) or `period` (a plan of several: 2018-2022)",
      });
    } else if (plan.year !== undefined && plan.period !== undefined) {
      context.addIssue({ code: "custom", path: ["period"], message: "a plan has a `year` or a `period`, not both; keep one" });
    } else if (plan.period !== undefined) {
      const [, start, end] = PERIOD_PATTERN.exec(plan.period)!;
      if (Number(end) <= Number(start))
        context.addIssue({ code: "custom", path: ["period"], message: `${plan.period} ends before it starts; write the first year first` });
    }
  });

/** The years a plan covers: one (`2017`) or a span (`2018-2022`). */
export interface Period {
  start: number;
  end: number;
  /** As printed: "2017", "2018-2022". */
  label: string;
}

type WorkplanData = z.infer<typeof WorkplanFile>;

/**
 * A valid workplan with its period and layout decided. `year` is the period's first year; the
 * optional parts are there, empty, when the file leaves them out.
 */
export interface Workplan extends Omit<WorkplanData, "year" | "period" | "document" | "introduction" | "crossCutting"> {
  year: number;
  period: Period;
  document: DocumentShape;
  introduction: { callout?: RichText | undefined; paragraphs: RichText[]; steps: ListItem[] };
  crossCutting: { lead: RichText | undefined; areas: CrossCuttingArea[] };
}

export type WorkplanInput = z.input<typeof WorkplanFile>;
export type CrossCuttingArea = z.infer<typeof CrossCuttingArea>;
export type Cover = z.infer<typeof Cover>;
export type Deliverable = z.infer<typeof Deliverable>;
export type Plan = z.infer<typeof Plan>;
export type RichText = z.infer<typeof RichText>;
export type Inline = z.infer<typeof Inline>;
export type Block = z.infer<typeof Block>;
export type Blocks = z.infer<typeof Blocks>;
export type Event = z.infer<typeof Event>;
