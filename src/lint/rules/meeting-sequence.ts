import type { Deliverable, Workplan } from "../../model/schema.js";
import { defineRule } from "../rule.js";

const ORDINAL = /\b(\d+)\s?(?:st|nd|rd|th)\b/;

/** The number of a deliverable's working-group meeting; undefined for any other item. */
const meetingNumber = (deliverable: Deliverable) => (deliverable.event?.kind === "meeting" ? deliverable.event.meetingNumber : undefined);

/**
 * Working-group meetings are numbered continuously across years (the 9th and 10th CTWG meetings were
 * in 2017): within a plan they run 9, 10, …, and the first continues from the last one of the
 * previous year's plan when that file exists. The ordinal in the text ("Hold 9th …") agrees with
 * `meetingNumber`. A plan of several years is not compared with the file of the year before:
 * that is not the plan it follows, so only its own meetings are checked.
 *
 * Passes: 2017 with meetings 9 and 10 after 2016's 8. Fails: 9 then 11; or 2017 starting at 9 when
 * 2016's plan ended at 9.
 */
export const meetingSequence = defineRule({
  meta: {
    id: "meeting-sequence",
    severity: "warning",
    description: "Working-group meeting numbers run in sequence within the year and continue from the previous year.",
    help: "Meeting numbers never restart: the first meeting of a year follows the last of the year before. Check `meetingNumber` and the ordinal in the text.",
    fixable: false,
  },
  create({ workplan, previous, report }) {
    const oneYear = (plan: Workplan) => plan.period.end === plan.period.start;
    const before =
      previous && oneYear(workplan) && oneYear(previous)
        ? previous.deliverables
            .map(meetingNumber)
            .filter((n) => n !== undefined)
            .at(-1)
        : undefined;
    // The number of the meeting before, in this plan.
    let last: number | undefined;
    return {
      deliverable(deliverable, index) {
        const number = meetingNumber(deliverable);
        if (number === undefined) return;
        const expected = last !== undefined ? last + 1 : before !== undefined ? before + 1 : undefined;
        if (expected !== undefined && number !== expected) {
          report({
            path: ["deliverables", index, "event", "meetingNumber"],
            message:
              last !== undefined
                ? `meeting ${number} follows meeting ${last} in this plan; expected ${expected}`
                : `the first meeting of ${workplan.year} is numbered ${number}, but ${previous!.year}'s plan ended with meeting ${before}; expected ${expected}`,
            hint: `number it ${expected}, in \`meetingNumber\` and in the text`,
          });
        }
        const text = typeof deliverable.text === "string" ? deliverable.text : "";
        const ordinal = ORDINAL.exec(text);
        if (ordinal && Number(ordinal[1]) !== number) {
          report({
            path: ["deliverables", index, "text"],
            needle: ordinal[0],
            message: `the text says the ${ordinal[0]} meeting, but \`meetingNumber\` is ${number}`,
            hint: "make the text and `meetingNumber` agree",
          });
        }
        last = number;
      },
    };
  },
  examples: {
    pass: [{ title: "the 2017 plan: meetings 9 and 10", edit: () => {} }],
    fail: [
      {
        title: "a gap: 9 then 11",
        edit: (w) => {
          w.deliverables[6]!.event!.meetingNumber = 11;
        },
      },
      {
        title: "a text that disagrees with the number",
        edit: (w) => {
          w.deliverables[0]!.event!.meetingNumber = 8;
        },
      },
    ],
  },
});
