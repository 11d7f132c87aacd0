import { diffWordsWithSpace } from "diff";
import { isScalar, Scalar } from "yaml";
import type { DataPath } from "../diagnostics/diagnostic.js";
import { applyEdits } from "../lint/fix.js";
import type { TextEdit } from "../lint/rule.js";
import { nodeAt } from "../parse/node-at.js";
import { parseWorkplan, type SourceFile } from "../parse/parse-workplan.js";
import { scalarOffsets } from "../parse/scalar-offsets.js";

/** A string of the workplan that an edit in Word changed: where it is, and its new text. */
export interface FieldEdit {
  path: DataPath;
  /** The string as the file has it now. */
  before: string;
  after: string;
}

/**
 * The text edits that give each string its new value, touching only the words that changed, as
 * `lint --fix` does: comments, quoting, folding and key order stay as the author wrote them. Where
 * changed words cannot be written into the string as it is spelled (a quote inside quotes, a `: `
 * in a plain scalar), the whole string is written again, double-quoted. Every result is parsed
 * again and checked to give exactly the new values; `failed` lists the edits that could not be
 * written at all (which would be a bug).
 */
export function yamlEdits(source: SourceFile, fields: readonly FieldEdit[]): { edits: TextEdit[]; failed: FieldEdit[] } {
  const chosen = fields.map((field) => ({ field, edits: wordEdits(source, field) ?? wholeString(source, field) }));
  const check = (edits: TextEdit[]) => {
    const parsed = parseWorkplan(applyEdits(source.text, edits).text, source.file).value;
    return parsed !== undefined && fields.every((field) => valueAt(parsed, field.path) === field.after);
  };
  const edits = (list: typeof chosen) => list.flatMap((c) => c.edits ?? []);
  if (check(edits(chosen))) return { edits: edits(chosen), failed: chosen.filter((c) => !c.edits).map((c) => c.field) };
  // One of the minimal edits did not parse back as meant: fall back, string by string, to writing it whole.
  const safer = chosen.map((c) => ({ field: c.field, edits: wholeString(source, c.field) }));
  const failed = safer.filter((c) => !c.edits).map((c) => c.field);
  if (failed.length === 0 && check(edits(safer))) return { edits: edits(safer), failed: [] };
  return { edits: [], failed: [...fields] };
}

const valueAt = (source: SourceFile, path: DataPath): unknown => {
  const { node } = nodeAt(source, path);
  return isScalar(node) ? node.value : undefined;
};

/** Only the changed words, spelled for the string's style; undefined when a change cannot be spelled there. */
function wordEdits(source: SourceFile, field: FieldEdit): TextEdit[] | undefined {
  const { node } = nodeAt(source, field.path);
  const offsets = scalarOffsets(source, field.path);
  if (!isScalar(node) || node.value !== field.before || !offsets) return undefined;
  const spell = spelling(node.type);
  const edits: TextEdit[] = [];
  let at = 0;
  const parts = diffWordsWithSpace(field.before, field.after);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (!part.added && !part.removed) {
      at += part.value.length;
      continue;
    }
    // A removal and the insertion that follows it replace the same words.
    const removed = part.removed ? part.value : "";
    const added = part.added ? part.value : parts[i + 1]?.added ? parts[++i]!.value : "";
    const text = spell(added);
    if (text === undefined) return undefined;
    const start = at;
    const end = at + removed.length;
    const from = offsets[start]!;
    const to = end === field.before.length && end > start ? offsets[end - 1]! + 1 : offsets[end]!;
    edits.push({ from, to, text });
    at = end;
  }
  return edits;
}

/**
 * How inserted words are written inside a string of this style; undefined when they cannot be.
 * Why not more: the result is parsed again anyway, and what this lets through that YAML reads
 * otherwise falls back to the whole string.
 */
function spelling(type: Scalar["type"]): (text: string) => string | undefined {
  switch (type) {
    case Scalar.QUOTE_DOUBLE:
      return (text) => JSON.stringify(text).slice(1, -1);
    case Scalar.QUOTE_SINGLE:
      return (text) => (text.includes("\n") ? undefined : text.replaceAll("'", "''"));
    case Scalar.BLOCK_FOLDED:
    case Scalar.BLOCK_LITERAL:
      return (text) => (/[\n\t]/.test(text) ? undefined : text);
    default:
      return (text) => (/[\n\t]|:\s|:$|\s#/.test(text) ? undefined : text);
  }
}

/** The string replaced whole by its new value, double-quoted. */
function wholeString(source: SourceFile, field: FieldEdit): TextEdit[] | undefined {
  const { node } = nodeAt(source, field.path);
  if (!isScalar(node) || typeof node.value !== "string" || !node.range) return undefined;
  // A block string's range takes in its last line break, which the next key needs.
  let to = node.range[1];
  while (to > node.range[0] && source.text[to - 1] === "\n") to--;
  return [{ from: node.range[0], to, text: JSON.stringify(field.after) }];
}
