import { writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { build, check, lint } from "../../src/index.js";
import { runCli } from "../support/cli.js";

/**
 * Mutations of a workplan file, as data (so a failing case prints what was done to the file), and
 * the property every mutated file must keep: ctwg answers with diagnostics or success, in time,
 * never with an exception. Shared by test/property/mutation.test.ts and `npm run fuzz`.
 */
export type Mutation =
  | { kind: "delete-lines"; at: number; count: number }
  | { kind: "reindent"; at: number; indent: number }
  | { kind: "swap-indent"; a: number; b: number }
  | { kind: "duplicate-line"; at: number; to: number }
  | { kind: "swap-lines"; a: number; b: number }
  | { kind: "truncate"; at: number }
  | { kind: "insert-bytes"; at: number; bytes: number[] }
  | { kind: "insert-text"; at: number; text: string }
  | { kind: "replace-value"; at: number; value: string }
  /** Control characters put into a key (after the line's indentation), a value (after its `: ` or `- `) or at the line's end. */
  | { kind: "insert-control"; at: number; place: "key" | "value" | "end"; text: string }
  /** `count` copies of a one-line item put before the `at`-th sequence item of the file, as its siblings. */
  | { kind: "long-list"; at: number; count: number; item: string }
  /** The cover's symbol made `length` characters longer: more than a file name can hold. */
  | { kind: "long-symbol"; length: number; shape: SymbolGrowth };

/** How a long symbol grows: see LONG_SYMBOL. */
type SymbolGrowth = "suffix" | "suffixes" | "slashes" | "letters";

/** Characters and tokens that mean something to YAML, plus bytes of other encodings. */
const YAML_PIECES = [
  ":",
  ": ",
  "-",
  "- ",
  "?",
  "? ",
  "[",
  "]",
  "{",
  "}",
  ",",
  "&a",
  "*a",
  "&a ",
  "*a ",
  "!",
  "!!str ",
  "!!binary ",
  "!foo ",
  "|",
  ">",
  "|-",
  ">+",
  "#",
  " #",
  "'",
  '"',
  "%YAML 1.1",
  "---",
  "...",
  "\t",
  "\n",
  "\r",
  "\r\n",
  "\\",
  "\\u",
  "\\x",
  "@",
  "`",
  "~",
  "null",
  "true",
  "0x1F",
  ".inf",
  ".nan",
  "1e999",
  "-0",
  "2017-02-30",
  "99999",
  "<<: *a",
  "__proto__: 1",
  "\ufeff",
  "\u202e",
  "\u2028",
  "\u0085",
  "\u00a0",
  "𝒳",
  "é",
  "{{x}}",
  "<script>",
];

/** Replacement values, each a YAML scalar or collection of a type a field may not expect. */
const VALUES = [
  "",
  "~",
  "null",
  "[]",
  "{}",
  "[a, b]",
  "{a: 1}",
  "0",
  "-1",
  "3.5",
  "true",
  "no",
  "2017-02-30",
  "2017-13",
  "99999",
  "TBD",
  '"7"',
  "'x'",
  "|\n  text",
  ">-\n  folded",
  "&anchor x",
  "*anchor",
  "!!int 5",
  '"\\q"',
  "[[[[[[",
  "}",
  "x: y: z",
];

/**
 * Control characters as they reach a file: raw C0 (NUL among them, which the reader refuses), DEL,
 * C1 (UTF-8 encoded), terminal sequences, a lone CR; and in a double-quoted value, YAML's escapes.
 */
const CONTROL_PIECES = [
  "\u0001",
  "\u0007",
  "\u0008",
  "\u000b",
  "\u000c",
  "\r",
  "\u001b",
  "\u001f",
  "\u007f",
  "\u0080",
  "\u0085",
  "\u009b",
  "\u009f",
  "\u0000",
  "\u001b[31m",
  "\u001b[2J\u001b[H",
  "\u001b]0;owned\u0007",
  "\u001b]8;;https://example.com\u001b\\",
  "\u009b1m",
  "\u001bc",
  "\r\u001b[K",
  '"\\e[31m"',
  '"\\a\\b\\v\\f"',
  '"\\x1b\\x9b\\u0085\\N"',
  '"x\\ry"',
  '"\\0"',
];

/** Any one control character but NUL: C0 (tab and line feed included, as a file holds them), DEL, C1. */
const controlArb = fc
  .oneof(fc.integer({ min: 0x01, max: 0x1f }), fc.integer({ min: 0x7f, max: 0x9f }))
  .map((code) => String.fromCharCode(code));

/**
 * One-line items for a long list: unknown keys, invalid ids and events, duplicates, acronyms,
 * control characters, values of the wrong type, and valid items. Why: the cost of a file of
 * thousands of items must grow with their number, not with its square.
 */
const LIST_ITEMS = [
  "{ bogus: 1 }",
  "{ id: Not_An_Id, text: x }",
  "{ id: same-id, text: Same text }",
  "{ id: x, text: t, event: { kind: party, date: 2017-02-30 } }",
  "[]",
  "~",
  "7",
  "x",
  "{ text: CTWG TPTWG TPT-WG ZZWG XYZWG, items: [a] }",
  '"\\e[31m\\a x"',
  "{ list: [a, b] }",
  "{ source: 2016 Nowhere Declaration }",
  "{ id: d, text: Hold a workshop, event: { kind: workshop, date: 2016-01-01, tbc: true } }",
];

/** Random bytes, biased towards the ones that break encodings: NUL, lone continuation bytes, 0xFF. */
const byteArb = fc.oneof(
  fc.integer({ min: 0, max: 255 }),
  fc.constantFrom(0x00, 0x80, 0xbf, 0xc0, 0xe2, 0xef, 0xfe, 0xff, 0x0a, 0x0d, 0x09),
);

const pieceArb = fc.oneof(fc.constantFrom(...YAML_PIECES), fc.string({ maxLength: 8 }), fc.string({ unit: "binary", maxLength: 4 }));

/**
 * One mutation. Positions are raw numbers, taken modulo the file's current length or line count
 * when applied, so the same mutation applies to any file.
 */
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("delete-lines" as const), at: fc.nat(), count: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant("reindent" as const), at: fc.nat(), indent: fc.integer({ min: 0, max: 14 }) }),
  fc.record({ kind: fc.constant("swap-indent" as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant("duplicate-line" as const), at: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant("swap-lines" as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("insert-bytes" as const), at: fc.nat(), bytes: fc.array(byteArb, { minLength: 1, maxLength: 6 }) }),
  fc.record({
    kind: fc.constant("insert-text" as const),
    at: fc.nat(),
    text: fc.array(pieceArb, { minLength: 1, maxLength: 3 }).map((p) => p.join("")),
  }),
  fc.record({ kind: fc.constant("replace-value" as const), at: fc.nat(), value: fc.constantFrom(...VALUES) }),
);

/**
 * The mutations of the new hostile classes alone: control characters, long lists, long symbols.
 * `maxCount` bounds a long list: small in `npm test`, thousands in `npm run fuzz`.
 */
export const hostileMutationArb = (maxCount: number, growths: readonly SymbolGrowth[] = SYMBOL_GROWTHS): fc.Arbitrary<Mutation> =>
  fc.oneof(
    fc.record({
      kind: fc.constant("insert-control" as const),
      at: fc.nat(),
      place: fc.constantFrom("key" as const, "value" as const, "end" as const),
      text: fc.array(fc.oneof(fc.constantFrom(...CONTROL_PIECES), controlArb), { minLength: 1, maxLength: 3 }).map((p) => p.join("")),
    }),
    fc.record({
      kind: fc.constant("long-list" as const),
      at: fc.nat(),
      count: fc.integer({ min: 2, max: maxCount }),
      item: fc.constantFrom(...LIST_ITEMS),
    }),
    fc.record({
      kind: fc.constant("long-symbol" as const),
      length: fc.integer({ min: 200, max: 5000 }),
      shape: fc.constantFrom(...growths),
    }),
  );

const SYMBOL_GROWTHS: readonly SymbolGrowth[] = ["suffix", "suffixes", "slashes", "letters"];

/** The growths `npm test` uses: all of them, "suffixes" too, since symbol-shape's pattern is linear. */
const TEST_SYMBOL_GROWTHS: readonly SymbolGrowth[] = SYMBOL_GROWTHS;

/** The longest list `npm test` puts into a plan. */
const TEST_LIST_LENGTH = 300;

/** One to three mutations, applied in order; long lists stay short enough for `npm test`. */
export const mutationsArb = fc.array(fc.oneof(mutationArb, hostileMutationArb(TEST_LIST_LENGTH, TEST_SYMBOL_GROWTHS)), {
  minLength: 1,
  maxLength: 3,
});

/** The hostile mutations alone, at `npm test`'s scale. */
export const testHostileMutationArb = hostileMutationArb(TEST_LIST_LENGTH, TEST_SYMBOL_GROWTHS);

/** The same with lists of thousands of items, for `npm run fuzz`. */
export const fuzzMutationsArb = fc.array(fc.oneof(mutationArb, hostileMutationArb(5000)), { minLength: 1, maxLength: 3 });

const NL = 0x0a;

function splitLines(bytes: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === NL) {
      lines.push(bytes.subarray(start, i));
      start = i + 1;
    }
  }
  lines.push(bytes.subarray(start));
  return lines;
}

