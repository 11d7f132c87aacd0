import type { z } from "zod";
import type { DataPath } from "../diagnostics/diagnostic.js";

// Why reach into `_zod.def`: zod has no public walker, and did-you-mean needs the keys an object
// at a given data path may hold. The def shapes used here are stable across zod 4 releases.
interface Def {
  type: string;
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
      if (def.type === "object" && typeof segment === "string" && def.shape?.[segment]) next.push(def.shape[segment]!);
      if (def.type === "array" && typeof segment === "number" && def.element) next.push(def.element);
    }
    current = next.flatMap(unwrap);
  }
  return current;
}

/** Every key an object at `path` may hold. */
export function knownKeysAt(root: z.ZodType, path: DataPath): string[] {
  return schemasAt(root, path).flatMap((schema) => Object.keys(defOf(schema).shape ?? {}));
}

function unwrap(schema: z.ZodType): z.ZodType[] {
  const def = defOf(schema);
  if (def.innerType) return unwrap(def.innerType);
  if (def.type === "lazy" && def.getter) return unwrap(def.getter());
  if (def.type === "pipe" && def.in) return unwrap(def.in);
  if (def.type === "union" && def.options) return def.options.flatMap(unwrap);
  return [schema];
}
