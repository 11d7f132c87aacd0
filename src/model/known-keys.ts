import type { z } from "zod";
import type { DataPath } from "../diagnostics/diagnostic.js";

// Why reach into `_zod.def`: zod has no public walker, and did-you-mean needs the keys an object
// at a given data path may hold. The def shapes used here are stable across zod 4 releases.
interface Def {
  type: string;
  checks?: { _zod: { def: { check: string; minimum?: number } } }[];
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  getter?: () => z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
}
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The schemas a value at `path` may be checked against (several where a union allows several shapes). */
export function schemasAt(root: z.ZodType, path: DataPath): z.ZodType[] {
  let current = unwrap(root);
  for (const segment of path) {
    const next: z.ZodType[] = [];
    for (const schema of current) {
      const def = defOf(schema);
      const key = def.type === "object" && typeof segment === "string" ? shapeKey(def, segment) : undefined;
      if (key) next.push(key);
      if (def.type === "array" && typeof segment === "number" && def.element) next.push(def.element);
    }
    current = next.flatMap(unwrap);
  }
  return current;
}

/** The schema of an object's key; own keys only, so a key named `constructor` finds nothing. */
const shapeKey = (def: Def, key: string) => (def.shape && Object.hasOwn(def.shape, key) ? def.shape[key] : undefined);

/** Every key an object at `path` may hold. */
export function knownKeysAt(root: z.ZodType, path: DataPath): string[] {
  return schemasAt(root, path).flatMap((schema) => Object.keys(defOf(schema).shape ?? {}));
}

/** Types that turn a value of another kind away with a plain type error, as the other options of a union must. */
const TYPE_CHECKED = new Set(["string", "number", "boolean", "bigint", "null", "undefined", "object", "array"]);

/**
 * The schema of the items of the array at `path` in `data`, when checking those items one at a time
 * finds what checking the whole file would; otherwise undefined. That holds when, from the top down
 * to the array, each value has exactly one schema of its own kind (mapping or list), any other
 * option of a union turns it away by type alone, and the array checks nothing of its own but a
 * minimum of at most one item. Why so strict: a union with two options of one kind explains the
 * option closest to what was written, and checking items apart could change which one that is.
 */
export function itemSchemaAt(root: z.ZodType, data: unknown, path: DataPath): z.ZodType | undefined {
  let options = unwrap(root);
  let value = data;
  for (let depth = 0; ; depth++) {
    const kind = Array.isArray(value) ? "array" : value !== null && typeof value === "object" ? "object" : undefined;
    const own = options.filter((schema) => defOf(schema).type === kind);
    if (!kind || own.length !== 1 || !options.every((schema) => schema === own[0] || TYPE_CHECKED.has(defOf(schema).type)))
      return undefined;
    const def = defOf(own[0]!);
    if (depth === path.length) {
      const checks = def.checks ?? [];
      const minimumOnly = checks.every(({ _zod }) => _zod.def.check === "min_length" && (_zod.def.minimum ?? 0) <= 1);
      return kind === "array" && minimumOnly ? def.element : undefined;
    }
    const segment = path[depth]!;
    const next =
      kind === "object"
        ? typeof segment === "string"
          ? shapeKey(def, segment)
          : undefined
        : typeof segment === "number"
          ? def.element
          : undefined;
    if (!next) return undefined;
    options = unwrap(next);
    value = (value as Record<string | number, unknown>)[segment];
  }
}

function unwrap(schema: z.ZodType): z.ZodType[] {
  const def = defOf(schema);
  if (def.innerType) return unwrap(def.innerType);
  if (def.type === "lazy" && def.getter) return unwrap(def.getter());
  if (def.type === "pipe" && def.in) return unwrap(def.in);
  if (def.type === "union" && def.options) return def.options.flatMap(unwrap);
  return [schema];
}
