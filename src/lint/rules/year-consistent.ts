import { parseDateSpec } from "../../model/date-spec.js";
import type { Period } from "../../model/schema.js";
import { defineRule } from "../rule.js";

/** The year a date spec starts in, or undefined for a draft's TBD (or no date at all). */
const yearOf = (spec: string | undefined): number | undefined => {
  if (spec === undefined) return undefined;
  const date = parseDateSpec(spec);
  return typeof date === "string" ? undefined : date.kind === "month" ? date.year : date.start.year;
};

const isSpan = (period: Period) => period.end !== period.start;

/**
 * The year is the same everywhere it is written: the file name (`2017.yaml`, `2018-2022.yaml`), the
 * plan's `year` or `period`, the document symbol, the forum document number and the meeting date.
 * A plan may be tabled at a meeting late in the year before (a 2018 plan at a 2017 meeting), so the
 * meeting's year may be the period's first year or the one before; the symbols must carry the
 * meeting's year. Without a meeting the cover's own `date` stands in for it; with neither, the
 * symbols may carry the period's first year or the one before.
 *
 * Passes: `year: 2017`, symbol `2017/SOM1/…`, meeting on 2017-02-28, in `2017.yaml`; `period:
 * 2018-2022` in `2018-2022.yaml`. Fails: the 2017 file with symbol `2016/SOM1/…`, or named `2018.yaml`.
 */
export const yearConsistent = defineRule({
  meta: {
    id: "year-consistent",
    severity: "error",
    description: "The file name, the plan's year, the symbols and the meeting date agree on the year.",
    help: "A plan copied from last year often keeps an old year somewhere. Correct the field the message points at.",
    fixable: false,
  },
  create({ file, report }) {
    return {
      workplan({ year, period, cover }) {
        const span = isSpan(period);
        const key = span ? "period" : "year";
        const named = /(?:^|[\\/])(\d{4}(?:-\d{4})?)\.ya?ml$/.exec(file)?.[1];
        if (named !== undefined && named !== period.label) {
          report({
            path: [key],
            message: `the plan's ${key} is ${period.label}, but the file is named ${named}.yaml`,
            hint: `rename the file to ${period.label}.yaml, or correct \`${key}\``,
          });
        }
        const dated = cover.meeting
          ? { what: "the meeting", path: ["cover", "meeting", "date"] }
          : { what: "the cover date", path: ["cover", "date"] };
        const datedYear = yearOf(cover.meeting ? cover.meeting.date : cover.date);
        if (datedYear !== undefined && datedYear !== year && datedYear !== year - 1) {
          report({
            path: dated.path,
            message: `${dated.what} is in ${datedYear}, but the plan is for ${period.label}`,
            hint: span
              ? `a plan is tabled in its first year (${year}) or late in the year before; correct the date or \`period\``
              : "a plan is tabled in its own year or late in the year before; correct the date or `year`",
          });
        }
        for (const symbolKey of ["symbol", "forumDocNo"] as const) {
          const value = cover[symbolKey];
          const written = value === undefined ? undefined : /^(\d{4})\//.exec(value)?.[1];
          if (written === undefined) continue;
          const name = symbolKey === "symbol" ? "document symbol" : "forum document number";
          // Without a known date (none, or a draft's TBD) the symbol may carry any year the meeting could be in.
          const fits = datedYear !== undefined ? Number(written) === datedYear : Number(written) === year || Number(written) === year - 1;
          if (fits) continue;
          report({
            path: ["cover", symbolKey],
            needle: written,
            message:
              datedYear !== undefined
                ? `the ${name} says ${written}, but ${dated.what} is in ${datedYear}`
                : `the ${name} says ${written}, but the plan is for ${period.label}`,
            hint:
              datedYear !== undefined
                ? `a symbol carries the year of the meeting it is tabled at: ${value!.replace(/^\d{4}/, String(datedYear))}`
                : `a symbol carries the year of the meeting it is tabled at: the plan's first year (${year}) or the one before`,
          });
        }
      },
    };
  },
  examples: {
    pass: [
      { title: "the 2017 plan as tabled", edit: () => {}, file: "workplans/2017.yaml" },
      {
        title: "a five-year plan in its own file, tabled the year before it starts",
        edit: (w) => {
          w.year = 2018;
          w.period = { start: 2018, end: 2022, label: "2018-2022" };
        },
        file: "workplans/2018-2022.yaml",
      },
      {
        title: "a plan without a meeting, dated on its cover",
        edit: (w) => {
          delete w.cover.meeting;
          w.cover.date = "2017-03-15";
        },
      },
      {
        title: "a plan with neither a meeting nor a symbol",
        edit: (w) => {
          delete w.cover.meeting;
          delete w.cover.symbol;
          delete w.cover.forumDocNo;
        },
      },
    ],
    fail: [
      {
        title: "a symbol left at last year",
        edit: (w) => {
          w.cover.symbol = "2016/SOM1/SCE-COW/002";
        },
      },
      {
        title: "a forum number left at last year",
        edit: (w) => {
          w.cover.forumDocNo = "2016/SOM1/CTWG/004";
        },
      },
      { title: "a file named after another year", edit: () => {}, file: "workplans/2018.yaml" },
      {
        title: "a meeting two years before the plan",
        edit: (w) => {
          w.cover.meeting!.date = "2015-02-28";
        },
      },
      {
        title: "a five-year plan in a file named after one year",
        edit: (w) => {
          w.year = 2018;
          w.period = { start: 2018, end: 2022, label: "2018-2022" };
        },
        file: "workplans/2018.yaml",
      },
      {
        title: "a cover dated two years before the plan, without a meeting",
        edit: (w) => {
          delete w.cover.meeting;
          w.cover.date = "2015-03-15";
        },
      },
    ],
  },
});
