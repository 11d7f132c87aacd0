import { defineRule } from "../rule.js";

/**
 * APEC document symbols read YEAR/MEETING/FORUM/SERIAL with optional suffixes: `2017/SOM1/CTWG/004`,
 * `2013/SOM1/EGILAT/006rev1`; plenary documents leave the forum out: `2007/SOM3/026anxE`. MEETING is
 * a senior officials' meeting (SOM1, CSOM) or a forum's own numbered meeting (HRDWG29). A serial may
 * carry one lowercase letter after its three digits, before any suffix: `2016/PPWE1/003b`.
 *
 * Passes: `symbol: 2017/SOM1/SCE-COW/002`. Fails: `symbol: 2017-SOM1-SCE-COW-002`, `2017/SOM1/CTWG/4`.
 *
 * Why the suffixes are one optional group: a suffix's tail `[A-Za-z0-9]*` already takes any suffixes
 * after it (`rev1anxE`), so a repeated group matched the same symbols, and backtracked exponentially
 * over a long run of suffixes ending in a character the pattern refuses.
 */
export const SYMBOL_SHAPE =
  /^(\d{4})\/([A-Z][A-Z-]*\d*)\/(?:([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*)\/)?(\d{3}[a-z]?)(?:(?:rev|anx|add|corr|att)[A-Za-z0-9]*)?$/;

export const symbolShape = defineRule({
  meta: {
    id: "symbol-shape",
    severity: "error",
    description: "The document symbol and forum document number have APEC's shape, YEAR/MEETING/FORUM/SERIAL.",
    help: "Write the symbol as the secretariat issues it, e.g. 2017/SOM1/CTWG/004: four digits, the meeting, the forum, a three-digit serial, then any suffix such as rev1 or anxE.",
    fixable: false,
  },
  create({ report }) {
    return {
      workplan({ cover }) {
        for (const key of ["symbol", "forumDocNo"] as const) {
          const value = cover[key];
          // A draft's symbol has no serial yet (2018/SOM1/CTWG/TBD); `fill-in` lists it.
          if (value === undefined || SYMBOL_SHAPE.test(value.replace(/\/TBD$/, "/000"))) continue;
          report({
            path: ["cover", key],
            message: `"${value}" is not an APEC document symbol (YEAR/MEETING/FORUM/SERIAL, like 2017/SOM1/CTWG/004)`,
            hint: /\/\d{1,2}$/.test(value)
              ? "the serial has three digits: 004, not 4"
              : "separate the parts with /, and give the serial three digits",
          });
        }
      },
    };
  },
  examples: {
    pass: [
      { title: "the 2017 symbols", edit: () => {} },
      {
        title: "a revision suffix",
        edit: (w) => {
          w.cover.symbol = "2013/SOM1/EGILAT/006rev1";
        },
      },
      {
        title: "a plenary symbol without a forum",
        edit: (w) => {
          w.cover.symbol = "2007/SOM3/026anxE";
        },
      },
      {
        title: "a serial with a letter",
        edit: (w) => {
          w.cover.symbol = "2016/PPWE1/003b";
        },
      },
      {
        title: "a serial with a letter and a revision",
        edit: (w) => {
          w.cover.forumDocNo = "2016/PPWE1/003brev1";
        },
      },
    ],
    fail: [
      {
        title: "dashes for slashes",
        edit: (w) => {
          w.cover.symbol = "2017-SOM1-SCE-COW-002";
        },
      },
      {
        title: "a short serial",
        edit: (w) => {
          w.cover.forumDocNo = "2017/SOM1/CTWG/4";
        },
      },
      {
        title: "two letters after the serial",
        edit: (w) => {
          w.cover.symbol = "2016/PPWE1/003bc";
        },
      },
    ],
  },
});
