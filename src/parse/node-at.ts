import { isMap, isPair, isScalar, isSeq, type Node, type Pair, type YAMLMap } from "yaml";
import type { DataPath } from "../diagnostics/diagnostic.js";
import type { SourceFile } from "./parse-workplan.js";

/** The YAML node a data path names and the key that introduced it; `node` is undefined past the data. */
export function nodeAt(source: SourceFile, path: DataPath): { node: unknown; key: Node | undefined; complete: boolean } {
  let node: unknown = source.document.contents;
  let key: Node | undefined;
  for (const segment of path) {
    let next: unknown;
    let nextKey: Node | undefined;
    if (isMap(node)) {
      const pair = pairOf(node, String(segment));
      if (pair) {
        next = pair.value;
        nextKey = pair.key as Node;
      }
    } else if (isSeq(node) && typeof segment === "number") {
      next = node.items[segment];
    }
    if (next === undefined) return { node: nextKey ? null : node, key: nextKey ?? key, complete: false };
    node = next;
    key = nextKey;
    if (next === null) return { node: null, key, complete: false };
  }
  return { node, key, complete: true };
}

/** Below this many pairs a mapping is searched; from it on, looked up in an index made once. */
const INDEX_FROM = 16;

/** Each large mapping's first pair for each scalar key, by the key as text, and how many pairs it had then. */
const indexes = new WeakMap<YAMLMap, { size: number; pairs: Map<string, Pair> }>();

/**
 * The first pair of a mapping whose scalar key reads `key`. Why an index: a diagnostic for each of a
 * mapping's 100,000 keys, each searching the mapping, made locating cost the square of the keys.
 */
function pairOf(map: YAMLMap, key: string): Pair | undefined {
  if (map.items.length < INDEX_FROM) return map.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === key);
  let index = indexes.get(map);
  // A mapping that gained or lost pairs since (a document being edited) is indexed again.
  if (index?.size !== map.items.length) {
    const pairs = new Map<string, Pair>();
    for (const item of map.items) {
      if (!isPair(item) || !isScalar(item.key)) continue;
      const text = String(item.key.value);
      if (!pairs.has(text)) pairs.set(text, item);
    }
    index = { size: map.items.length, pairs };
    indexes.set(map, index);
  }
  return index.pairs.get(key);
}
