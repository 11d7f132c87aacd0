import { defineRule } from "../rule.js";

/** Spellings APEC does not use, and the member economy's APEC name. */
const SPELLINGS: [RegExp, string][] = [
  [/\bViet-?nam\b/g, "Viet Nam"],
  [/\bHong Kong\b(?!, China)/g, "Hong Kong, China"],
  [/\bTaiwan\b/g, "Chinese Taipei"],
  [/\b(?:South Korea|Korea, Republic of)\b/g, "Republic of Korea"],
  [/\bRussian Federation\b/g, "Russia"],
  [/\bBrunei\b(?! Darussalam)/g, "Brunei Darussalam"],
  [/\bPeople's Republic of China\b/g, "China"],
  [/\b(?:United States of America|U\.S\.A\.|USA)(?![\w.])/g, "United States"],
  [/\bPNG\b/g, "Papua New Guinea"],
];

const ANY_SPELLING = /Viet|Hong Kong|Taiwan|Korea|Russian|Brunei|People's Republic|United States of America|U\.S\.A\.|USA|PNG/;

/**
 * Member economies are written as APEC writes them: Viet Nam (not Vietnam), Hong Kong, China;
 * Chinese Taipei; Republic of Korea; Russia; Brunei Darussalam; United States; Papua New Guinea.
 * Fixable: `--fix` writes the APEC name.
 *
 * Passes: "Nha Trang, Viet Nam". Fails: "Nha Trang, Vietnam"; `economy: Vietnam`.
 */
export const economySpelling = defineRule({
  meta: {
    id: "economy-spelling",
    severity: "warning",
    description: "Member economies use their APEC names (Viet Nam, Hong Kong, China; Chinese Taipei; …).",
    help: "APEC documents name economies as the economies agreed. `ctwg lint --fix` replaces the spelling.",
    fixable: true,
  },
  create({ report }) {
    return {
      text({ parts }) {
        for (const { path, text } of parts) {
          // One cheap test before the nine patterns: most texts name no economy spelt another way.
          if (!ANY_SPELLING.test(text)) continue;
          for (const [pattern, name] of SPELLINGS) {
            for (const match of text.matchAll(pattern)) {
              report({
                path,
                at: { start: match.index!, end: match.index! + match[0].length },
                message: `"${match[0]}" is written "${name}" in APEC documents`,
                hint: `write ${name}; ctwg lint --fix does it`,
                fix: [{ kind: "replace-text", path, start: match.index!, end: match.index! + match[0].length, text: name }],
              });
            }
          }
        }
      },
    };
  },
  examples: {
    pass: [{ title: "Viet Nam as APEC writes it", edit: () => {} }],
    fail: [
      {
        title: "Vietnam in a deliverable",
        edit: (w) => {
          w.deliverables[0]!.text = "Hold the 9th CTWG Meeting in Nha Trang, Vietnam";
        },
      },
      {
        title: "Vietnam as an event's economy",
        edit: (w) => {
          w.deliverables[0]!.event!.place!.economy = "Vietnam";
        },
      },
      { title: "Hong Kong without China", edit: (w) => void w.introduction.paragraphs.push("Hong Kong will host the workshop.") },
    ],
  },
});
