import fc from "fast-check";

/**
 * Generators of valid workplans for property tests. They build the YAML data from the file format
 * (src/model/schema.ts) with hostile but legal text: markup of every language ctwg writes, line
 * breaks, invisible characters, and letters of the scripts the PDF fonts cover. Why only those
 * scripts: a character the fonts cannot draw is a diagnostic, not a document, and this generator
 * promises plans that build.
 */

/** Pieces that mean something to Markdown, HTML, Handlebars, YAML or ctwg's own lint rules. */
export const MARKUP_PIECES = [
  "<script>alert(1)</script>",
  "</style>",
  "</textarea>",
  '<img src=x onerror="alert(1)">',
  "javascript:alert(1)",
  "data:text/html,<b>x</b>",
  "{{constructor}}",
  "{{> x}}",
  "&amp;",
  "&#60;",
  "<br>",
  "<!--",
  "-->",
  "]]>",
  "|",
  "\\",
  "\\|",
  "`",
  "```",
  "**",
  "_",
  "~~",
  "[x](y)",
  "![x](y)",
  "# ",
  "- ",
  "> ",
  "1. ",
  "2) ",
  "+ ",
  "=",
  "---",
  "***",
  "    ",
  "\n",
  "\r\n",
  "\n\n",
  "\t",
  ": ",
  " #",
  "&",
  "*",
  "!",
  "%",
  "@",
  "'",
  '"',
  "(tbc)",
  "TBD",
  "\u200b",
  "\u202e",
  "\ufeff",
  "\u00a0",
  "\u2028",
  "\u0007",
];

/** Letters the embedded Arimo fonts draw: Latin with Vietnamese, Greek, Cyrillic, common punctuation. */
export const DRAWABLE = [
  ..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
  ..." .,;:!?()[]{}<>/\\|`*_~#-+=&'\"%@^$",
  ..."éüñøßÀÇÉÎÕÿ",
  ..."ạảấầẩẫậươđếỹ",
  ..."αβγΩλ",
  ..."жЯщЁ",
  ..."–—‘’“”…•€",
];

const word = fc.string({ unit: fc.constantFrom(...DRAWABLE), minLength: 1, maxLength: 12 });

/** Text of any shape, including empty, markup and line breaks. */
export const textArb: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 3, arbitrary: word }, { weight: 2, arbitrary: fc.constantFrom(...MARKUP_PIECES) }), { maxLength: 8 })
  .map((parts) => parts.join(""));

const visible = fc.string({ unit: fc.constantFrom(...DRAWABLE.filter((c) => c.trim() !== "")), minLength: 1, maxLength: 12 });

/** Text with at least one visible character, for the fields the format requires to be non-empty. */
export const nonEmptyTextArb: fc.Arbitrary<string> = fc.tuple(textArb, visible, textArb).map(([a, b, c]) => `${a}${b}${c}`);

/** A string, or a list of runs (plain, `{ em }`, `{ theme }`). */
export const richTextArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: nonEmptyTextArb },
  {
    weight: 1,
    arbitrary: fc.array(
      fc.oneof(
        textArb,
        nonEmptyTextArb.map((em) => ({ em })),
        nonEmptyTextArb.map((theme) => ({ theme })),
      ),
      {
        minLength: 1,
        maxLength: 4,
      },
    ),
  },
);

const { listItem } = fc.letrec<{ listItem: unknown }>((tie) => ({
  listItem: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    richTextArb,
    fc.record({ text: richTextArb, items: fc.array(tie("listItem"), { minLength: 1, maxLength: 3 }) }),
  ),
}));
/** A bullet, possibly with bullets under it. */
export const listItemArb = listItem;

/** Cell content: a paragraph as a string, or paragraphs and lists. */
export const blocksArb: fc.Arbitrary<unknown> = fc.oneof(
  nonEmptyTextArb,
  fc.array(fc.oneof(richTextArb, fc.record({ list: fc.array(listItemArb, { minLength: 1, maxLength: 3 }) })), { maxLength: 3 }),
);

const pad = (n: number) => String(n).padStart(2, "0");
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** A real day of `year`, as YYYY-MM-DD. */
export const dayIn = (year: number): fc.Arbitrary<string> =>
  fc
    .integer({ min: 1, max: 12 })
    .chain((month) => fc.integer({ min: 1, max: daysIn(year, month) }).map((day) => `${year}-${pad(month)}-${pad(day)}`));

