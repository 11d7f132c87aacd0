import { Composer, isMap, isScalar, isSeq, Lexer, LineCounter, Parser, YAMLParseError, type Document, type YAMLError } from "yaml";
import { firstOfEach } from "../diagnostics/first-of-each.js";
import type { Diagnostic, Result, Span } from "../diagnostics/diagnostic.js";
import { MAX_REPORTED, notReported } from "../diagnostics/report-limit.js";

/** A parsed YAML file that still knows where every value came from. */
export interface SourceFile {
  file: string;
  text: string;
  document: Document.Parsed;
  lineCounter: LineCounter;
  data: unknown;
}

/**
 * The largest file accepted. Why: YAML parsing costs about 0.5 s and 130 MB a megabyte, and a real
 * plan is under 50 KB, so anything near this size is a mistake or an attack.
 */
export const MAX_SOURCE_BYTES = 2 * 1024 * 1024;

/**
 * The deepest nesting accepted. Why: later stages walk the data recursively, and a real plan nests
 * about ten levels; a file nested thousands deep is an attack on the stack, refused here with a
 * diagnostic instead of a crash further on.
 */
export const MAX_DEPTH = 64;

/**
 * The most YAML tokens (keys, values, indicators, spaces and line breaks, as the yaml package's
 * lexer splits them) a file may hold. Why: what parsing costs follows the tokens, not the bytes:
 * about 0.3 KB of memory a token, and a `lint` of a file of a million short list items peaked at
 * 495 MB; 2 MB of one-character items is two million tokens. A real plan has a token every 15
 * bytes, 140,000 in 2 MB, so the limit leaves it five times over.
 */
export const MAX_TOKENS = 750_000;

const codeToRule: Record<string, string> = {
  DUPLICATE_KEY: "yaml/duplicate-key",
  MULTIPLE_DOCS: "yaml/multiple-documents",
  TAB_AS_INDENT: "yaml/tab-indent",
};

/** Our wording for the yaml package's errors that authors meet most; `found` is the text at the error. */
const explanations: Record<string, (found: string) => { message: string; hint: string }> = {
  DUPLICATE_KEY: (key) => ({
    message: `duplicate key \`${key}\`: it already appears earlier in the same mapping`,
    hint: "each key may appear once in a mapping; merge the two entries or remove one",
  }),
  MULTIPLE_DOCS: () => ({
    message: "the file holds more than one YAML document; a second one starts here",
    hint: "a workplan is one YAML document: remove the `---` line and what follows, or move it to its own file",
  }),
  TAB_AS_INDENT: () => ({
    message: "a tab is used for indentation",
    hint: "YAML indents with spaces only; replace the tab with spaces",
  }),
  BLOCK_AS_IMPLICIT_KEY: () => ({
    message: "a second `key: value` on the same line",
    hint: 'a value that contains ": " must be quoted: `title: "Part 1: Overview"`',
  }),
};

