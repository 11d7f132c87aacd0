import { yamlScalar } from "./yaml-scalar.js";
import { compareText } from "../diagnostics/compare-text.js";

/** The acronyms every APEC forum's plans use: its bodies and meetings. */
const APEC_ACRONYMS: Readonly<Record<string, string>> = {
  ABAC: "APEC Business Advisory Council",
  AELM: "APEC Economic Leaders' Meeting",
  AMM: "APEC Ministerial Meeting",
  APEC: "Asia-Pacific Economic Cooperation",
  BMC: "Budget and Management Committee",
  CSOM: "Concluding Senior Officials' Meeting",
  CTI: "Committee on Trade and Investment",
  EC: "Economic Committee",
  ECOTECH: "Economic and Technical Cooperation",
  SCE: "SOM Steering Committee on Economic and Technical Cooperation",
  SOM: "Senior Officials' Meeting",
};

/** The statements APEC's plans cite as mandates, after their year ("2016 Leaders Declaration"). */
const APEC_MANDATE_SOURCES = [
  "Leaders Declaration",
  "Joint Ministerial Statement",
  "Ministerial Statement",
  "Ministers Responsible for Trade Statement",
];

/** A forum's first glossary: APEC's own acronyms and mandate sources, and the forum's name. */
export function starterGlossary(forum: string, forumName: string): string {
  const acronyms = Object.entries({ ...APEC_ACRONYMS, [forum]: forumName }).sort(([a], [b]) => compareText(a, b));
  return [
    "# The glossary shared by every year's plan: the acronyms a plan may use, with their full names, and",
    '# the sources a mandate may cite (after its year: "2016 Leaders Declaration"). `ctwg lint` reports an',
    '# acronym or a mandate source that is not here, with a "did you mean"; add the forum\'s own here.',
    "",
    "acronyms:",
    ...acronyms.map(([acronym, name]) => `  ${yamlScalar(acronym)}: ${yamlScalar(name)}`),
    "",
    "mandateSources:",
    ...[...APEC_MANDATE_SOURCES, `${forum} Strategic Plan`].map((source) => `  - ${yamlScalar(source)}`),
    "",
  ].join("\n");
}
