import { didYouMean } from "../../diagnostics/did-you-mean.js";
import { defineRule } from "../rule.js";

/**
 * A mandate cites a known source, written "YEAR Name": "2016 Leaders Declaration". The names are
 * listed in the shared glossary (`mandateSources`), so a misspelt or invented source is caught.
 * Silent when there is no glossary file.
 *
 * Passes: "2016 Leaders Declaration". Fails: "2016 Leader Declaration"; "Leaders Declaration" (no year).
 */
export const knownMandateSource = defineRule({
  meta: {
    id: "known-mandate-source",
    severity: "warning",
    description: 'Mandate sources are written "YEAR Name" with a name from the glossary.',
    help: "Cite the source as it is titled, after its year. Add a new kind of source to `mandateSources` in workplans/glossary.yaml.",
    fixable: false,
  },
  create({ workplan, glossary, report }) {
    if (!glossary.present) return {};
    return {
      deliverable(deliverable, i) {
        deliverable.plan?.mandate.forEach((mandate, k) => {
          const path = ["deliverables", i, "plan", "mandate", k, "source"];
          const match = /^(\d{4}) (.+)$/.exec(mandate.source);
          const name = match ? match[2]! : mandate.source;
          if (!match) {
            report({
              path,
              message: `"${mandate.source}" does not start with its year`,
              hint: `write it as "${workplan.year - 1} ${name}"`,
            });
          }
          if (glossary.mandateSources.includes(name)) return;
          const suggestion = didYouMean(name, glossary.mandateSources);
          report({
            path,
            needle: name,
            message: `"${name}" is not a mandate source in the glossary`,
            hint: suggestion ? `did you mean "${suggestion}"?` : "add it to `mandateSources` in workplans/glossary.yaml",
          });
        });
      },
    };
  },
  examples: {
    pass: [{ title: "the 2017 plan's sources", edit: () => {} }],
    fail: [
      {
        title: "a misspelt source",
        edit: (w) => {
          w.deliverables[0]!.plan!.mandate[0]!.source = "2016 Leader Declaration";
        },
      },
      {
        title: "a source without its year",
        edit: (w) => {
          w.deliverables[0]!.plan!.mandate[0]!.source = "Leaders Declaration";
        },
      },
    ],
  },
});
