import type { Workplan } from "../../model/schema.js";
import { defineRule } from "../rule.js";

const ORDINAL = /\b(\d+)\s?(?:st|nd|rd|th)\b/;

/** The working group's meetings of a plan, in listed order, with their numbers. */
function meetings(workplan: Workplan) {
  return workplan.deliverables.flatMap((deliverable, index) =>
    deliverable.event?.kind === "meeting" && deliverable.event.meetingNumber !== undefined
      ? [{ index, number: deliverable.event.meetingNumber, deliverable }]
      : [],
  );
}

/**
 * Working-group meetings are numbered continuously across years (the 9th and 10th CTWG meetings were
 * in 2017): within a plan they run 9, 10, …, and the first continues from the last one of the
 * previous year's plan when that file exists. The ordinal in the text ("Hold 9th …") agrees with
 * `meetingNumber`.
 *
 * Passes: 2017 with meetings 9 and 10 after 2016's 8. Fails: 9 then 11; or 2017 starting at 9 when
 * 2016's plan ended at 9.
 */
export const meetingSequence = defineRule({
  id: "meeting-sequence",
  severity: "warning",
  description: "Working-group meeting numbers run in sequence within the year and continue from the previous year.",
  help: "Meeting numbers never restart: the first meeting of a year follows the last of the year before. Check `meetingNumber` and the ordinal in the text.",
  check({ workplan, previous, report }) {
    const list = meetings(workplan);
    const before = previous ? meetings(previous).at(-1) : undefined;
    list.forEach((meeting, k) => {
      const path = ["deliverables", meeting.index, "event", "meetingNumber"];
      const expected = k > 0 ? list[k - 1]!.number + 1 : before ? before.number + 1 : undefined;
      if (expected !== undefined && meeting.number !== expected) {
        report({
          path,
          message:
            k > 0
              ? `meeting ${meeting.number} follows meeting ${list[k - 1]!.number} in this plan; expected ${expected}`
              : `the first meeting of ${workplan.year} is numbered ${meeting.number}, but ${previous!.year}'s plan ended with meeting ${before!.number}; expected ${expected}`,
          hint: `number it ${expected}, in \`meetingNumber\` and in the text`,
        });
      }
      const text = typeof meeting.deliverable.text === "string" ? meeting.deliverable.text : "";
      const ordinal = ORDINAL.exec(text);
      if (ordinal && Number(ordinal[1]) !== meeting.number) {
        report({
          path: ["deliverables", meeting.index, "text"],
          needle: ordinal[0],
          message: `the text says the ${ordinal[0]} meeting, but \`meetingNumber\` is ${meeting.number}`,
          hint: "make the text and `meetingNumber` agree",
        });
      }
    });
  },
  examples: {
    pass: [{ title: "the 2017 plan: meetings 9 and 10", edit: () => {} }],
    fail: [
      { title: "a gap: 9 then 11", edit: (w) => void (w.deliverables[6]!.event!.meetingNumber = 11) },
      { title: "a text that disagrees with the number", edit: (w) => void (w.deliverables[0]!.event!.meetingNumber = 8) },
    ],
  },
});
