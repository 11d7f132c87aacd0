import { describe, expect, it } from "vitest";
import type { DataPath } from "../../src/diagnostics/diagnostic.js";
import { nodeAt } from "../../src/parse/node-at.js";
import { parseWorkplan, type SourceFile } from "../../src/parse/parse-workplan.js";
import { scalarOffsets } from "../../src/parse/scalar-offsets.js";
import { data2017, text2017 } from "../support/workplan.js";

function source(text: string, file = "f.yaml"): SourceFile {
  const parsed = parseWorkplan(text, file);
  if (!parsed.value) throw new Error(JSON.stringify(parsed.diagnostics));
  return parsed.value;
}

function valueAt(src: SourceFile, path: DataPath): unknown {
  const { node } = nodeAt(src, path);
  return (node as { value?: unknown } | null)?.value;
}

/**
 * Checks an offset map against the source: every character of the value is the character at its
 * offset, except the spaces a folded or multi-line scalar puts where it joins two lines, which map
 * to the end of the previous line (its line break). Returns how many such joins there were.
 */
function expectFaithful(src: SourceFile, path: DataPath, offsets: number[] | undefined): number {
  const value = valueAt(src, path);
  if (typeof value !== "string") throw new Error(`no string at ${JSON.stringify(path)}`);
  expect(offsets, `offsets of ${JSON.stringify(path)}`).toBeDefined();
  const map = offsets!;
  expect(map).toHaveLength(value.length + 1);
  let joins = 0;
  for (let i = 0; i < value.length; i++) {
    if (i > 0) expect(map[i]!, `offsets increase at ${i}`).toBeGreaterThan(map[i - 1]!);
    const found = src.text[map[i]!];
    if (found === value[i]) continue;
    // A join: the value has a space where the file breaks the line.
    expect({ i, value: value[i], found }).toEqual({ i, value: " ", found: "\n" });
    joins++;
  }
  if (value.length > 0) expect(map[value.length]).toBe(map[value.length - 1]! + 1);
  return joins;
}

