import { OUTPUT_EXTENSIONS, NAME_MAX_BYTES, planOutputName, stemProblem } from "../../model/file-stem.js";
import { defineRule } from "../rule.js";

/**
 * The files a plan builds are named after its cover symbol (after its forum and period without one):
 * `2017/SOM1/CTWG/004` gives `2017_som1_ctwg_004.pdf`. Every such name must be one a file system can
 * hold, so that what lint passes, build can write: at most 255 bytes with the longest extension, and
 * not a name Windows keeps for a device (CON, PRN, AUX, NUL, COM1–COM9, LPT1–LPT9, in any case).
 *
 * Passes: `symbol: 2017/SOM1/CTWG/004`. Fails: `symbol: CON`, a symbol of 300 characters.
 */
export const fileName = defineRule({
  meta: {
    id: "file-name",
    severity: "error",
    description: "The files named after the plan's symbol can be written on Linux, macOS and Windows: not too long, not a device name.",
    help: "The documents and the calendar are named after the cover symbol (or the forum and period): use the symbol the secretariat issued, which is short and never a device name such as CON.",
    fixable: false,
  },
  create({ report }) {
    return {
      workplan(workplan) {
        const name = planOutputName(workplan);
        const problem = stemProblem(name.stem);
        if (!problem) return;
        const key = name.namedBy.at(-1);
        if (problem.kind === "too-long") {
          report({
            path: name.namedBy,
            message: `the outputs would be named "${shortened(problem.name)}", ${problem.bytes} bytes: a file name may have at most ${NAME_MAX_BYTES}`,
            hint: `shorten the ${key}: the documents are named after it`,
          });
        } else {
          const names = OUTPUT_EXTENSIONS.map((extension) => `${name.stem}.${extension}`).join(", ");
          report({
            path: name.namedBy,
            message: `the outputs would be named ${names}, which Windows cannot create: ${problem.device} is the name of a device there`,
            hint: `change the ${key}: the documents are named after it`,
          });
        }
      },
    };
  },
  examples: {
    pass: [
      { title: "the 2017 symbol", edit: () => {} },
      { title: "a plan without a symbol, named after its forum and year", edit: (w) => void delete w.cover.symbol },
      {
        title: "a symbol just short enough (250 characters and .html)",
        edit: (w) => {
          w.cover.symbol = `2017/SOM1/${"A".repeat(236)}/004`;
        },
      },
      {
        title: "a name that only starts like a device",
        edit: (w) => {
          w.cover.symbol = "CONSOLE";
        },
      },
    ],
    fail: [
      {
        title: "a symbol one character too long",
        edit: (w) => {
          w.cover.symbol = `2017/SOM1/${"A".repeat(237)}/004`;
        },
      },
      {
        title: "a symbol of 300 characters",
        edit: (w) => {
          w.cover.symbol = "S".repeat(300);
        },
      },
      {
        title: "a forum name too long for a plan without a symbol",
        edit: (w) => {
          w.forum = "F".repeat(260);
          delete w.cover.symbol;
        },
      },
      {
        title: "CON as the symbol",
        edit: (w) => {
          w.cover.symbol = "CON";
        },
      },
      {
        title: "a device name in lowercase",
        edit: (w) => {
          w.cover.symbol = "lpt1";
        },
      },
    ],
  },
});

/** A long name cut to its start and end, so the message stays one readable line. */
const shortened = (name: string): string => (name.length <= 60 ? name : `${name.slice(0, 40)}…${name.slice(-12)}`);
