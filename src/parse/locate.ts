import { isMap, isPair, isScalar, isSeq, type Node } from "yaml";
import type { DataPath, Span } from "../diagnostics/diagnostic.js";
import { spanOf, type SourceFile } from "./parse-workplan.js";

/** What a data path points at: the value itself, or the key that names it (for an unknown key). */
export type Target = "value" | "key";

/**
 * The span of `needle` inside the value a path names (a character the fonts lack, a word), or the
 * value's span when the needle is not written literally there (an escape in a quoted string).
 */
export function locateWithin(source: SourceFile, path: DataPath, needle: string): Span | undefined {
  const span = locate(source, path);
  if (!span) return span;
  const from = source.lineCounter.lineStarts[span.start.line - 1]! + span.start.column - 1;
  const to = source.lineCounter.lineStarts[span.end.line - 1]! + span.end.column - 1;
  const at = source.text.slice(from, to).indexOf(needle);
  return at === -1 ? span : spanOf(source.lineCounter, from + at, from + at + needle.length);
}

/**
 * The span of the node a data path names, or of its closest existing ancestor when the path runs
 * past the data (a missing key points at the key of the mapping that should hold it).
 */
export function locate(source: SourceFile, path: DataPath, target: Target = "value"): Span | undefined {
  let node: unknown = source.document.contents;
  let key: Node | undefined;
  for (const segment of path) {
    let next: unknown;
    let nextKey: Node | undefined;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      if (pair) {
        next = pair.value;
        nextKey = pair.key as Node;
      }
    } else if (isSeq(node) && typeof segment === "number") {
      next = node.items[segment];
    }
    if (next === undefined) {
      if (nextKey) return spanOfNode(source, nextKey); // key present with an empty value
      break;
    }
    node = next;
    key = nextKey;
    if (next === null) return key ? spanOfNode(source, key) : undefined;
  }
  if (target === "key" && key) return spanOfNode(source, key);
  // An empty value (`submittedBy:`) has no text of its own to point at; its key does.
  if (isScalar(node) && node.value === null && key && node.range && node.range[0] === node.range[1]) return spanOfNode(source, key);
  if (isScalar(node)) return spanOfNode(source, node);
  if (key) return spanOfNode(source, key);
  return firstLineOf(source, node);
}

function spanOfNode(source: SourceFile, node: Node): Span | undefined {
  if (!node.range) return undefined;
  const [from, valueEnd] = node.range;
  return spanOf(source.lineCounter, from, Math.max(valueEnd, from + 1));
}

/** A collection with no key (a sequence item, the root): its first line only, so the caret stays readable. */
function firstLineOf(source: SourceFile, node: unknown): Span | undefined {
  if (!node || typeof node !== "object" || !("range" in node)) return { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } };
  const range = (node as Node).range;
  if (!range) return undefined;
  const from = range[0];
  const lineEnd = source.text.indexOf("\n", from);
  return spanOf(source.lineCounter, from, lineEnd === -1 ? Math.max(range[1], from + 1) : lineEnd);
}
