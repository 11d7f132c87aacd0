import { parseDateSpec } from "../../model/date-spec.js";
import { defineRule } from "../rule.js";

/**
 * An event's structured date falls inside the plan's year, or inside its period for a plan of
 * several years. (That dates are real days and ranges end after they start is the file format's own
 * check, so it holds before any rule runs.)
 *
 * Passes: `date: 2017-08` in the 2017 plan; `date: 2020-06` in the 2018-2022 plan.
 * Fails: `date: 2016-02-21/2016-02-22` in the 2017 plan.
 */
export const eventInPlanYear = defineRule({
  meta: {
    id: "event-in-plan-year",
    severity: "warning",
    description: "Every event's date is in the plan's year (or its period).",
    help: "A plan schedules its own year's events; an event dated in another year is usually a copied date. Correct the year, or move the item to that year's plan.",
    fixable: false,
  },
  create({ workplan, report }) {
    const { period } = workplan;
    const span = period.end !== period.start;
    return {
      event(event, i) {
        const spec = event.date;
        if (spec === undefined) return;
        const date = parseDateSpec(spec);
        if (typeof date === "string") return;
        const years = date.kind === "month" ? [date.year] : date.kind === "day" ? [date.start.year] : [date.start.year, date.end.year];
        if (years.every((year) => year >= period.start && year <= period.end)) return;
        report({
          path: ["deliverables", i, "event", "date"],
          message: span
            ? `the event is dated ${spec}, outside the plan's period ${period.label}`
            : `the event is dated ${spec}, outside the plan's year ${workplan.year}`,
          hint: span
            ? `correct the year to one within ${period.label}, or move the item to the plan of the period it happens in`
            : `correct the year to ${workplan.year}, or move the item to the plan of the year it happens in`,
        });
      },
    };
  },
  examples: {
    pass: [
      { title: "the 2017 plan's events", edit: () => {} },
      {
        title: "an event in the third year of a five-year plan",
        edit: (w) => {
          w.period = { start: 2017, end: 2021, label: "2017-2021" };
          w.deliverables[0]!.event!.date = "2019-06-11/2019-06-12";
        },
      },
    ],
    fail: [
      {
        title: "a meeting dated last year",
        edit: (w) => {
          w.deliverables[0]!.event!.date = "2016-02-21/2016-02-22";
        },
      },
      {
        title: "an event after the end of a five-year plan",
        edit: (w) => {
          w.period = { start: 2017, end: 2021, label: "2017-2021" };
          w.deliverables[0]!.event!.date = "2022-03";
        },
      },
    ],
  },
});
