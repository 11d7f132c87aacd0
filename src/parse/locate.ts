import { isScalar, type Node } from "yaml";
import type { DataPath, Span } from "../diagnostics/diagnostic.js";
import { spanOf, type SourceFile } from "./parse-workplan.js";
import { nodeAt } from "./node-at.js";
import { scalarOffsets } from "./scalar-offsets.js";

/** What a data path points at: the value itself, or the key that names it (for an unknown key). */
export type Target = "value" | "key";

/**
 * The span of characters `[start, end)` of the string value a path names (a word a rule found, a
 * character the fonts lack), exact even inside a folded paragraph; the value's span when the
 * value's spelling in the file is not one the offset map models.
 */
export function locateRange(source: SourceFile, path: DataPath, start: number, end: number): Span | undefined {
  const offsets = scalarOffsets(source, path);
  if (!offsets || end > offsets.length - 1) return locate(source, path);
  const to = end > start ? offsets[end - 1]! + 1 : offsets[start]! + 1;
  return spanOf(source.lineCounter, offsets[start]!, to);
}

/** The span of the first occurrence of `needle` in the value a path names; see locateRange. */
export function locateWithin(source: SourceFile, path: DataPath, needle: string): Span | undefined {
  const value = nodeAt(source, path).node;
  const text = isScalar(value) && typeof value.value === "string" ? value.value : undefined;
  const at = text?.indexOf(needle) ?? -1;
  return at === -1 ? locate(source, path) : locateRange(source, path, at, at + needle.length);
}

/**
 * The span of the node a data path names, or of its closest existing ancestor when the path runs
 * past the data (a missing key points at the key of the mapping that should hold it).
 */
export function locate(source: SourceFile, path: DataPath, target: Target = "value"): Span | undefined {
  const { node, key, complete } = nodeAt(source, path);
  if (!complete && node === null) return key ? spanOfNode(source, key) : undefined;
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
  const lineEnd = lineEndAt(source, from);
  return spanOf(source.lineCounter, from, lineEnd === -1 ? Math.max(range[1], from + 1) : lineEnd);
}

/**
 * The offset of the line break that ends the line holding `from`, or -1 on the last line. Why from
 * the line counter and not a search: on a line of a megabyte (a flow sequence of 100,000 items), a
 * search for each item's diagnostic would cost the square of the line.
 */
function lineEndAt(source: SourceFile, from: number): number {
  const starts = source.lineCounter.lineStarts;
  const next = starts[source.lineCounter.linePos(from).line];
  if (next !== undefined && source.text[next - 1] === "\n") return next - 1;
  return source.text.indexOf("\n", from);
}
