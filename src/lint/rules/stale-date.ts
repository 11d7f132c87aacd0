import { MONTHS } from "../../model/date-spec.js";
import { partAt } from "../../model/prose.js";
import { defineRule } from "../rule.js";

const MONTH = MONTHS.join("|");
/** "20-21 February 2016", "30 June-1 July 2016", "March 2016". */
const DATE_IN_TEXT = new RegExp(
  `\\b(?:\\d{1,2}(?:\\s*-\\s*\\d{1,2})?\\s+)?(?:${MONTH})(?:\\s*-\\s*\\d{1,2}\\s+(?:${MONTH}))?,?\\s+(\\d{4})\\b`,
  "g",
);

/**
 * A date written in an item's text (a deliverable or its row) that falls before the plan's year, or
 * before the first year of its period for a plan of several years. It is the classic slip of a plan
 * started from last year's: the 2017 plan schedules a workshop "for 20-21 February 2016".
 * Introduction and strategy texts may cite past events, so only items count.
 *
 * Passes: "held in Bali on March 2017" in the 2017 plan. Fails: "scheduled for 20-21 February 2016".
 */
export const staleDate = defineRule({
  meta: {
    id: "stale-date",
    severity: "warning",
    description: "A date in a deliverable or its row falls before the plan's year.",
    help: "Usually a date copied from last year's plan: correct the year. If the text really means a past event, suppress the finding with `# ctwg-disable-next-line stale-date` above it.",
    fixable: false,
  },
  create({ workplan, report }) {
    const { period } = workplan;
    // "the plan's year, 2017", "the plan's period, 2018-2022".
    const planned = period.end === period.start ? `the plan's year, ${period.label}` : `the plan's period, ${period.label}`;
    return {
      text(text) {
        if (!text.inItem) return;
        for (const match of text.text.matchAll(DATE_IN_TEXT)) {
          const year = Number(match[1]);
          if (year >= workplan.year) continue;
          const part = partAt(text, match.index!);
          report({
            path: part.path,
            at: { start: part.offset, end: part.offset + match[0].length },
            message: `"${match[0]}" is before ${planned}`,
            hint: `a date left from an earlier plan? if the event is in ${workplan.year}, write ${match[0].replace(/\d{4}$/, String(workplan.year))}`,
          });
        }
      },
    };
  },
  examples: {
    pass: [
      {
        title: "dates in the plan's year",
        edit: (w) => {
          w.deliverables[2]!.plan!.summary = ["The workshop in Lima, Peru scheduled for 20-21 February 2017."];
        },
      },
      {
        title: "a past event cited in the introduction",
        edit: (w) => {
          w.deliverables[2]!.plan!.summary = ["No date here."];
          w.introduction.paragraphs.push("As agreed on 3 March 2015.");
        },
      },
    ],
    fail: [
      { title: "the 2017 plan as tabled: 20-21 February 2016", edit: () => {} },
      {
        title: "a date before a five-year plan starts",
        edit: (w) => {
          w.year = 2018;
          w.period = { start: 2018, end: 2022, label: "2018-2022" };
          w.deliverables[2]!.plan!.summary = ["The workshop in Lima, Peru scheduled for 20-21 February 2017."];
        },
      },
    ],
  },
});