describe("scalarOffsets maps each character to its place in the file", () => {
  it("a plain scalar", () => {
    const src = source("a: plain words here\n");
    expect(expectFaithful(src, ["a"], scalarOffsets(src, ["a"]))).toBe(0);
    expect(scalarOffsets(src, ["a"])![0]).toBe(3);
  });

  it("a plain scalar over two lines", () => {
    const src = source("a: plain words\n  continued  here\n");
    expect(valueAt(src, ["a"])).toBe("plain words continued  here");
    expect(expectFaithful(src, ["a"], scalarOffsets(src, ["a"]))).toBe(1);
  });

  it("a double-quoted scalar, on one line and folded over two", () => {
    const one = source('a: "double quoted"\n');
    expect(expectFaithful(one, ["a"], scalarOffsets(one, ["a"]))).toBe(0);
    expect(scalarOffsets(one, ["a"])![0]).toBe(4); // after the quote
    const two = source('a: "double\n  quoted"\n');
    expect(expectFaithful(two, ["a"], scalarOffsets(two, ["a"]))).toBe(1);
  });

  it("a single-quoted scalar, on one line and folded over two", () => {
    const one = source("a: 'single quoted'\n");
    expect(expectFaithful(one, ["a"], scalarOffsets(one, ["a"]))).toBe(0);
    const two = source("a: 'single\n  quoted text'\n");
    expect(expectFaithful(two, ["a"], scalarOffsets(two, ["a"]))).toBe(1);
  });

  it("a >- folded paragraph nested in a sequence, over several lines", () => {
    const text = [
      "items:",
      "  - plan:",
      "      summary:",
      "        - >-",
      "          The workshop in Lima, Peru scheduled for 20-21 February",
      "          2016 will be a highly  interactive and",
      "          collaborative event.",
      "",
    ].join("\n");
    const src = source(text);
    const path = ["items", 0, "plan", "summary", 0];
    const offsets = scalarOffsets(src, path);
    expect(expectFaithful(src, path, offsets)).toBe(2);
    const value = valueAt(src, path) as string;
    // The join space before "2016" sits at the end of the line holding "February".
    const join = value.indexOf(" 2016");
    expect(offsets![join]).toBe(text.indexOf("February\n") + "February".length);
    expect(offsets![join + 1]).toBe(text.indexOf("2016 will"));
  });

  it("a |- literal block: the line breaks are the value's own", () => {
    const src = source("a: |-\n  lit one\n  lit two\n  lit three\n");
    expect(valueAt(src, ["a"])).toBe("lit one\nlit two\nlit three");
    expect(expectFaithful(src, ["a"], scalarOffsets(src, ["a"]))).toBe(0);
  });

  // Known bug: with the default (clip) chomping the value keeps its final line break, which the map
  // leaves out, so it gives up. Its doc lists only escapes, blank lines and more-indented lines as
  // unmodelled. Remove `.fails` once fixed.
  it("a | literal block (clip chomping, value ends with a line break)", () => {
    const src = source("a: |\n  lit one\n  lit two\n");
    expect(valueAt(src, ["a"])).toBe("lit one\nlit two\n");
    expectFaithful(src, ["a"], scalarOffsets(src, ["a"]));
  });

  it("a > folded block (clip chomping, value ends with a line break)", () => {
    const src = source("a: >\n  folded one\n  folded two\n");
    expectFaithful(src, ["a"], scalarOffsets(src, ["a"]));
  });

  // Known bug: a quoted scalar's leading and trailing spaces are its content, but the map trims them
  // as if they were line indentation, so it gives up. This is exactly what no-trailing-spaces reports
  // (only quoted strings can hold such spaces), so its `--fix` can never apply.
  it('a quoted scalar with a trailing space: "trailing "', () => {
    const src = source('a: "trailing "\n');
    expectFaithful(src, ["a"], scalarOffsets(src, ["a"]));
  });

  it("a quoted scalar with a leading space: ' leading'", () => {
    const src = source("a: ' leading'\n");
    expectFaithful(src, ["a"], scalarOffsets(src, ["a"]));
  });

  it("every string of the 2017 plan that it maps, including every folded paragraph", () => {
    const src = source(text2017(), "workplans/2017.yaml");
    const strings: DataPath[] = [];
    const walk = (data: unknown, path: DataPath) => {
      if (typeof data === "string") strings.push(path);
      else if (Array.isArray(data))
        data.forEach((item, i) => {
          walk(item, [...path, i]);
        });
      else if (data && typeof data === "object") for (const [key, value] of Object.entries(data)) walk(value, [...path, key]);
    };
    walk(data2017(), []);
    expect(strings.length).toBeGreaterThan(100);
    let joins = 0;
    const unmapped: DataPath[] = [];
    for (const path of strings) {
      const offsets = scalarOffsets(src, path);
      if (offsets) joins += expectFaithful(src, path, offsets);
      else unmapped.push(path);
    }
    expect(joins).toBeGreaterThan(100);
    // Every string, the quoted runs around the theme with their edge spaces included.
    expect(unmapped).toEqual([]);
  });
});

describe("scalarOffsets gives up on what it does not model", () => {
  it("an escape in a double-quoted scalar", () => {
    const src = source('a: "a\\tb"\n');
    expect(valueAt(src, ["a"])).toBe("a\tb");
    expect(scalarOffsets(src, ["a"])).toBeUndefined();
  });

  it("a doubled quote in a single-quoted scalar", () => {
    const src = source("a: 'it''s'\n");
    expect(scalarOffsets(src, ["a"])).toBeUndefined();
  });

  it("a blank line inside a folded block", () => {
    const src = source("a: >-\n  one\n\n  two\n");
    expect(valueAt(src, ["a"])).toBe("one\ntwo");
    expect(scalarOffsets(src, ["a"])).toBeUndefined();
  });

  it("a more-indented line inside a folded block", () => {
    const src = source("a: >-\n  one\n    two\n  three\n");
    expect(scalarOffsets(src, ["a"])).toBeUndefined();
  });

  it("a value that is not a string", () => {
    const src = source("a: 12\nb: true\nc: [x]\nd:\n");
    for (const key of ["a", "b", "c", "d"]) expect(scalarOffsets(src, [key]), key).toBeUndefined();
  });

  it("a path that does not exist", () => {
    expect(scalarOffsets(source("a: x\n"), ["b"])).toBeUndefined();
  });
});
