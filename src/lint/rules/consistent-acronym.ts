import { defineRule } from "../rule.js";
import { acronymsIn, type AcronymUse } from "../../model/acronyms.js";
import { compareText } from "../../diagnostics/compare-text.js";

/**
 * One acronym, one spelling, within a plan: the 2017 source writes TPTWG and TPT-WG, MEG-SEC and
 * "MEG- SEC", CTI/SCCP and "CTI SCCP". The spelling in the glossary wins; without one, the more
 * frequent spelling does, and the others are reported. Fixable: `--fix` writes the winning spelling.
 *
 * Passes: TPTWG throughout. Fails: TPTWG in one place and TPT-WG in another.
 */
export const consistentAcronym = defineRule({
  meta: {
    id: "consistent-acronym",
    severity: "warning",
    description: "An acronym is written the same way throughout the plan.",
    help: "Readers and search treat TPTWG and TPT-WG as different names. Use the glossary's spelling everywhere.",
    fixable: true,
  },
  create({ glossary, report }) {
    const uses: AcronymUse[] = [];
    return {
      text(text) {
        uses.push(...acronymsIn(text));
      },
      // Every spelling is counted before any is reported: the winner is known only at the end.
      done() {
        const byKey = new Map<string, Map<string, number>>();
        for (const use of uses) {
          const spellings = byKey.get(use.key) ?? new Map<string, number>();
          spellings.set(use.written, (spellings.get(use.written) ?? 0) + 1);
          byKey.set(use.key, spellings);
        }
        const known = new Map([...glossary.acronyms.keys()].map((acronym) => [acronym.replace(/-/g, ""), acronym]));
        const preferred = new Map<string, string>();
        for (const [key, spellings] of byKey) {
          if (spellings.size < 2) continue;
          const fromGlossary = known.get(key);
          const spaces = (text: string) => (text.match(/\s/g) ?? []).length;
          // Without the glossary: the most frequent spelling; on a tie, the one with fewer stray spaces ("MEG- SEC" is a slip).
          const ranked = [...spellings].sort((a, b) => b[1] - a[1] || spaces(a[0]) - spaces(b[0]) || compareText(a[0], b[0]));
          const best = fromGlossary && spellings.has(fromGlossary) ? fromGlossary : ranked[0]![0];
          preferred.set(key, best);
        }
        for (const use of uses) {
          const best = preferred.get(use.key);
          if (best === undefined || use.written === best) continue;
          const at = { start: use.start, end: use.start + use.written.length };
          report({
            path: use.path,
            at,
            message: `"${use.written}" is written "${best}" elsewhere in this plan`,
            hint: `write ${best} everywhere${known.get(use.key) === best ? ", the glossary's spelling" : ""}; ctwg lint --fix does it`,
            fix: [{ kind: "replace-text", path: use.path, ...at, text: best }],
          });
        }
      },
    };
  },
  examples: {
    pass: [
      {
        title: "one spelling of each",
        edit: (w) => {
          w.crossCutting.areas = w.crossCutting.areas.slice(2);
          w.introduction.steps = [];
        },
      },
    ],
    fail: [{ title: "the 2017 plan: TPTWG and TPT-WG", edit: () => {} }],
  },
});
