import { describe, expect, it } from "vitest";
import type { Span } from "../../src/diagnostics/diagnostic.js";
import { locate } from "../../src/parse/locate.js";
import { parseWorkplan, type SourceFile } from "../../src/parse/parse-workplan.js";

const TEXT = [
  "year: 2017", //                 1
  "cover:", //                     2
  "  title: Hello world", //       3
  "  meeting:", //                 4
  "    city: Nha Trang", //        5
  "steps:", //                     6
  "  - first", //                  7
  "  - second", //                 8
  "  - text: third", //            9
  "    items: [a, b]", //          10
  "",
].join("\n");

function source(text = TEXT): SourceFile {
  const parsed = parseWorkplan(text, "f.yaml");
  if (!parsed.value) throw new Error(JSON.stringify(parsed.diagnostics));
  return parsed.value;
}

/** The text a single-line span covers. */
function textOf(span: Span | undefined, text = TEXT): string {
  if (!span) throw new Error("no span");
  expect(span.end.line).toBe(span.start.line);
  return text.split("\n")[span.start.line - 1]!.slice(span.start.column - 1, span.end.column - 1);
}

describe("locate", () => {
  it("finds a scalar value", () => {
    const span = locate(source(), ["cover", "title"]);
    expect(span?.start).toEqual({ line: 3, column: 10 });
    expect(textOf(span)).toBe("Hello world");
  });

  it("finds a number at the top level", () => {
    expect(textOf(locate(source(), ["year"]))).toBe("2017");
  });

  it("finds the key instead of the value when asked for the key", () => {
    const span = locate(source(), ["cover", "title"], "key");
    expect(span?.start).toEqual({ line: 3, column: 3 });
    expect(textOf(span)).toBe("title");
  });

  it("points a mapping value at its key", () => {
    expect(textOf(locate(source(), ["cover", "meeting"]))).toBe("meeting");
  });

  it("points a missing key at the key of the mapping that should hold it", () => {
    expect(textOf(locate(source(), ["cover", "purpose"]))).toBe("cover");
    expect(textOf(locate(source(), ["cover", "meeting", "date"]))).toBe("meeting");
  });

  it("finds sequence items by index", () => {
    expect(textOf(locate(source(), ["steps", 1]))).toBe("second");
    expect(textOf(locate(source(), ["steps", 2, "text"]))).toBe("third");
    expect(textOf(locate(source(), ["steps", 2, "items", 1]))).toBe("b");
  });

  it("points a mapping inside a sequence at its first line only", () => {
    const span = locate(source(), ["steps", 2]);
    expect(span?.start).toEqual({ line: 9, column: 5 });
    expect(span?.end.line).toBe(9);
  });

  it("falls back to the closest existing ancestor when the path runs past the data", () => {
    expect(textOf(locate(source(), ["steps", 7]))).toBe("steps");
    expect(textOf(locate(source(), ["steps", 1, "text", "more"]))).toBe("second");
    expect(textOf(locate(source(), ["cover", "meeting", "city", "x", "y"]))).toBe("Nha Trang");
  });

  it("does not treat a string segment as an index into a sequence", () => {
    expect(textOf(locate(source(), ["steps", "1"]))).toBe("steps");
  });

  it("gives the root's first line for the empty path and for an unknown top-level key", () => {
    for (const path of [[], ["nope"]]) {
      const span = locate(source(), path);
      expect(span?.start).toEqual({ line: 1, column: 1 });
      expect(span?.end.line).toBe(1);
    }
  });

  it("finds numeric-looking keys by their text", () => {
    const text = "codes:\n  7: seven\n";
    expect(textOf(locate(source(text), ["codes", "7"]), text)).toBe("seven");
  });

  it("stays on the key's line for a key with an empty value", () => {
    const text = "cover:\n  title:\n  symbol: x\n";
    const span = locate(source(text), ["cover", "title"]);
    expect(span?.start.line).toBe(2);
  });
});
