import { describe, expect, it } from "vitest";
import { MAX_SOURCE_BYTES, parseWorkplan } from "../../src/parse/parse-workplan.js";
import { text2017 } from "../support/workplan.js";

/** The 1-based line and column of the `nth` occurrence (0-based) of `needle` in `text`. */
function positionOf(text: string, needle: string, nth = 0): { line: number; column: number } {
  let offset = -1;
  for (let i = 0; i <= nth; i++) {
    offset = text.indexOf(needle, offset + 1);
    if (offset === -1) throw new Error(`${needle} occurs fewer than ${nth + 1} times`);
  }
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

describe("parseWorkplan", () => {
  it("parses the 2017 workplan without diagnostics and keeps its text", () => {
    const text = text2017();
    const result = parseWorkplan(text, "workplans/2017.yaml");
    expect(result.diagnostics).toEqual([]);
    expect(result.value?.file).toBe("workplans/2017.yaml");
    expect(result.value?.text).toBe(text);
    expect(result.value?.data).toMatchObject({ year: 2017, cover: { agendaItem: "7" } });
  });

  it("keeps YAML 1.2 scalars as text: dates and yes/no stay strings", () => {
    const { value } = parseWorkplan("date: 2017-02-28\nanswer: yes\nnumber: 7\n", "f.yaml");
    expect(value?.data).toEqual({ date: "2017-02-28", answer: "yes", number: 7 });
  });

  it("turns a syntax error into a yaml/syntax diagnostic with a position, not an exception", () => {
    const result = parseWorkplan("year: 2017\ncover: [a, b\n", "f.yaml");
    expect(result.value).toBeUndefined();
    expect(result.diagnostics).toHaveLength(1);
    const [d] = result.diagnostics;
    expect(d).toMatchObject({ ruleId: "yaml/syntax", severity: "error", file: "f.yaml", path: [] });
    expect(d!.span).toBeDefined();
    expect(d!.message).not.toMatch(/at line \d+/); // the code frame shows the position
  });

  it("explains a second `key: value` on one line and suggests quoting", () => {
    const result = parseWorkplan("title: Part 1: Overview\n", "f.yaml");
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ ruleId: "yaml/syntax", severity: "error" });
    expect(result.diagnostics[0]!.hint).toMatch(/quoted/);
  });

  it("reports a duplicate key at the second occurrence, spanning the key", () => {
    const text = "year: 2017\ncover:\n  title: first\n  symbol: x\n  title: second\n";
    const result = parseWorkplan(text, "f.yaml");
    expect(result.value).toBeUndefined();
    expect(result.diagnostics).toHaveLength(1);
    const [d] = result.diagnostics;
    expect(d).toMatchObject({ ruleId: "yaml/duplicate-key", severity: "error" });
    expect(d!.message).toContain("`title`");
    expect(d!.hint).toBeDefined();
    const second = positionOf(text, "title", 1);
    expect(d!.span).toEqual({ start: second, end: { line: second.line, column: second.column + "title".length } });
  });

  it("reports a duplicate key in the real workplan", () => {
    const text = text2017().replace("  submittedBy: CTWG Chair\n", "  submittedBy: CTWG Chair\n  submittedBy: CTWG Vice Chair\n");
    const result = parseWorkplan(text, "f.yaml");
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(["yaml/duplicate-key"]);
    expect(result.diagnostics[0]!.span?.start).toEqual(positionOf(text, "submittedBy: CTWG Vice Chair"));
  });

  it("rejects a file with several documents", () => {
    const result = parseWorkplan("year: 2017\n---\nyear: 2018\n", "f.yaml");
    expect(result.value).toBeUndefined();
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(["yaml/multiple-documents"]);
    expect(result.diagnostics[0]!.span?.start.line).toBe(2);
    expect(result.diagnostics[0]!.hint).toContain("---");
  });

  it("accepts one document that starts with `---`", () => {
    const result = parseWorkplan("---\nyear: 2017\n", "f.yaml");
    expect(result.diagnostics).toEqual([]);
    expect(result.value?.data).toEqual({ year: 2017 });
  });

  it("rejects tab indentation with its own rule and a hint", () => {
    const result = parseWorkplan("year: 2017\ncover:\n\ttitle: a\n", "f.yaml");
    expect(result.value).toBeUndefined();
    expect(result.diagnostics.map((d) => d.ruleId)).toContain("yaml/tab-indent");
    const tab = result.diagnostics.find((d) => d.ruleId === "yaml/tab-indent")!;
    expect(tab.span?.start).toEqual({ line: 3, column: 1 });
    expect(tab.hint).toMatch(/spaces/);
  });

  it("stops an alias bomb with yaml/alias-limit instead of expanding it", () => {
    // "Billion laughs": 10 levels of 10 aliases each would expand to 10^10 strings.
    let bomb = "a0: &a0 lol\n";
    for (let level = 1; level <= 10; level++)
      bomb += `a${level}: &a${level} [${Array(10)
        .fill(`*a${level - 1}`)
        .join(", ")}]\n`;
    const started = performance.now();
    let result: ReturnType<typeof parseWorkplan> | undefined;
    expect(() => (result = parseWorkplan(bomb, "bomb.yaml"))).not.toThrow();
    expect(performance.now() - started).toBeLessThan(2000);
    expect(result!.value).toBeUndefined();
    expect(result!.diagnostics).toHaveLength(1);
    expect(result!.diagnostics[0]).toMatchObject({ ruleId: "yaml/alias-limit", severity: "error", file: "bomb.yaml" });
  });

  it("accepts a few ordinary aliases", () => {
    const result = parseWorkplan("a: &place Nha Trang\nb: *place\nc: [*place, *place]\n", "f.yaml");
    expect(result.diagnostics).toEqual([]);
    expect(result.value?.data).toEqual({ a: "Nha Trang", b: "Nha Trang", c: ["Nha Trang", "Nha Trang"] });
  });

  it("refuses text over MAX_SOURCE_BYTES before parsing it", () => {
    const result = parseWorkplan(`x: "${"a".repeat(MAX_SOURCE_BYTES)}"\n`, "big.yaml");
    expect(result.value).toBeUndefined();
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ ruleId: "input/too-large", severity: "error", file: "big.yaml", path: [] });
    expect(result.diagnostics[0]!.message).toContain("MB");
  });

  it("counts the limit in UTF-8 bytes, not characters", () => {
    const text = "é".repeat(MAX_SOURCE_BYTES / 2 + 1); // fewer characters than the limit, more bytes
    expect(text.length).toBeLessThan(MAX_SOURCE_BYTES);
    expect(parseWorkplan(text, "f.yaml").diagnostics.map((d) => d.ruleId)).toEqual(["input/too-large"]);
  });

  it("accepts text just under the limit", () => {
    const text = `x: ${"a".repeat(MAX_SOURCE_BYTES - 10)}\n`;
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_SOURCE_BYTES);
    expect(parseWorkplan(text, "f.yaml").diagnostics.map((d) => d.ruleId)).not.toContain("input/too-large");
  });

  it("gives an empty file no diagnostics and null data (validation reports it)", () => {
    const result = parseWorkplan("# only a comment\n", "f.yaml");
    expect(result.diagnostics).toEqual([]);
    expect(result.value?.data).toBeNull();
  });
});
