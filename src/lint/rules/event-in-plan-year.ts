import { parseDateSpec } from "../../model/date-spec.js";
import { defineRule } from "../rule.js";

/**
 * An event's structured date falls inside the plan's year. (That dates are real days and ranges end
 * after they start is the file format's own check, so it holds before any rule runs.)
 *
 * Passes: `date: 2017-08` in the 2017 plan. Fails: `date: 2016-02-21/2016-02-22` in the 2017 plan.
 */
export const eventInPlanYear = defineRule({
  meta: {
    id: "event-in-plan-year",
    severity: "warning",
    description: "Every event's date is in the plan's year.",
    help: "A plan schedules its own year's events; an event dated in another year is usually a copied date. Correct the year, or move the item to that year's plan.",
    fixable: false,
  },
  create({ workplan, report }) {
    return {
      event(event, i) {
        const spec = event.date;
        if (spec === undefined) return;
        const date = parseDateSpec(spec);
        if (typeof date === "string") return;
        const years = date.kind === "month" ? [date.year] : date.kind === "day" ? [date.start.year] : [date.start.year, date.end.year];
        if (years.every((year) => year === workplan.year)) return;
        report({
          path: ["deliverables", i, "event", "date"],
          message: `the event is dated ${spec}, outside the plan's year ${workplan.year}`,
          hint: `correct the year to ${workplan.year}, or move the item to the plan of the year it happens in`,
        });
      },
    };
  },
  examples: {
    pass: [{ title: "the 2017 plan's events", edit: () => {} }],
    fail: [{ title: "a meeting dated last year", edit: (w) => void (w.deliverables[0]!.event!.date = "2016-02-21/2016-02-22") }],
  },
});
