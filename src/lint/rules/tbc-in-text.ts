import type { ProseText } from "../../model/prose.js";
import { defineRule } from "../rule.js";

const TBC = /\s*\((tbc)\)/gi;

/**
 * "(tbc)" written into a deliverable's text instead of the event's `tbc` flag. The flag is what a
 * calendar and next year's plan read, and the documents print "(tbc)" from it; written by hand it
 * drifts ("(tbc)" here, "(TBC)" there, as in the 2017 source). Fixable: `--fix` removes it from the
 * text and sets `tbc: true`.
 *
 * Passes: `text: … in Bali, Indonesia in March` with `event: { tbc: true }`.
 * Fails: `text: … in Bali, Indonesia in March (tbc)`.
 */
export const tbcInText = defineRule({
  meta: {
    id: "tbc-in-text",
    severity: "warning",
    description: '"(tbc)" is marked with the event\'s `tbc` flag, not written into the text.',
    help: 'Set `tbc: true` on the event and remove "(tbc)" from the text; the documents print it from the flag. `ctwg lint --fix` does both.',
    fixable: true,
  },
  create({ workplan, report }) {
    const items: ProseText[] = [];
    return {
      text(text) {
        if (text.inItem && text.path[0] === "deliverables") items.push(text);
      },
      // Reported at the end: each finding names every spelling of it the plan uses.
      done() {
        const spellings = new Set(items.flatMap((t) => [...t.text.matchAll(TBC)].map((m) => `(${m[1]})`)));
        const mixed = spellings.size > 1 ? `; this plan writes it both ${[...spellings].join(" and ")}` : "";
        for (const text of items) {
          for (const part of text.parts) {
            for (const match of part.text.matchAll(TBC)) {
              const index = Number(text.path[1]);
              const event = workplan.deliverables[index]?.event;
              const flagged = event?.tbc === true;
              report({
                path: part.path,
                at: { start: match.index! + match[0].length - match[0].trim().length, end: match.index! + match[0].length },
                message: `"${match[0].trim()}" is written into the text${flagged ? "; the event's `tbc` flag already says it" : ""}${mixed}`,
                hint: event
                  ? "remove it from the text and set `tbc: true` on the event; ctwg lint --fix does both"
                  : "add an `event:` with `tbc: true` and remove it from the text",
                ...(event
                  ? {
                      fix: [
                        {
                          kind: "replace-text" as const,
                          path: part.path,
                          start: match.index!,
                          end: match.index! + match[0].length,
                          text: "",
                        },
                        { kind: "set-flag" as const, path: ["deliverables", index, "event"], key: "tbc", value: true },
                      ],
                    }
                  : {}),
              });
            }
          }
        }
      },
    };
  },
  examples: {
    pass: [
      {
        title: "the flag, no text",
        edit: (w) => {
          w.deliverables[1]!.text = "Hold a workshop in Bali, Indonesia in March";
          w.deliverables[7]!.text = "Hold Workshop on FTF Returnees in Ho Chi Minh City in August";
        },
      },
    ],
    fail: [{ title: "the 2017 plan: (tbc) and (TBC) in the text", edit: () => {} }],
  },
});
