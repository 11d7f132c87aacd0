import { parseDateSpec } from "../../model/date-spec.js";
import { defineRule } from "../rule.js";

/**
 * The year is the same everywhere it is written: the file name (`2017.yaml`), `year`, the document
 * symbol, the forum document number and the meeting date. A plan may be tabled at a meeting late in
 * the year before (a 2018 plan at a 2017 meeting), so the meeting's year may be the plan's year or
 * the one before; the symbols must carry the meeting's year.
 *
 * Passes: `year: 2017`, symbol `2017/SOM1/…`, meeting on 2017-02-28, in `2017.yaml`.
 * Fails: the same file with symbol `2016/SOM1/…`, or named `2018.yaml`.
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
      workplan({ year, cover }) {
        const fileYear = /(?:^|[\\/])(\d{4})\.ya?ml$/.exec(file)?.[1];
        if (fileYear !== undefined && Number(fileYear) !== year) {
          report({
            path: ["year"],
            message: `the plan's year is ${year}, but the file is named ${fileYear}.yaml`,
            hint: `rename the file to ${year}.yaml, or correct \`year\``,
          });
        }
        const date = parseDateSpec(cover.meeting.date);
        const meetingYear = typeof date === "string" ? undefined : date.kind === "month" ? date.year : date.start.year;
        if (meetingYear !== undefined && meetingYear !== year && meetingYear !== year - 1) {
          report({
            path: ["cover", "meeting", "date"],
            message: `the meeting is in ${meetingYear}, but the plan is for ${year}`,
            hint: "a plan is tabled in its own year or late in the year before; correct the date or `year`",
          });
        }
        const expected = meetingYear ?? year;
        for (const key of ["symbol", "forumDocNo"] as const) {
          const value = cover[key];
          const written = value === undefined ? undefined : /^(\d{4})\//.exec(value)?.[1];
          if (written !== undefined && Number(written) !== expected) {
            report({
              path: ["cover", key],
              needle: written,
              message: `the ${key === "symbol" ? "document symbol" : "forum document number"} says ${written}, but the meeting is in ${expected}`,
              hint: `a symbol carries the year of the meeting it is tabled at: ${value!.replace(/^\d{4}/, String(expected))}`,
            });
          }
        }
      },
    };
  },
  examples: {
    pass: [{ title: "the 2017 plan as tabled", edit: () => {}, file: "workplans/2017.yaml" }],
    fail: [
      { title: "a symbol left at last year", edit: (w) => void (w.cover.symbol = "2016/SOM1/SCE-COW/002") },
      { title: "a forum number left at last year", edit: (w) => void (w.cover.forumDocNo = "2016/SOM1/CTWG/004") },
      { title: "a file named after another year", edit: () => {}, file: "workplans/2018.yaml" },
      { title: "a meeting two years before the plan", edit: (w) => void (w.cover.meeting.date = "2015-02-28") },
    ],
  },
});
