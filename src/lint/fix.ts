import { isMap, isScalar, type Node } from "yaml";
import { nodeAt } from "../parse/node-at.js";
import type { SourceFile } from "../parse/parse-workplan.js";
import { scalarOffsets } from "../parse/scalar-offsets.js";
import type { FixRequest, TextEdit } from "./rule.js";

/**
 * Turns a rule's fix into edits of the source text. Why text edits and not a re-serialised document:
 * only the characters that change are touched, so comments, quoting, folding and key order stay as
 * the author wrote them. Undefined when any part cannot be expressed safely; the finding then stays
 * for the author to fix by hand.
 */
export function fixEdits(source: SourceFile, requests: readonly FixRequest[]): TextEdit[] | undefined {
  const edits: TextEdit[] = [];
  for (const request of requests) {
    const edit = request.kind === "replace-text" ? replaceText(source, request) : setFlag(source, request);
    if (!edit) return undefined;
    edits.push(edit);
  }
  return edits;
}

function replaceText(source: SourceFile, request: Extract<FixRequest, { kind: "replace-text" }>): TextEdit | undefined {
  const offsets = scalarOffsets(source, request.path);
  if (!offsets || request.end > offsets.length - 1 || request.start > request.end) return undefined;
  const from = offsets[request.start]!;
  // Deleting up to the end of the value stops after its last character, not at the next line.
  const to = request.end === offsets.length - 1 ? offsets[request.end - 1]! + 1 : offsets[request.end]!;
  return { from, to, text: request.text };
}

function setFlag(source: SourceFile, request: Extract<FixRequest, { kind: "set-flag" }>): TextEdit | undefined {
  const { node } = nodeAt(source, request.path);
  if (!isMap(node) || node.flow) return undefined;
  const text = String(request.value);
  const pair = node.items.find((item) => isScalar(item.key) && item.key.value === request.key);
  if (pair) {
    const value = pair.value as Node | null;
    if (!isScalar(value) || !value.range) return undefined;
    return { from: value.range[0], to: value.range[1], text };
  }
  const first = node.items[0]?.key as Node | undefined;
  const last = node.items[node.items.length - 1];
  const lastEnd = (last?.value as Node | null)?.range?.[1] ?? (last?.key as Node | undefined)?.range?.[1];
  if (!first?.range || lastEnd === undefined) return undefined;
  const indent = first.range[0] - source.lineCounter.lineStarts[source.lineCounter.linePos(first.range[0]).line - 1]!;
  const lineEnd = source.text.indexOf("\n", Math.max(lastEnd - 1, 0));
  const at = lineEnd === -1 ? source.text.length : lineEnd;
  return { from: at, to: at, text: `\n${" ".repeat(indent)}${request.key}: ${text}` };
}

/** Applies edits to a text, last first; an edit overlapping one already applied is skipped. */
export function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; applied: number } {
  const sorted = [...edits].sort((a, b) => b.from - a.from || b.to - a.to);
  let result = text;
  let limit = Infinity;
  let applied = 0;
  for (const edit of sorted) {
    if (edit.to > limit) continue;
    result = result.slice(0, edit.from) + edit.text + result.slice(edit.to);
    limit = edit.from;
    applied++;
  }
  return { text: result, applied };
}
