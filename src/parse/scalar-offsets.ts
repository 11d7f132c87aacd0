import { isScalar, Scalar } from "yaml";
import type { DataPath } from "../diagnostics/diagnostic.js";
import { nodeAt } from "./node-at.js";
import type { SourceFile } from "./parse-workplan.js";

/**
 * Where each character of a string value sits in the source text: `offsets[i]` is the offset of the
 * value's i-th character, and `offsets[value.length]` the offset just after the last one.
 * Why: a folded paragraph's value joins its lines with spaces, so a word's place in the value is not
 * its place in the file; this map lets a finding point at the exact word and a fix edit only it.
 * Returns undefined for the few spellings it does not model (escapes, blank lines inside a block,
 * more-indented lines); callers then fall back to the whole value.
 */
export function scalarOffsets(source: SourceFile, path: DataPath): number[] | undefined {
  const node = nodeAt(source, path).node;
  if (!isScalar(node)) return undefined;
  if (!made.has(node)) made.set(node, offsetsOf(source, node) ?? null);
  return made.get(node) ?? undefined;
}

/**
 * The offsets already worked out, by node. Why: a rule may report thousands of words of one long
 * paragraph, and working the map out again for each would cost the paragraph each time.
 */
const made = new WeakMap<Scalar, number[] | null>();

function offsetsOf(source: SourceFile, node: Scalar): number[] | undefined {
  if (typeof node.value !== "string" || !node.range) return undefined;
  const [start, end] = node.range;
  const raw = source.text.slice(start, end);
  let lines: { text: string; offset: number }[];
  let joiner = " ";
  switch (node.type) {
    case Scalar.PLAIN:
      lines = splitLines(raw, start);
      break;
    case Scalar.QUOTE_DOUBLE:
    case Scalar.QUOTE_SINGLE:
      if (raw.includes("\\") || raw.slice(1, -1).includes("''")) return undefined;
      lines = splitLines(raw.slice(1, -1), start + 1);
      break;
    case Scalar.BLOCK_FOLDED:
    case Scalar.BLOCK_LITERAL: {
      const header = raw.indexOf("\n");
      if (header === -1) return undefined;
      lines = splitLines(raw.slice(header + 1).replace(/\n+$/, ""), start + header + 1);
      const indents = lines.map((line) => /^ */.exec(line.text)![0].length);
      if (indents.some((indent) => indent !== indents[0])) return undefined;
      if (node.type === Scalar.BLOCK_LITERAL) joiner = "\n";
      break;
    }
    default:
      return undefined;
  }
  const quoted = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE;
  const literal = node.type === Scalar.BLOCK_LITERAL;
  const offsets: number[] = [];
  let value = "";
  lines.forEach((line, i) => {
    // Whitespace at a line break folds away; inside quotes, the first line's start and the last
    // line's end are content.
    const keepLead = literal || (quoted && i === 0);
    const keepTrail = literal || (quoted && i === lines.length - 1);
    const lead = keepLead ? (literal ? /^ */.exec(line.text)![0].length : 0) : /^\s*/.exec(line.text)![0].length;
    const body = line.text.slice(lead);
    const content = keepTrail ? body : body.replace(/\s+$/, "");
    if (content === "" && lines.length > 1) value += "\u0000"; // a blank line: not modelled
    if (i > 0) {
      offsets.push(lines[i - 1]!.offset + lines[i - 1]!.text.replace(/\s+$/, "").length);
      value += joiner;
    }
    for (let k = 0; k < content.length; k++) offsets.push(line.offset + lead + k);
    value += content;
  });
  const last = offsets.length > 0 ? offsets[offsets.length - 1]! + 1 : start + (quoted ? 1 : 0);
  // A block scalar with the default chomping keeps its last line break.
  if (`${value}\n` === node.value) {
    offsets.push(last);
    value += "\n";
  }
  if (value !== node.value) return undefined;
  offsets.push(offsets.length > 0 ? offsets[offsets.length - 1]! + 1 : last);
  return offsets;
}

function splitLines(text: string, offset: number): { text: string; offset: number }[] {
  const lines: { text: string; offset: number }[] = [];
  let at = offset;
  for (const line of text.split("\n")) {
    lines.push({ text: line, offset: at });
    at += line.length + 1;
  }
  return lines;
}