/** Parses YAML text, keeping positions; syntax problems become diagnostics, never exceptions. */
export function parseWorkplan(text: string, file: string): Result<SourceFile> {
  const size = Buffer.byteLength(text, "utf8");
  if (size > MAX_SOURCE_BYTES) {
    return {
      value: undefined,
      diagnostics: [
        {
          ruleId: "input/too-large",
          severity: "error",
          message: `the file is ${(size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_SOURCE_BYTES / 1024 / 1024} MB`,
          file,
          path: [],
          hint: "a workplan is normally under 100 KB; check that this is the file you meant",
        },
      ],
    };
  }
  const lineCounter = lineCounterOf(text);
  const composed = composeDocument(text);
  if (composed.stopped) {
    const { at, why } = composed.stopped;
    const span = spanOf(lineCounter, at, at + 1);
    const explained = why === "deep" ? nestedTooDeep() : tooManyTokens();
    return {
      value: undefined,
      diagnostics: [
        { ruleId: why === "deep" ? "yaml/too-deep" : "input/too-complex", severity: "error", file, path: [], span, ...explained },
      ],
    };
  }
  const document = composed.document;
  const problems = distinctProblems([...withDuplicateKeys(document.errors, duplicateKeys(document)), ...document.warnings]);
  const diagnostics: Diagnostic[] = [];
  for (const problem of problems.slice(0, MAX_REPORTED)) {
    const [from, to] = problem.pos;
    const severity = problem.name === "YAMLWarning" ? "warning" : "error";
    const end = problem.code === "DUPLICATE_KEY" ? keyEnd(text, from) : Math.max(to, from + 1);
    const tooDeep = /call stack/i.test(problem.message);
    const explained = tooDeep ? nestedTooDeep() : explanations[problem.code]?.(text.slice(from, end));
    diagnostics.push({
      ruleId: tooDeep ? "yaml/too-deep" : (codeToRule[problem.code] ?? "yaml/syntax"),
      severity,
      message: explained?.message ?? firstLine(problem.message),
      file,
      path: [],
      span: spanOf(lineCounter, from, end),
      ...(explained ? { hint: explained.hint } : {}),
    });
  }
  const unreported = problems.slice(MAX_REPORTED);
  if (unreported.length > 0) {
    const severity = unreported.some((problem) => problem.name !== "YAMLWarning") ? "error" : "warning";
    diagnostics.push(notReported(file, unreported.length, severity, "YAML syntax problems"));
  }
  if (diagnostics.some((d) => d.severity === "error")) return { value: undefined, diagnostics };
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // Why: the yaml package reports an alias bomb ("billion laughs"), and an alias to an anchor that
    // does not exist, by throwing from toJS.
    const message = error instanceof Error ? error.message : String(error);
    const unresolved = /Unresolved alias.*?: ?\*?([^\s]+)/.exec(message)?.[1];
    if (unresolved !== undefined) {
      const at = new RegExp(`\\*${unresolved.replace(/^\*/, "").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\w-])`).exec(text);
      diagnostics.push({
        ruleId: "yaml/unknown-alias",
        severity: "error",
        message: `the alias *${unresolved.replace(/^\*/, "")} refers to an anchor that is not defined before it`,
        file,
        path: [],
        ...(at ? { span: spanOf(lineCounter, at.index, at.index + at[0].length) } : {}),
        hint: `define the anchor (&${unresolved.replace(/^\*/, "")}) on a value above this line, or write the text out`,
      });
      return { value: undefined, diagnostics };
    }
    diagnostics.push({
      ruleId: "yaml/alias-limit",
      severity: "error",
      message: `aliases expand too far: ${message}`,
      file,
      path: [],
      span: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
      hint: "write the repeated text out instead of nesting aliases",
    });
    return { value: undefined, diagnostics };
  }
  const depth = depthOf(data);
  if (depth > MAX_DEPTH) {
    diagnostics.push({
      ruleId: "yaml/too-deep",
      severity: "error",
      file,
      path: [],
      ...nestedTooDeep(),
      message: `the data is nested ${depth} levels deep; the limit is ${MAX_DEPTH}`,
    });
    return { value: undefined, diagnostics };
  }
  return { value: { file, text, document, lineCounter, data }, diagnostics };
}

/** Where and why a parse ended early. */
interface Stopped {
  at: number;
  why: "deep" | "tokens";
}

/**
 * The first YAML document of the text, as `parseDocument` of the yaml package makes it, or where
 * and why the parse stopped early: a flow collection (`[` or `{`) opened more than MAX_DEPTH levels
 * deep, or more than MAX_TOKENS tokens. Why not `parseDocument`: it builds the whole tree first, and
 * two million `[` cost it 10 s and 1.7 GB before its own stack overflowed; here the tokens are
 * counted as the lexer makes them. Why `uniqueKeys: false`: see duplicateKeys.
 */
function composeDocument(text: string): { document: Document.Parsed; stopped?: undefined } | { document?: undefined; stopped: Stopped } {
  const stop: { stopped?: Stopped } = {};
  // logLevel "error": the yaml package would otherwise print its own warnings (a mapping used as a
  // key) straight to the terminal; what matters of them reaches the author as diagnostics.
  const composer = new Composer({ prettyErrors: false, uniqueKeys: false, logLevel: "error" });
  let document: Document.Parsed | undefined;
  // Why no stack traces: the package makes an Error of each problem, and 190,000 traces that no one
  // reads cost 125 MB and 3 s. Restored before anything else runs: the parse is synchronous.
  const traces = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    for (const next of composer.compose(guardedTokens(text, stop), true, text.length)) {
      if (stop.stopped) break;
      if (document) {
        document.errors.push(
          new YAMLParseError(
            [next.range[0], next.range[1]],
            "MULTIPLE_DOCS",
            "Source contains multiple documents; please use YAML.parseAllDocuments()",
          ),
        );
        break;
      }
      document = next;
    }
  } finally {
    Error.stackTraceLimit = traces;
  }
  return stop.stopped ? { stopped: stop.stopped } : { document: document! };
}

/** The parser's tokens for the text, ending early (with `stop.stopped` set) at a flow collection too deep or a token too many. */
function* guardedTokens(text: string, stop: { stopped?: Stopped }) {
  const parser = new Parser();
  let depth = 0;
  let tokens = 0;
  for (const lexeme of new Lexer().lex(text)) {
    if (++tokens > MAX_TOKENS) {
      stop.stopped = { at: parser.offset, why: "tokens" };
      return;
    }
    if (lexeme === "[" || lexeme === "{") {
      depth += 1;
      if (depth > MAX_DEPTH) {
        stop.stopped = { at: parser.offset, why: "deep" };
        return;
      }
    } else if (lexeme === "]" || lexeme === "}") {
      depth = Math.max(0, depth - 1);
    }
    yield* parser.next(lexeme);
  }
  yield* parser.end();
}

