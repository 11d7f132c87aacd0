import { didYouMean } from "../../diagnostics/did-you-mean.js";
import { PURPOSES } from "../../model/schema.js";
import { defineRule } from "../rule.js";

const LIST = PURPOSES.join(", ");

/**
 * The cover's purpose is one APEC's covers use: Information, Consideration, Endorsement, Approval or
 * Discussion. The field is free text, so a plan can say what it is tabled for in its own words;
 * a word outside the list is usually a slip ("Considration") or a phrase the secretariat would
 * shorten ("For your consideration"). Silent when the cover names no purpose.
 *
 * Passes: `purpose: Consideration`. Fails: `purpose: Considration`; `purpose: For noting`.
 */
export const knownPurpose = defineRule({
  meta: {
    id: "known-purpose",
    severity: "warning",
    description: `The cover's purpose is one of those APEC's covers name (${LIST}).`,
    help: `Write one of ${LIST}. If the meeting really asks for another, suppress the finding with \`# ctwg-disable-next-line known-purpose\` above it.`,
    fixable: false,
  },
  create({ report }) {
    return {
      workplan({ cover }) {
        const { purpose } = cover;
        if (purpose === undefined || (PURPOSES as readonly string[]).includes(purpose)) return;
        const suggestion = didYouMean(purpose, PURPOSES);
        report({
          path: ["cover", "purpose"],
          message: `the purpose "${purpose}" is not one APEC's covers use; expected one of ${LIST}`,
          hint: suggestion ? `did you mean \`${suggestion}\`?` : `write one of ${LIST}`,
        });
      },
    };
  },
  examples: {
    pass: [
      { title: "the 2017 plan: Consideration", edit: () => {} },
      {
        title: "Information",
        edit: (w) => {
          w.cover.purpose = "Information";
        },
      },
      { title: "no purpose on the cover", edit: (w) => void delete w.cover.purpose },
    ],
    fail: [
      {
        title: "a misspelt purpose",
        edit: (w) => {
          w.cover.purpose = "Considration";
        },
      },
      {
        title: "a purpose written in lower case",
        edit: (w) => {
          w.cover.purpose = "consideration";
        },
      },
      {
        title: "a phrase instead of a purpose",
        edit: (w) => {
          w.cover.purpose = "For noting";
        },
      },
    ],
  },
});
