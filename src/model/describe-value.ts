import type { DataPath } from "../diagnostics/diagnostic.js";

/** The value at a data path, or undefined when the path runs past the data. */
export function valueAt(data: unknown, path: DataPath): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** How a found value reads in a message: `the number 7`, `text "Consideraton"`, `a list`. */
export function describeValue(value: unknown): string {
  if (value === null) return "an empty value";
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return value.length === 0 ? "an empty list" : "a list";
  switch (typeof value) {
    case "string":
      return `text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value)}`;
    case "number":
      return `the number ${value}`;
    case "boolean":
      return `\`${value}\``;
    case "object":
      return "a mapping";
    default:
      return typeof value;
  }
}

const typeNames: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "a mapping",
};

/** How an expected zod type reads in a message. */
export const describeType = (type: string) => typeNames[type] ?? type;

/** `cover.meeting.date`, `deliverables[2].plan`: a data path as a reader writes it. */
export function formatPath(path: DataPath): string {
  return path.reduce<string>(
    (text, segment) => (typeof segment === "number" ? `${text}[${segment}]` : text ? `${text}.${segment}` : segment),
    "",
  );
}