/**
 * The keys that repeat an earlier key of the same mapping, each as the error the yaml package makes
 * of it with `uniqueKeys: true` (a scalar key of the same value, at the key's start). Why not the
 * package's check: it compares each key with every earlier one, which took 8 minutes on a mapping
 * of 190,000 keys; a set per mapping takes milliseconds. Walks with a stack, not recursion.
 */
function duplicateKeys(document: Document.Parsed): YAMLParseError[] {
  const found: YAMLParseError[] = [];
  const stack: unknown[] = [document.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    } else if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const { key, value } of node.items) {
        stack.push(key, value);
        // The package compares values with `===`, by which NaN equals nothing, not even itself.
        if (!isScalar(key) || Number.isNaN(key.value)) continue;
        if (seen.has(key.value) && key.range)
          found.push(new YAMLParseError([key.range[0], key.range[0] + 1], "DUPLICATE_KEY", "Map keys must be unique"));
        seen.add(key.value);
      }
    }
  }
  return found.sort((a, b) => a.pos[0] - b.pos[0]);
}

/**
 * The package's errors with the duplicate keys merged in by offset, where the package would have
 * put them: after any error of its own that starts at the same place or before.
 */
function withDuplicateKeys(errors: readonly YAMLError[], duplicates: readonly YAMLError[]): YAMLError[] {
  if (duplicates.length === 0) return [...errors];
  const merged: YAMLError[] = [];
  let next = 0;
  for (const error of errors) {
    while (next < duplicates.length && duplicates[next]!.pos[0] < error.pos[0]) merged.push(duplicates[next++]!);
    merged.push(error);
  }
  return [...merged, ...duplicates.slice(next)];
}

/**
 * Each problem once. Why: the yaml package reports an unclosed bracket again at each nesting level
 * it backs out of, the same error at the same place hundreds of times.
 */
function distinctProblems(problems: readonly YAMLError[]): YAMLError[] {
  return firstOfEach(
    problems,
    (problem) => `${problem.name}\u0000${problem.code}\u0000${problem.pos[0]}\u0000${problem.pos[1]}\u0000${problem.message}`,
  );
}

function tooManyTokens() {
  return {
    message: `the file holds more than ${MAX_TOKENS} YAML tokens (keys, values and punctuation); ctwg reads at most ${MAX_TOKENS}`,
    hint: "a workplan of 2 MB holds about 140,000: this is generated data or not a workplan; check that it is the file you meant",
  };
}

function nestedTooDeep() {
  return {
    message: `the data is nested deeper than ctwg follows (the limit is ${MAX_DEPTH} levels)`,
    hint: "a workplan nests about ten levels; look for brackets or indentation that never close",
  };
}

/** How deep lists and mappings nest, counted without recursion so the count itself cannot overflow. */
function depthOf(data: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[data, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== "object") continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > MAX_DEPTH) return deepest;
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * Where each line of the text starts. Why from the text and not the parser: the parser is not told
 * of line breaks inside tokens it rejects, and positions after them would be lines too early.
 */
function lineCounterOf(text: string): LineCounter {
  const counter = new LineCounter();
  counter.addNewLine(0);
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) counter.addNewLine(at + 1);
  return counter;
}

/** A span between two offsets of the text. */
export function spanOf(lineCounter: LineCounter, from: number, to: number): Span {
  const start = lineCounter.linePos(from);
  const end = lineCounter.linePos(to);
  return { start: { line: start.line, column: start.col }, end: { line: end.line, column: end.col } };
}

function firstLine(message: string): string {
  // Why: the yaml package appends "at line N, column M" and a code excerpt; the code frame shows both.
  const line = message
    .split("\n")[0]!
    .replace(/ at line \d+, column \d+:?$/, "")
    .replace(/:$/, "");
  // A token quoted in the message may be a whole paragraph: quote its start only.
  const short = line.replace(/"((?:[^"\\]|\\.){40})(?:[^"\\]|\\.){8,}"/g, '"$1…"');
  return short.charAt(0).toLowerCase() + short.slice(1);
}

/** Where a plain key that starts at `from` ends: before its colon, or at the end of the line. */
function keyEnd(text: string, from: number): number {
  const match = /^[^:\n]*/.exec(text.slice(from, from + 200));
  return from + Math.max(1, match![0].trimEnd().length);
}