const joinLines = (lines: Buffer[]) => Buffer.concat(lines.flatMap((line, i) => (i === 0 ? [line] : [Buffer.from([NL]), line])));
const indentOf = (line: Buffer) => {
  let n = 0;
  while (n < line.length && line[n] === 0x20) n++;
  return n;
};

/** Applies one mutation to a file's bytes. */
export function applyMutation(bytes: Buffer, m: Mutation): Buffer {
  const lines = splitLines(bytes);
  const line = (n: number) => n % lines.length;
  switch (m.kind) {
    case "delete-lines": {
      const at = line(m.at);
      lines.splice(at, m.count);
      return joinLines(lines);
    }
    case "reindent": {
      const at = line(m.at);
      const text = lines[at]!;
      lines[at] = Buffer.concat([Buffer.from(" ".repeat(m.indent)), text.subarray(indentOf(text))]);
      return joinLines(lines);
    }
    case "swap-indent": {
      const [a, b] = [line(m.a), line(m.b)];
      const [la, lb] = [lines[a]!, lines[b]!];
      lines[a] = Buffer.concat([la.subarray(0, 0), Buffer.from(" ".repeat(indentOf(lb))), la.subarray(indentOf(la))]);
      lines[b] = Buffer.concat([Buffer.from(" ".repeat(indentOf(la))), lb.subarray(indentOf(lb))]);
      return joinLines(lines);
    }
    case "duplicate-line": {
      lines.splice(line(m.to), 0, lines[line(m.at)]!);
      return joinLines(lines);
    }
    case "swap-lines": {
      const [a, b] = [line(m.a), line(m.b)];
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return joinLines(lines);
    }
    case "truncate":
      return bytes.subarray(0, m.at % (bytes.length + 1));
    case "insert-bytes": {
      const at = m.at % (bytes.length + 1);
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(m.bytes), bytes.subarray(at)]);
    }
    case "insert-text": {
      const at = m.at % (bytes.length + 1);
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(m.text, "utf8"), bytes.subarray(at)]);
    }
    case "replace-value": {
      // The value after the first ": " or "- " of the line, or the whole line when it has neither.
      const at = line(m.at);
      const text = lines[at]!.toString("latin1");
      const match = /^(\s*(?:- )?[^:#]*?: |\s*- )/.exec(text);
      const head = match ? lines[at]!.subarray(0, Buffer.byteLength(match[0], "latin1")) : Buffer.alloc(0);
      lines[at] = Buffer.concat([head, Buffer.from(m.value, "utf8")]);
      return joinLines(lines);
    }
    case "insert-control": {
      const at = line(m.at);
      lines[at] = insertInLine(lines[at]!, m.place, Buffer.from(m.text, "utf8"));
      return joinLines(lines);
    }
    case "long-list": {
      const items = lines.flatMap((text, i) => (/^ *- /.test(text.toString("latin1")) ? [i] : []));
      if (items.length === 0) return bytes;
      const at = items[m.at % items.length]!;
      const indent = " ".repeat(indentOf(lines[at]!));
      lines.splice(at, 0, ...Array.from({ length: m.count }, () => Buffer.from(`${indent}- ${m.item}`, "utf8")));
      return joinLines(lines);
    }
    case "long-symbol": {
      const at = lines.findIndex((text) => /^ {2}symbol: /.test(text.toString("latin1")));
      if (at === -1) return bytes;
      lines[at] = Buffer.concat([lines[at]!, Buffer.from(LONG_SYMBOL[m.shape](m.length), "utf8")]);
      return joinLines(lines);
    }
  }
}

