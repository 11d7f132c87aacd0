import { yamlScalar } from "./yaml-scalar.js";

/** What `ctwg init` is asked to start. */
export interface ProjectRequest {
  /** The forum's acronym, as plans write it: `CTWG`, `PPWE`. */
  forum: string;
  /** Its full name: `Counter-Terrorism Working Group`. */
  forumName: string;
  /** The keywords of the documents' metadata (the built-in profile's, for a forum that has one). */
  keywords: readonly string[];
  /** The first plan's file name without `.yaml` (`2027`, `2023-2027`), and its text; none when the project has plans. */
  firstPlan: { period: string; text: string } | undefined;
  /** The glossary to start from. */
  glossary: string;
  /** The JSON Schema of the file format, for editors. */
  schema: string;
  /** The GitHub Action that checks and builds the plans: `owner/repo@ref`. */
  action: string;
}

/** One file of a new project, by its path from the project's root, and what it is for. */
export interface ProjectFile {
  path: string;
  text: string;
  purpose: string;
}

/**
 * Every file a new project holds, in the order they are reported. Pure: the caller reads what the
 * files come from and writes them.
 */
export function projectFiles(request: ProjectRequest): ProjectFile[] {
  return [
    { path: "ctwg.config.yaml", text: configFile(request), purpose: "the configuration: lint rules and the forum's layout" },
    { path: "workplans/glossary.yaml", text: request.glossary, purpose: "the acronyms and mandate sources the plans may use" },
    ...(request.firstPlan
      ? [{ path: `workplans/${request.firstPlan.period}.yaml`, text: request.firstPlan.text, purpose: "the first plan" }]
      : []),
    { path: "workplans/workplan.schema.json", text: request.schema, purpose: "the file format, for editors" },
    { path: ".github/workflows/workplans.yml", text: workflow(request.action), purpose: "lint and build on every pull request" },
    { path: ".vscode/settings.json", text: editorSettings(), purpose: "checks and completes the plans as they are typed" },
    { path: ".vscode/extensions.json", text: editorExtensions(), purpose: "the YAML language server those settings are for" },
    {
      path: ".gitignore",
      text: "# The documents are built from the plans; CI attaches them to each run.\nout/\nnode_modules/\n",
      purpose: "keeps built documents out of git",
    },
  ];
}

function configFile({ forum, forumName, keywords, firstPlan }: ProjectRequest): string {
  const period = firstPlan?.period ?? "2017";
  const lines = [
    "# ctwg's configuration. It also marks this folder as the project's root: from any folder inside it,",
    `# \`ctwg lint ${period}\` means workplans/${period}.yaml here, with this file and workplans/glossary.yaml.`,
    "",
    "lint:",
    "  # A rule's severity (error, warning or info) or off; `ctwg lint --help` lists the rules.",
    "  rules: {}",
    "  #  stale-date: error",
    "",
    `# The layout every plan of the ${forum} shares; a plan's own \`document:\` overrides it.`,
    "# `ctwg schema` describes each setting; left out, a setting is APEC's template as the CTWG lays it out.",
    "profiles:",
    // A plan uses the profile named after its forum, in lowercase.
    `  ${forum.toLowerCase()}:`,
    `    forumName: ${yamlScalar(forumName)}`,
    `    keywords: [${keywords.map(yamlScalar).join(", ")}]`,
    "    # headings:",
    "    #   introduction: Background",
    '    #   deliverables: "{forum} Activities for {period}"',
    "    # numbering: none",
    '    # itemLabel: "Activity {n}:"',
    "    # columns:",
    "    #   - { title: Activity, field: title }",
    "    #   - { title: Description, field: summary }",
    "    #   - { title: Lead Economy, field: owner }",
    "    #   - { title: Timing, field: date }",
  ];
  return `${lines.join("\n")}\n`;
}

/** The pull-request workflow: the Action lints (annotations on the changed lines), builds and attaches the documents. */
function workflow(action: string): string {
  return [
    "# Checks every workplan on each pull request: findings appear on the changed lines and in the run's",
    "# summary, and the built documents are attached to the run.",
    "name: workplans",
    "",
    "on:",
    "  pull_request:",
    "  push:",
    "    branches: [main]",
    "",
    "permissions:",
    "  contents: read",
    "",
    "jobs:",
    "  workplans:",
    "    runs-on: ubuntu-latest",
    "    steps:",
    "      - uses: actions/checkout@v4",
    `      - uses: ${action}`,
    "",
  ].join("\n");
}

/** Why both the settings and the modeline in each plan: VS Code reads the first, other editors' YAML servers the second. */
function editorSettings(): string {
  const settings = {
    "yaml.schemas": {
      "./workplans/workplan.schema.json": [
        "workplans/[0-9][0-9][0-9][0-9].yaml",
        "workplans/[0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9].yaml",
      ],
    },
    "files.associations": { "workplans/*.yaml": "yaml" },
  };
  return `${JSON.stringify(settings, null, 2)}\n`;
}

function editorExtensions(): string {
  return `${JSON.stringify({ recommendations: ["redhat.vscode-yaml"] }, null, 2)}\n`;
}