/** A date spec in `year`: a day, a month, or a range of real days that ends after it starts. */
export const dateSpecIn = (year: number): fc.Arbitrary<string> =>
  fc.oneof(
    dayIn(year),
    fc.integer({ min: 1, max: 12 }).map((month) => `${year}-${pad(month)}`),
    fc
      .tuple(dayIn(year), dayIn(year))
      .filter(([a, b]) => a !== b)
      .map(([a, b]) => (a < b ? `${a}/${b}` : `${b}/${a}`)),
  );

const placeArb = fc.record({ city: nonEmptyTextArb, economy: nonEmptyTextArb }, { requiredKeys: ["economy"] });

const planArb = fc.record(
  {
    title: richTextArb,
    summary: blocksArb,
    mandate: fc.array(fc.record({ source: nonEmptyTextArb, text: blocksArb }, { requiredKeys: ["source"] }), { maxLength: 3 }),
    priorities: fc.array(nonEmptyTextArb, { maxLength: 3 }),
    collaboration: blocksArb,
  },
  { requiredKeys: [] },
);

const deliverableArb = (year: number, index: number) =>
  fc
    .record(
      {
        text: richTextArb,
        project: nonEmptyTextArb,
        event: fc.record(
          {
            kind: fc.constantFrom("meeting", "workshop", "dialogue", "other"),
            meetingNumber: fc.integer({ min: 1, max: 200 }),
            date: dateSpecIn(year),
            place: placeArb,
            tbc: fc.boolean(),
          },
          { requiredKeys: ["kind"] },
        ),
        plan: fc.option(planArb, { nil: undefined, freq: 4 }),
        oneOff: fc.boolean(),
      },
      { requiredKeys: ["text", "plan"] },
    )
    .map(({ plan, ...rest }) => ({
      id: `item-${index + 1}`,
      ...rest,
      ...(plan === undefined ? { noPlan: "No row in the table." } : { plan }),
    }));

/** A generated workplan, as YAML data, with the number of rows its itemized table must have. */
export interface GeneratedWorkplan {
  data: Record<string, unknown>;
  year: number;
  rows: number;
}

/**
 * A valid workplan: every required key, ids unique and kebab-case, symbols with APEC's shape and
 * the plan's year, a real meeting date in that year. Lint may warn about anything; it finds no error.
 */
export const workplanArb: fc.Arbitrary<GeneratedWorkplan> = fc.integer({ min: 1990, max: 2099 }).chain((year) =>
  fc
    .record({
      status: fc.constantFrom("draft", "tabled"),
      cover: fc.record(
        {
          organisation: nonEmptyTextArb,
          agendaItem: nonEmptyTextArb,
          title: nonEmptyTextArb,
          purpose: fc.constantFrom("Information", "Consideration", "Endorsement", "Approval", "Discussion"),
          submittedBy: nonEmptyTextArb,
          withForumDocNo: fc.boolean(),
          meeting: fc.record({ name: nonEmptyTextArb, city: nonEmptyTextArb, economy: nonEmptyTextArb, date: dayIn(year) }),
        },
        { requiredKeys: ["agendaItem", "title", "purpose", "submittedBy", "withForumDocNo", "meeting"] },
      ),
      title: nonEmptyTextArb,
      introduction: fc.record(
        {
          paragraphs: fc.array(richTextArb, { minLength: 1, maxLength: 3 }),
          steps: fc.array(listItemArb, { maxLength: 3 }),
        },
        { requiredKeys: ["paragraphs"] },
      ),
      crossCutting: fc.record({
        lead: richTextArb,
        areas: fc.array(fc.record({ name: nonEmptyTextArb, activities: fc.array(listItemArb, { minLength: 1, maxLength: 3 }) }), {
          minLength: 1,
          maxLength: 3,
        }),
      }),
      deliverableCount: fc.integer({ min: 1, max: 6 }),
    })
    .chain(({ deliverableCount, ...rest }) =>
      fc.tuple(...Array.from({ length: deliverableCount }, (_, i) => deliverableArb(year, i))).map((deliverables) => {
        const { withForumDocNo, ...cover } = rest.cover;
        const data = {
          year,
          ...rest,
          cover: {
            ...cover,
            symbol: `${year}/SOM1/SCE-COW/002`,
            ...(withForumDocNo ? { forumDocNo: `${year}/SOM1/CTWG/004` } : {}),
          },
          crossCutting: { ...rest.crossCutting, areas: rest.crossCutting.areas.map((area, i) => ({ id: `area-${i + 1}`, ...area })) },
          deliverables,
        };
        return { data, year, rows: deliverables.filter((d) => "plan" in d).length };
      }),
    ),
);
