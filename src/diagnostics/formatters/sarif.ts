import { jsonForTerminal } from "../visible.js";
import type * as Sarif from "sarif";
import type { Diagnostic, Severity } from "../diagnostic.js";
import type { RuleMeta } from "../rule-meta.js";
import type { Formatter } from "./formatter.js";

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level & Sarif.Result.level> = {
  error: "error",
  warning: "warning",
  info: "note",
};

/**
 * A SARIF 2.1.0 log for GitHub code scanning and other SARIF viewers: one run, every rule described,
 * one result a diagnostic. Why every result has a region: code scanning rejects a location without
 * `startLine`, so a diagnostic without a span points at line 1 of its file.
 */
export const sarif: Formatter = (diagnostics, options) => {
  const rules = describeRules(options.rules ?? [], diagnostics);
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  const log: Sarif.Log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "ctwg", version: options.toolVersion ?? "0.0.0", rules } },
        results: diagnostics.map((d) => result(d, index.get(d.ruleId)!)),
      },
    ],
  };
  return `${jsonForTerminal(JSON.stringify(log, null, 2))}\n`;
};

/** The declared rules, then any rule id a diagnostic carries that none declares, each once. */
function describeRules(declared: readonly RuleMeta[], diagnostics: readonly Diagnostic[]): Sarif.ReportingDescriptor[] {
  const byId = new Map<string, RuleMeta>();
  for (const rule of declared) if (!byId.has(rule.id)) byId.set(rule.id, rule);
  for (const d of diagnostics) {
    if (byId.has(d.ruleId)) continue;
    byId.set(d.ruleId, {
      id: d.ruleId,
      severity: d.severity,
      description: `Reported by ctwg as "${d.ruleId}".`,
      help: "The result's message says what was found and what was expected.",
      fixable: false,
    });
  }
  const urls = new Map<string, string>();
  for (const d of diagnostics) if (d.url && !urls.has(d.ruleId)) urls.set(d.ruleId, d.url);
  return [...byId.values()].map((rule) => ({
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.description },
    help: { text: rule.help },
    ...(urls.has(rule.id) ? { helpUri: urls.get(rule.id) } : {}),
    defaultConfiguration: { level: LEVEL[rule.severity] },
  }));
}

function result(d: Diagnostic, ruleIndex: number): Sarif.Result {
  const region: Sarif.Region = d.span
    ? { startLine: d.span.start.line, startColumn: d.span.start.column, endLine: d.span.end.line, endColumn: d.span.end.column }
    : { startLine: 1 };
  return {
    ruleId: d.ruleId,
    ruleIndex,
    level: LEVEL[d.severity],
    message: { text: d.hint ? `${d.message} Hint: ${d.hint}` : d.message },
    locations: [{ physicalLocation: { artifactLocation: { uri: fileUri(d.file) }, region } }],
  };
}

/** `yaml/duplicate-key` → `YamlDuplicateKey`: SARIF wants a rule name that reads as an identifier. */
const pascalCase = (id: string) =>
  id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join("");

/**
 * A file path as a SARIF URI reference: forward slashes, each segment percent-encoded, relative paths
 * kept relative (code scanning resolves them against the checkout) and absolute ones as `file:` URIs.
 */
function fileUri(file: string): string {
  const path = file.replace(/\\/g, "/").replace(/^(\.\/)+/, "");
  const drive = /^[A-Za-z]:\//.exec(path)?.[0];
  const rest = drive ? path.slice(drive.length) : path;
  const encoded = rest.split("/").map(encodeURIComponent).join("/");
  if (drive) return `file:///${drive}${encoded}`;
  return path.startsWith("/") ? `file://${encoded}` : encoded;
}
