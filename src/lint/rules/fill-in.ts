import { PLACEHOLDER } from "../../model/date-spec.js";
import type { DataPath } from "../../diagnostics/diagnostic.js";
import { defineRule } from "../rule.js";

/** The cover fields a draft leaves as placeholders, and how a reader names them. */
const FIELDS: [DataPath, string][] = [
  [["cover", "symbol"], "the document symbol"],
  [["cover", "forumDocNo"], "the forum document number"],
  [["cover", "agendaItem"], "the agenda item"],
  [["cover", "meeting", "name"], "the meeting"],
  [["cover", "meeting", "city"], "the meeting's city"],
  [["cover", "meeting", "economy"], "the meeting's economy"],
  [["cover", "meeting", "date"], "the meeting date"],
  [["cover", "date"], "the cover date"],
];

/**
 * Lists what a draft still leaves to fill in: the `TBD` placeholders `ctwg new` writes for the cover
 * (the meeting, its date, the agenda item, the serials of the symbols, the cover's date), in the
 * fields the plan has: a plan without a meeting or a symbol has none of those to fill in. A plan can
 * be built and reviewed meanwhile; the warnings say what is left before it is tabled.
 *
 * Passes: the 2017 plan. Fails: `symbol: 2018/SOM1/SCE-COW/TBD`, `date: TBD`.
 */
export const fillIn = defineRule({
  meta: {
    id: "fill-in",
    severity: "warning",
    description: "No TBD placeholder is left on the cover.",
    help: "Replace each TBD with the value once it is known: the secretariat gives the symbols' serials, the host the meeting.",
    fixable: false,
  },
  create({ report }) {
    return {
      workplan(workplan) {
        for (const [path, name] of FIELDS) {
          let value: unknown = workplan;
          for (const segment of path) value = (value as Record<string, unknown> | undefined)?.[segment as string];
          if (typeof value !== "string") continue;
          const serial = /\/TBD$/.test(value);
          if (value !== PLACEHOLDER && !serial) continue;
          report({
            path,
            needle: PLACEHOLDER,
            message: serial ? `${name} has no serial yet (${value})` : `${name} is still to be filled in`,
            hint: serial ? "the secretariat issues the serial when the document is registered" : "replace TBD once it is decided",
          });
        }
      },
    };
  },
  examples: {
    pass: [
      { title: "the 2017 plan", edit: () => {} },
      {
        title: "a plan without a meeting, a symbol or an agenda item",
        edit: (w) => {
          delete w.cover.meeting;
          delete w.cover.symbol;
          delete w.cover.forumDocNo;
          delete w.cover.agendaItem;
        },
      },
    ],
    fail: [
      {
        title: "a symbol without its serial",
        edit: (w) => {
          w.cover.symbol = "2017/SOM1/SCE-COW/TBD";
        },
      },
      {
        title: "a meeting date to decide",
        edit: (w) => {
          w.cover.meeting!.date = "TBD";
        },
      },
      {
        title: "a cover date to decide, without a meeting",
        edit: (w) => {
          delete w.cover.meeting;
          w.cover.date = "TBD";
        },
      },
    ],
  },
});
