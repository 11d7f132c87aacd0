import type * as Sarif from "sarif";
import { describe, expect, it } from "vitest";
import { sarif } from "../../../src/diagnostics/formatters/sarif.js";
import { diagnostics, options, rules } from "../../fixtures/formatters/diagnostics.js";
import { diagnostic } from "../../support/diagnostics.js";

const parse = (text: string): Sarif.Log => JSON.parse(text) as Sarif.Log;
const log = parse(sarif(diagnostics, options));
const run = log.runs[0]!;
const driverRules = run.tool.driver.rules!;
const results = run.results!;

// Golden files: update with `npx vitest run -u` and review the diff of test/fixtures/formatters/ like code.
describe("sarif", () => {
  it("writes the golden log", async () => {
    await expect(sarif(diagnostics, options)).toMatchFileSnapshot("../../fixtures/formatters/sarif.json");
  });

  it("is pretty JSON ending in a newline", () => {
    const out = sarif(diagnostics, options);
    expect(out.endsWith("}\n")).toBe(true);
    expect(out).toBe(`${JSON.stringify(JSON.parse(out), null, 2)}\n`);
  });

  it("names the schema and version code scanning expects", () => {
    expect(log.$schema).toBe("https://json.schemastore.org/sarif-2.1.0.json");
    expect(log.version).toBe("2.1.0");
    expect(log.runs).toHaveLength(1);
  });

  it("names the tool and its version, 0.0.0 when unknown", () => {
    expect(run.tool.driver.name).toBe("ctwg");
    expect(run.tool.driver.version).toBe("0.1.0");
    expect(run.tool.driver.informationUri).toBeUndefined();
    const { toolVersion: _, ...noVersion } = options;
    expect(parse(sarif(diagnostics, noVersion)).runs[0]!.tool.driver.version).toBe("0.0.0");
  });

  it("describes every declared rule, in order, then the undeclared ones seen", () => {
    expect(driverRules.map((r) => r.id)).toEqual([...rules.map((r) => r.id), "style/long-title"]);
    const duplicateKey = driverRules[0]!;
    expect(duplicateKey.name).toBe("YamlDuplicateKey");
    expect(duplicateKey.shortDescription?.text).toBe("A mapping has the same key twice.");
    expect(duplicateKey.fullDescription?.text).toBe("A mapping has the same key twice.");
    expect(duplicateKey.help?.text).toBe("Remove or rename one of the two keys; YAML keeps only the last.");
    expect(duplicateKey.defaultConfiguration?.level).toBe("error");
    expect(driverRules.find((r) => r.id === "deliverable-has-plan")?.defaultConfiguration?.level).toBe("warning");
    expect(driverRules.find((r) => r.id === "deliverable-has-plan")?.helpUri).toBe("https://example.org/rules/deliverable-has-plan");
  });

  it("gives an undeclared rule a generic description and the level it was seen at", () => {
    const longTitle = driverRules.at(-1)!;
    expect(longTitle.name).toBe("StyleLongTitle");
    expect(longTitle.shortDescription?.text).toContain("style/long-title");
    expect(longTitle.help?.text).toBeTruthy();
    expect(longTitle.defaultConfiguration?.level).toBe("note");
  });

  it("lists each rule once, however often it is declared or reported", () => {
    const out = parse(
      sarif([diagnostic(), diagnostic(), diagnostic({ ruleId: "yaml/duplicate-key" })], { ...options, rules: [...rules, rules[0]!] }),
    );
    const ids = out.runs[0]!.tool.driver.rules!.map((r) => r.id);
    expect(ids).toEqual([...rules.map((r) => r.id), "some-rule"]);
  });

  it("points each result at its rule by id and index", () => {
    expect(results).toHaveLength(diagnostics.length);
    results.forEach((result, i) => {
      expect(result.ruleId).toBe(diagnostics[i]!.ruleId);
      expect(driverRules[result.ruleIndex!]!.id).toBe(result.ruleId);
    });
  });

  it("maps severities to SARIF levels", () => {
    expect(results.map((r) => r.level)).toEqual(["error", "error", "warning", "note", "warning"]);
  });

  it("puts the message, then the hint, in message.text", () => {
    expect(results[1]!.message.text).toBe("Unknown key `submitedBy` in the cover. Hint: did you mean `submittedBy`?");
    expect(results[3]!.message.text).toBe("The title is 142 characters long; titles over 120 wrap in the PDF.");
  });

  it("locates each result by file and span", () => {
    const location = results[2]!.locations![0]!.physicalLocation!;
    expect(location.artifactLocation!.uri).toBe("workplans/2017.yaml");
    expect(location.region).toEqual({ startLine: 40, startColumn: 5, endLine: 42, endColumn: 1 });
  });

  it("points a result without a span at line 1, since code scanning needs a start line", () => {
    const location = results[4]!.locations![0]!.physicalLocation!;
    expect(location.region).toEqual({ startLine: 1 });
  });

  it("writes file paths as URI references with forward slashes", () => {
    const uri = (file: string) =>
      parse(sarif([diagnostic({ file })], options)).runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation!.uri;
    expect(results[4]!.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe("workplans/plan-2018.yaml");
    expect(uri("./workplans/2017.yaml")).toBe("workplans/2017.yaml");
    expect(uri("work plans/#1?.yaml")).toBe("work%20plans/%231%3F.yaml");
    expect(uri("/home/me/2017.yaml")).toBe("file:///home/me/2017.yaml");
    expect(uri("C:\\plans\\2017.yaml")).toBe("file:///C:/plans/2017.yaml");
  });

  it("describes the declared rules even when nothing was found", () => {
    const out = parse(sarif([], options));
    expect(out.runs[0]!.results).toEqual([]);
    expect(out.runs[0]!.tool.driver.rules!.map((r) => r.id)).toEqual(rules.map((r) => r.id));
  });
});
