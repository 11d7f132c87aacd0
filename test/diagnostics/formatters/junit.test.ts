import { describe, expect, it } from "vitest";
import { junit } from "../../../src/diagnostics/formatters/junit.js";
import { diagnostics, options } from "../../fixtures/formatters/diagnostics.js";
import { diagnostic } from "../../support/diagnostics.js";

interface Element {
  name: string;
  attributes: Record<string, string>;
  children: Element[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decodes character data, throwing on a raw `<` or an `&` that starts no reference: what a parser rejects. */
function decode(raw: string): string {
  if (raw.includes("<")) throw new Error(`raw < in ${JSON.stringify(raw)}`);
  return raw.replace(/&([^;]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(";")) throw new Error(`bare & in ${JSON.stringify(raw)}`);
    if (/^#\d+$/.test(name)) return String.fromCodePoint(Number(name.slice(1)));
    if (!(name in ENTITIES)) throw new Error(`unknown entity &${name};`);
    return ENTITIES[name]!;
  });
}

/**
 * A strict little XML reader, enough for this format: one declaration, elements, double-quoted
 * attributes and text, no comments or CDATA. Throws where a real parser would reject the document.
 * Why not a library: none is installed, and this checks the points that matter here.
 */
function parseXml(xml: string): Element {
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(xml)) throw new Error("character not allowed in XML 1.0");
  const declaration = /^<\?xml version="1\.0" encoding="utf-8"\?>\n/.exec(xml);
  if (!declaration) throw new Error("no XML declaration");
  const root: Element = { name: "#document", attributes: {}, children: [], text: "" };
  const stack = [root];
  const token = /<(\/?)([A-Za-z][\w.-]*)((?:\s+[A-Za-z][\w.-]*="[^"]*")*)\s*(\/?)>|([^<]+)/gy;
  token.lastIndex = declaration[0].length;
  while (token.lastIndex < xml.length) {
    const m = token.exec(xml);
    if (!m) throw new Error(`not well-formed at ${token.lastIndex}: ${xml.slice(token.lastIndex, token.lastIndex + 40)}`);
    const [, closing, name, attributeText, selfClosing, text] = m;
    const top = stack.at(-1)!;
    if (text !== undefined) {
      top.text += decode(text);
    } else if (closing) {
      if (top.name !== name) throw new Error(`</${name}> closes <${top.name}>`);
      stack.pop();
    } else {
      const attributes: Record<string, string> = {};
      for (const [, key, value] of attributeText!.matchAll(/([A-Za-z][\w.-]*)="([^"]*)"/g)) {
        if (key! in attributes) throw new Error(`duplicate attribute ${key}`);
        attributes[key!] = decode(value!);
      }
      const element: Element = { name: name!, attributes, children: [], text: "" };
      top.children.push(element);
      if (!selfClosing) stack.push(element);
    }
  }
  if (stack.length !== 1) throw new Error(`<${stack.at(-1)!.name}> is not closed`);
  if (root.children.length !== 1 || root.text.trim()) throw new Error("not exactly one root element");
  return root.children[0]!;
}

const all = (element: Element, name: string): Element[] =>
  element.children.flatMap((child) => [...(child.name === name ? [child] : []), ...all(child, name)]);

// Golden files: update with `npx vitest run -u` and review the diff of test/fixtures/formatters/ like code.
describe("junit", () => {
  const out = junit(diagnostics, options);
  const root = parseXml(out);

  it("writes the golden XML", async () => {
    await expect(out).toMatchFileSnapshot("../../fixtures/formatters/junit.xml");
  });

  it("the reader used here rejects what it should", () => {
    expect(() => parseXml('<?xml version="1.0" encoding="utf-8"?>\n<a m="x < y"></a>')).toThrow(/raw </);
    expect(() => parseXml('<?xml version="1.0" encoding="utf-8"?>\n<a>x & y</a>')).toThrow(/bare &/);
    expect(() => parseXml('<?xml version="1.0" encoding="utf-8"?>\n<a><b></a>')).toThrow(/closes/);
    expect(() => parseXml('<?xml version="1.0" encoding="utf-8"?>\n<a>\u0007</a>')).toThrow(/not allowed/);
    expect(parseXml('<?xml version="1.0" encoding="utf-8"?>\n<a m="&lt;&#10;">&amp;</a>')).toMatchObject({
      attributes: { m: "<\n" },
      text: "&",
    });
  });

  it("has one testsuite per file and one testcase per diagnostic", () => {
    expect(root.name).toBe("testsuites");
    expect(root.attributes).toEqual({ name: "ctwg lint", tests: "5", failures: "4" });
    const suites = all(root, "testsuite");
    expect(suites.map((s) => s.attributes)).toEqual([
      { name: "workplans/2017.yaml", tests: "4", failures: "3" },
      { name: "workplans\\plan-2018.yaml", tests: "1", failures: "1" },
    ]);
    expect(all(root, "testcase")).toHaveLength(diagnostics.length);
  });

  it("names each testcase after its file, rule and position", () => {
    expect(all(root, "testcase").map((t) => t.attributes)).toEqual([
      { classname: "workplans/2017.yaml", name: "yaml/duplicate-key at 3:3" },
      { classname: "workplans/2017.yaml", name: "schema/unknown-key at 7:3" },
      { classname: "workplans/2017.yaml", name: "deliverable-has-plan at 40:5" },
      { classname: "workplans/2017.yaml", name: "style/long-title at 55:12" },
      { classname: "workplans\\plan-2018.yaml", name: "file-name-year" },
    ]);
  });

  it("makes errors and warnings failures, and an info a passing testcase with output", () => {
    const testcases = all(root, "testcase");
    expect(testcases.map((t) => t.children.map((c) => c.name).join())).toEqual(["failure", "failure", "failure", "system-out", "failure"]);
    expect(testcases.map((t) => t.children[0]!.attributes.type)).toEqual(["error", "error", "warning", undefined, "warning"]);
    expect(testcases[3]!.children[0]!.text).toBe(
      "workplans/2017.yaml:55:12: info: The title is 142 characters long; titles over 120 wrap in the PDF.",
    );
  });

  it("keeps every character of a message through the escaping", () => {
    const failure = all(root, "failure")[2]!;
    const d = diagnostics[2]!;
    expect(failure.attributes.message).toBe(d.message);
    expect(failure.text).toBe(`workplans/2017.yaml:40:5: ${d.message} (${d.hint})`);
  });

  it("escapes all five XML specials and keeps tabs and line breaks in attributes", () => {
    const nasty = `a < b > c & d "e" 'f'\tg\nh\r\ni`;
    const xml = junit([diagnostic({ message: nasty, ruleId: nasty, file: nasty })], options);
    const testcase = all(parseXml(xml), "testcase")[0]!;
    expect(testcase.attributes).toEqual({ classname: nasty, name: nasty });
    expect(testcase.children[0]!.attributes.message).toBe(nasty);
    expect(testcase.children[0]!.text).toBe(`${nasty}: ${nasty}`);
    expect(xml).toContain('message="a &lt; b &gt; c &amp; d &quot;e&quot; &apos;f&apos;&#9;g&#10;h&#13;&#10;i"');
  });

  it("writes out the characters XML 1.0 cannot carry, and C1 ones, as escapes", () => {
    const xml = junit([diagnostic({ message: "a\u0000b\u0008c\u000Bd\u001Fe\uFFFEf\uD800g😀h\u009Bi\u001B[2J" })], options);
    const failure = all(parseXml(xml), "failure")[0]!;
    expect(failure.attributes.message).toBe("a\\u{0}b\\u{8}c\\u{b}d\\u{1f}e\\u{fffe}f\\u{d800}g😀h\\u{9b}i\\u{1b}[2J");
  });

  it("writes an empty report when nothing was found", () => {
    const empty = parseXml(junit([], options));
    expect(empty.attributes).toEqual({ name: "ctwg lint", tests: "0", failures: "0" });
    expect(empty.children).toEqual([]);
  });
});

describe("junit with the files checked", () => {
  const files = ["workplans/2016.yaml", "workplans/2017.yaml", "workplans/2018 & <next>.yaml", "workplans\\plan-2018.yaml"];
  const root = parseXml(junit(diagnostics, { ...options, files }));

  it("writes a testsuite for every file checked, in the order given", () => {
    expect(all(root, "testsuite").map((s) => s.attributes)).toEqual([
      { name: "workplans/2016.yaml", tests: "1", failures: "0" },
      { name: "workplans/2017.yaml", tests: "4", failures: "3" },
      { name: "workplans/2018 & <next>.yaml", tests: "1", failures: "0" },
      { name: "workplans\\plan-2018.yaml", tests: "1", failures: "1" },
    ]);
  });

  it("gives a file without findings one passing testcase, and counts it", () => {
    expect(root.attributes).toEqual({ name: "ctwg lint", tests: "7", failures: "4" });
    const clean = all(root, "testsuite")[2]!;
    expect(clean.children).toEqual([
      { name: "testcase", attributes: { classname: "workplans/2018 & <next>.yaml", name: "ctwg lint" }, children: [], text: "" },
    ]);
    expect(all(root, "testcase")).toHaveLength(diagnostics.length + 2);
  });

  it("shows a clean run as tests passed, not as no tests", () => {
    const clean = parseXml(junit([], { ...options, files: ["workplans/2017.yaml", "workplans/2018.yaml"] }));
    expect(clean.attributes).toEqual({ name: "ctwg lint", tests: "2", failures: "0" });
    expect(all(clean, "testcase").map((t) => [t.attributes, t.children])).toEqual([
      [{ classname: "workplans/2017.yaml", name: "ctwg lint" }, []],
      [{ classname: "workplans/2018.yaml", name: "ctwg lint" }, []],
    ]);
  });

  it("keeps a file with only infos to its own passing testcases", () => {
    const info = diagnostics[3]!;
    const xml = parseXml(junit([info], { ...options, files: ["workplans/2017.yaml"] }));
    expect(xml.attributes).toEqual({ name: "ctwg lint", tests: "1", failures: "0" });
    expect(all(xml, "testcase").map((t) => t.attributes.name)).toEqual(["style/long-title at 55:12"]);
  });

  it("still reports a file with findings that is not in the list, after those that are", () => {
    const xml = parseXml(junit(diagnostics, { ...options, files: ["workplans/2017.yaml"] }));
    expect(all(xml, "testsuite").map((s) => s.attributes.name)).toEqual(["workplans/2017.yaml", "workplans\\plan-2018.yaml"]);
    expect(xml.attributes).toEqual({ name: "ctwg lint", tests: "5", failures: "4" });
  });
});
