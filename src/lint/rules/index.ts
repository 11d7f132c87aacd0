import type { Rule } from "../rule.js";
import { consistentAcronym } from "./consistent-acronym.js";
import { deliverableHasPlan } from "./deliverable-has-plan.js";
import { economySpelling } from "./economy-spelling.js";
import { eventInPlanYear } from "./event-in-plan-year.js";
import { fileName } from "./file-name.js";
import { fillIn } from "./fill-in.js";
import { knownAcronym } from "./known-acronym.js";
import { knownMandateSource } from "./known-mandate-source.js";
import { knownPurpose } from "./known-purpose.js";
import { meetingSequence } from "./meeting-sequence.js";
import { noControlCharacters } from "./no-control-characters.js";
import { noDoubleSpaces } from "./no-double-spaces.js";
import { noEmptyText } from "./no-empty-text.js";
import { noInvisibleCharacters } from "./no-invisible-characters.js";
import { noTrailingSpaces } from "./no-trailing-spaces.js";
import { requiredCell } from "./required-cell.js";
import { staleDate } from "./stale-date.js";
import { symbolShape } from "./symbol-shape.js";
import { tbcInText } from "./tbc-in-text.js";
import { uniqueIds } from "./unique-ids.js";
import { uniqueTitles } from "./unique-titles.js";
import { yearConsistent } from "./year-consistent.js";

/** Every lint rule, in the order they run. Registering a rule is one line here. */
export const RULES: readonly Rule[] = [
  yearConsistent,
  symbolShape,
  staleDate,
  eventInPlanYear,
  deliverableHasPlan,
  meetingSequence,
  uniqueIds,
  uniqueTitles,
  economySpelling,
  tbcInText,
  consistentAcronym,
  knownAcronym,
  knownMandateSource,
  noDoubleSpaces,
  noTrailingSpaces,
  noEmptyText,
  noInvisibleCharacters,
  requiredCell,
  fillIn,
  knownPurpose,
  noControlCharacters,
  fileName,
];
