import { didYouMean } from "../../diagnostics/did-you-mean.js";
import { defineRule } from "../rule.js";
import { acronymsIn, glossaryTerms } from "../../model/acronyms.js";

/**
 * Every acronym in the plan is in the shared glossary (`workplans/glossary.yaml`), which gives its
 * full name: a misspelt forum name (TPWG for TPTWG) is caught, and the acronym annex can be built.
 * Silent when there is no glossary file.
 *
 * Passes: CTWG, APEC, TPTWG. Fails: "CTWG will work with the TPWG".
 */
export const knownAcronym = defineRule({
  meta: {
    id: "known-acronym",
    severity: "warning",
    description: "Every acronym is in the shared glossary (workplans/glossary.yaml).",
    help: "Correct a misspelt acronym, or add a new one with its full name to workplans/glossary.yaml.",
    fixable: false,
  },
  create({ glossary, report }) {
    if (!glossary.present) return {};
    const known = new Map([...glossary.acronyms.keys()].map((acronym) => [acronym.replace(/-/g, ""), acronym]));
    const reported = new Set<string>();
    return {
      text(text) {
        for (const use of glossaryTerms(acronymsIn(text))) {
          if (known.has(use.key) || reported.has(use.key)) continue;
          reported.add(use.key);
          const suggestion = didYouMean(use.key, [...known.keys()]);
          report({
            path: use.path,
            needle: use.written,
            message: `"${use.written}" is not in the glossary`,
            hint: suggestion
              ? `did you mean ${known.get(suggestion)}? If not, add ${use.written} with its full name to workplans/glossary.yaml`
              : `add ${use.written} with its full name to workplans/glossary.yaml`,
          });
        }
      },
    };
  },
  examples: {
    pass: [{ title: "the 2017 plan's acronyms", edit: () => {} }],
    fail: [{ title: "a misspelt forum", edit: (w) => void w.introduction.paragraphs.push("CTWG will work with the TPWG.") }],
  },
});