/**
 * What a long symbol grows by, `length` characters of it: one suffix the symbol's shape allows
 * (`002rev1111…`, so lint may pass it on to the file name), many suffixes (`002revrevrev…`), more
 * parts (`/A/A…`), or letters outside ASCII (two bytes each).
 */
const LONG_SYMBOL: Record<SymbolGrowth, (length: number) => string> = {
  suffix: (length) => `rev${"1".repeat(Math.max(0, length - 3))}`,
  suffixes: (length) => "rev".repeat(Math.ceil(length / 3)).slice(0, length),
  slashes: (length) => "/A".repeat(Math.ceil(length / 2)).slice(0, length),
  letters: (length) => "é".repeat(length),
};

/** A line with `text` put at its key's start (after the indentation and any `- `), its value's start, or its end. */
function insertInLine(line: Buffer, place: "key" | "value" | "end", text: Buffer): Buffer {
  const latin = line.toString("latin1");
  const key = /^ *(?:- )?/.exec(latin)![0].length;
  const value = /^ *(?:- )?[^:#]*?: /.exec(latin)?.[0].length ?? key;
  const at = place === "key" ? key : place === "value" ? value : line.length;
  return Buffer.concat([line.subarray(0, at), text, line.subarray(at)]);
}

/** Applies mutations in order. */
export const applyMutations = (bytes: Buffer, mutations: readonly Mutation[]) => mutations.reduce(applyMutation, bytes);

/** The longest a mutated file may take to be checked, linted (CLI) and, when clean, built. */
export const CASE_BUDGET_MS = 2000;

/** Lines of a stack trace: "    at fn (file:1:2)". */
export const STACK_LINE = /^\s+at\s+\S.*$/m;

/** What one case did, for the fuzzer's summary. */
export interface CaseOutcome {
  ms: number;
  code: number;
  built: boolean;
  /** Findings whose line and column lie outside the file: wrong positions. */
  misplaced: string[];
  /** Outputs that hold a control character: the documents built, the lint report. */
  leaks: string[];
}

/**
 * The property: a file of any bytes, put where `ctwg lint 2017` reads it, ends in diagnostics or
 * success. The CLI exits 0 or 1 (2 would be an internal error: an exception from `check()` or
 * `lint()`) with no stack trace and a JSON report that agrees with the exit code; a file that lints
 * without errors builds to Markdown and HTML, written to `out/` (so a name the file system cannot
 * hold shows); all of it takes under CASE_BUDGET_MS. With `api`, the same file also goes through
 * `check()` and `lint()` called directly. Throws an Error saying which part failed. Findings placed
 * outside the file, and control characters in an output, are returned rather than thrown, for the
 * callers to check (the test and the fuzzer both do).
 */
export async function checkMutatedFile(bytes: Buffer, cwd: string, options: { api?: boolean } = {}): Promise<CaseOutcome> {
  const file = join("workplans", "2017.yaml");
  writeFileSync(join(cwd, file), bytes);
  const started = performance.now();
  if (options.api) {
    await check(file, { cwd });
    await lint(file, { cwd });
  }
  const result = await runCli(["lint", "2017", "--format", "json"], cwd);
  if (result.code !== 0 && result.code !== 1) {
    throw new Error(`ctwg lint exited ${result.code}: ${result.stderr.slice(0, 2000)}`);
  }
  if (STACK_LINE.test(result.stderr) || STACK_LINE.test(result.stdout))
    throw new Error(`a stack trace was printed:\n${result.stderr.slice(0, 2000)}`);
  const findings = JSON.parse(result.stdout) as { line: number | null; column: number | null; ruleId: string; severity: string }[];
  if (result.code === 1 && !findings.some((f) => f.severity === "error")) throw new Error("exit code 1 without an error");
  if (result.code === 0 && findings.some((f) => f.severity === "error")) throw new Error("exit code 0 with an error");
  let built = false;
  const leaks = controlLeaks(
    [
      ["the lint report", result.stdout],
      ["lint's stderr", result.stderr],
    ],
    C0_CONTROL,
  );
  if (result.code === 0) {
    const report = await build(file, { cwd, outDir: "out", formats: ["md", "html"] });
    if (report.artifacts.length !== 2) {
      throw new Error(
        `lint found no error but build made ${report.artifacts.length} of 2 documents: ${report.diagnostics.map((d) => d.ruleId).join(", ")}`,
      );
    }
    leaks.push(
      ...controlLeaks(
        report.artifacts.map((a) => [a.path, new TextDecoder().decode(a.bytes)] as const),
        DOCUMENT_CONTROL,
      ),
    );
    built = true;
  }
  const ms = performance.now() - started;
  if (ms > CASE_BUDGET_MS) throw new Error(`took ${Math.round(ms)} ms, over ${CASE_BUDGET_MS} ms`);
  return { ms, code: result.code, built, misplaced: misplacedFindings(bytes, findings), leaks };
}

/** C0 controls but tab and line feed: what no output may hold. Why C0 alone in the report: JSON escapes C0, and writes DEL and C1 as they are. */
const C0_CONTROL = /[\u0000-\u0008\u000b-\u001f]/;
/** Every control character the documents drop: C0 but tab and line feed, DEL, C1. */
const DOCUMENT_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** "out/2017/x.md holds U+001B at 1204" for each output holding a control character. */
export function controlLeaks(outputs: readonly (readonly [name: string, text: string])[], controls: RegExp): string[] {
  return outputs.flatMap(([name, text]) => {
    const at = text.search(controls);
    return at === -1 ? [] : [`${name} holds U+${text.codePointAt(at)!.toString(16).toUpperCase().padStart(4, "0")} at ${at}`];
  });
}

/** Findings whose line:column is not a place in the file as ctwg reads it (UTF-8, a byte-order mark dropped). */
export function misplacedFindings(
  bytes: Buffer,
  findings: readonly { line: number | null; column: number | null; ruleId: string }[],
): string[] {
  const lines = new TextDecoder("utf-8").decode(bytes).split("\n");
  return findings.flatMap((finding) => {
    if (finding.line === null) return [];
    const lineText = lines[finding.line - 1];
    const inside = lineText !== undefined && finding.column !== null && finding.column >= 1 && finding.column <= lineText.length + 1;
    return inside
      ? []
      : [
          `${finding.ruleId} at ${finding.line}:${finding.column} (the file has ${lines.length} lines${lineText === undefined ? "" : `, that one ${lineText.length} characters`})`,
        ];
  });
}

/** A mutation list as a short readable line, for failure reports. */
export const describeMutations = (mutations: readonly Mutation[]) => mutations.map((m) => JSON.stringify(m)).join(" then ");
