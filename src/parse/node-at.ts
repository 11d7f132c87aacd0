import { isMap, isPair, isScalar, isSeq, type Node } from "yaml";
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
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
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

