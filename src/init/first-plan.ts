import { yamlScalar } from "./yaml-scalar.js";

/** The forum and year a first plan is for. */
export interface FirstPlanRequest {
  forum: string;
  forumName: string;
  year: number;
}

/**
 * The four cross-cutting areas of APEC's Consolidated Counter-Terrorism and Secure Trade Strategy,
 * under which the CTWG's plans list the work it does with other sub-fora.
 */
const CTWG_AREAS = [
  ["secure-supply-chains", "Secure Supply Chains"],
  ["secure-travel", "Secure Travel"],
  ["secure-finance", "Secure Finance"],
  ["secure-infrastructure", "Secure Infrastructure"],
] as const;

/**
 * A forum's first plan: every part of APEC's template, with a sentence in each to replace, that
 * lints clean and builds as it is, so the first command run on a new project succeeds. The CTWG's
 * has its four cross-cutting areas; another forum's plan has none, as theirs do not.
 */
export function firstPlan({ forum, forumName, year }: FirstPlanRequest): string {
  const title = yamlScalar(`${forumName} Work Plan for ${year}`);
  const lines = [
    "# yaml-language-server: $schema=./workplan.schema.json",
    `# The ${forum}'s work plan for ${year}, a first draft: replace each text with the plan's own.`,
    `# \`ctwg lint ${year}\` says what is wrong, with the line and what to write; \`ctwg build ${year}\` writes`,
    "# the documents to out/; `ctwg schema` describes every key.",
    "",
    `year: ${year}`,
    "status: draft",
    `forum: ${yamlScalar(forum)}`,
    "",
    "cover:",
    `  title: ${title}`,
    "  purpose: Consideration",
    `  submittedBy: ${yamlScalar(`${forum} Chair`)}`,
    "  # Once the meeting that considers the plan is known, with the symbol of its document list:",
    `  # symbol: ${year}/SOM1/SCE-COW/000`,
    "  # meeting:",
    "  #   name: SOM Steering Committee on Economic and Technical Cooperation - Committee of the Whole Meeting",
    "  #   city: …",
    "  #   economy: …",
    `  #   date: ${year}-02-28`,
    "",
    `title: ${title}`,
    "",
    "introduction:",
    "  paragraphs:",
    "    - >-",
    ...folded(`In ${year}, the ${forumName} will continue to fulfil its mandate within APEC through the following steps:`, "      "),
    "  steps:",
    "    - carry out the deliverables below;",
    "    - report on their progress at each Senior Officials' Meeting.",
    "",
  ];
  if (forum === "CTWG") {
    lines.push(
      "crossCutting:",
      "  lead: >-",
      "    The CTWG will work with other relevant APEC sub-fora in the four cross-cutting activity areas of the",
      "    APEC Consolidated Counter-Terrorism and Secure Trade Strategy:",
      "  areas:",
    );
    for (const [id, name] of CTWG_AREAS) {
      lines.push(
        `    - id: ${id}`,
        `      name: ${name}`,
        "      activities:",
        `        - The CTWG will work with the relevant sub-fora on ${name.toLowerCase()}.`,
      );
    }
    lines.push("");
  }
  lines.push(
    "deliverables:",
    "  - id: first-meeting",
    `    text: Hold the first ${forum} meeting of ${year}`,
    `    event: { kind: meeting, date: ${year}-02 }`,
    "    plan:",
    `      summary: The meeting will agree the ${forum}'s work for the year.`,
    "",
  );
  return lines.join("\n");
}

/** A folded scalar's lines: words wrapped before 100 columns, as the plans in workplans/ are. */
function folded(text: string, indent: string): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && indent.length + line.length + 1 + word.length > 100) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, indent + line];
}
