import type { z } from "zod";
import { firstOfEach } from "../diagnostics/first-of-each.js";
import { didYouMean } from "../diagnostics/did-you-mean.js";
import type { DataPath, Diagnostic, Result } from "../diagnostics/diagnostic.js";
import { MAX_REPORTED, notReported } from "../diagnostics/report-limit.js";
import { locate, type Target } from "../parse/locate.js";
import type { SourceFile } from "../parse/parse-workplan.js";
import { describeType, describeValue, formatPath, valueAt } from "./describe-value.js";
import { itemSchemaAt, knownKeysAt } from "./known-keys.js";

type Issue = z.core.$ZodIssue;

/** What the file is, for messages about its top level: "the workplan", "the configuration". */
export interface Document<T> {
  schema: z.ZodType<T>;
  /** "workplan", "configuration" */
  name: string;
  /** "a workplan: a mapping of keys (year, cover, …)" */
  expected: string;
  /** How to start a file of this kind from scratch. */
  emptyHint: string;
}

/**
 * Checks parsed YAML against a zod schema; every problem becomes a located diagnostic with what was
 * found, what was expected, and a "did you mean" where one helps. All problems are reported at once.
 */
export function validateSource<T>(source: SourceFile, document: Document<T>): Result<T> {
  if (source.data === null || source.data === undefined) {
    return {
      value: undefined,
      diagnostics: [
        {
          ruleId: "schema/empty-file",
          severity: "error",
          message: `the file holds no ${document.name}: it is empty or only comments`,
          file: source.file,
          path: [],
          span: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
          hint: document.emptyHint,
        },
      ],
    };
  }
  const budget: Budget = { kept: 0, more: 0 };
  const checked = check(document.schema, source.data, budget);
  if (checked.success) return { value: checked.data as T, diagnostics: [] };
  const { explained, more } = explainAll(checked.issues, source.data, document);
  const diagnostics = distinctExplained(withoutSuggestedMissingKeys(explained)).map(
    ({ target, missingKey: _missing, suggestion: _suggestion, ...d }) => {
      const span = locate(source, d.path, target);
      return { ...d, file: source.file, ...(span ? { span } : {}) };
    },
  );
  const unreported = more + budget.more;
  if (unreported > 0) diagnostics.push(notReported(source.file, unreported, "error", "problems of the file format"));
  return { value: undefined, diagnostics };
}

/** How many issues a check keeps (at most MAX_REPORTED), and how many more it only counted. */
interface Budget {
  kept: number;
  more: number;
}

type Checked = { success: true; data: unknown } | { success: false; issues: Issue[] };

/** Lists from this many items on are checked an item at a time. */
const ITEM_BY_ITEM_FROM = 1000;

/**
 * The data checked against the schema: its value, or the schema's issues, as `safeParse` gives
 * them, but with long lists checked an item at a time and at most MAX_REPORTED issues kept.
 * Why: zod keeps every issue of one parse, in several copies, until it returns; 150,000 list
 * items with a problem each cost it 3 s and 740 MB. An item at a time, the memory is one item's.
 * A list whose items all pass is checked again with the rest, so a valid plan gets zod's own value.
 */
function check(schema: z.ZodType, data: unknown, budget: Budget): Checked {
  const lists = longLists(schema, data);
  // Each list with a failing item stands in the rest of the file as that item alone, so every check
  // around it sees a list with a problem, as it would in the whole file.
  const firstFailing = lists.map((list) => list.items.findIndex((item) => !check(list.itemSchema, item, { kept: 0, more: 0 }).success));
  if (firstFailing.every((first) => first === -1)) return fullCheck(schema, data, budget);
  const rest = lists.reduce((copy, list, k) => withValueAt(copy, list.path, [list.items[Math.max(0, firstFailing[k]!)]]), data);
  const restChecked = fullCheck(schema, rest, budget);
  const moved = lists.flatMap((list, k) => (firstFailing[k]! > 0 ? [{ path: list.path, index: firstFailing[k]! }] : []));
  let issues = restChecked.success ? [] : restChecked.issues.map((issue) => renumbered(issue, [], moved));
  lists.forEach((list, k) => {
    const first = firstFailing[k]!;
    if (first === -1) return;
    const more: Issue[] = [];
    for (let i = first + 1; i < list.items.length; i++) {
      const checked = check(list.itemSchema, list.items[i], budget);
      if (!checked.success) for (const issue of checked.issues) more.push({ ...issue, path: [...list.path, i, ...issue.path] } as Issue);
    }
    issues = spliced(issues, more, list.path);
  });
  return { success: false, issues };
}

/** One `safeParse`, its issues counted into the budget and kept up to its limit. */
function fullCheck(schema: z.ZodType, data: unknown, budget: Budget): Checked {
  const parsed = schema.safeParse(data);
  if (parsed.success) return { success: true, data: parsed.data };
  const room = Math.max(0, MAX_REPORTED - budget.kept);
  const kept = parsed.error.issues.slice(0, room);
  budget.kept += kept.length;
  budget.more += parsed.error.issues.length - kept.length;
  return { success: false, issues: kept };
}

interface LongList {
  path: DataPath;
  items: unknown[];
  itemSchema: z.ZodType;
}

/**
 * The lists of at least ITEM_BY_ITEM_FROM items whose items can be checked apart (see itemSchemaAt),
 * outermost first; the lists inside their items are found when each item is checked.
 */
function longLists(schema: z.ZodType, data: unknown): LongList[] {
  const found: LongList[] = [];
  const stack: { value: unknown; path: DataPath }[] = [{ value: data, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== "object") continue;
    if (Array.isArray(value) && value.length >= ITEM_BY_ITEM_FROM) {
      const itemSchema = itemSchemaAt(schema, data, path);
      if (itemSchema) {
        found.push({ path, items: value, itemSchema });
        continue;
      }
    }
    const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((item, i) => [i, item]) : Object.entries(value);
    for (let i = entries.length - 1; i >= 0; i--) stack.push({ value: entries[i]![1], path: [...path, entries[i]![0]] });
  }
  return found;
}

/** A copy of `data` with the value at `path` replaced, copying only the mappings and lists on the way. */
function withValueAt(data: unknown, path: DataPath, value: unknown): unknown {
  if (path.length === 0) return value;
  const [segment, ...rest] = path;
  if (Array.isArray(data)) {
    const copy = [...data];
    copy[segment as number] = withValueAt(data[segment as number], rest, value);
    return copy;
  }
  const record = data as Record<string, unknown>;
  return { ...record, [segment!]: withValueAt(record[segment as string], rest, value) };
}

/**
 * An issue of the rest of the file with the paths into a stand-in item (index 0 of its list) put
 * back to that item's own index, in its nested union branches too.
 */
function renumbered(issue: Issue, base: DataPath, moved: readonly { path: DataPath; index: number }[]): Issue {
  let path = issue.path as DataPath;
  for (const { path: list, index } of moved) {
    const at = list.length - base.length;
    if (at < 0 || at >= path.length || path[at] !== 0) continue;
    const full = [...base, ...path];
    if (list.every((segment, i) => full[i] === segment)) path = [...path.slice(0, at), index, ...path.slice(at + 1)];
  }
  if (issue.code !== "invalid_union") return { ...issue, path } as Issue;
  const inner = [...base, ...path];
  return {
    ...issue,
    path,
    errors: issue.errors.map((branch) => branch.map((nested) => renumbered(nested as Issue, inner, moved))),
  } as Issue;
}

/** `more` put after the last issue about the list at `path` or what holds it, or at the end. */
function spliced(issues: Issue[], more: Issue[], path: DataPath): Issue[] {
  if (more.length === 0) return issues;
  const related = (issue: Issue) => {
    const own = issue.path as DataPath;
    const shorter = Math.min(own.length, path.length);
    return own.slice(0, shorter).every((segment, i) => segment === path[i]);
  };
  let at = issues.length;
  for (let i = issues.length - 1; i >= 0; i--) {
    if (related(issues[i]!)) {
      at = i + 1;
      break;
    }
  }
  return [...issues.slice(0, at), ...more, ...issues.slice(at)];
}

/**
 * The issues explained, up to MAX_REPORTED diagnostics, and how many issues (or unknown keys) were
 * left unexplained. Why a limit here too: one issue can name 190,000 unknown keys.
 */
function explainAll(issues: readonly Issue[], data: unknown, document: Document<unknown>): { explained: Explained[]; more: number } {
  const explained: Explained[] = [];
  let more = 0;
  for (const issue of issues) {
    const room = MAX_REPORTED - explained.length;
    if (room <= 0) {
      more += issue.code === "unrecognized_keys" ? issue.keys.length : 1;
      continue;
    }
    const keys = issue.code === "unrecognized_keys" ? issue.keys : undefined;
    const limited = keys && keys.length > room ? ({ ...issue, keys: keys.slice(0, room) } as Issue) : issue;
    if (keys && keys.length > room) more += keys.length - room;
    for (const one of explainIssue(limited, data, document)) explained.push(one);
  }
  return { explained, more };
}

/**
 * Each explanation once. Why: a file's problems can repeat exactly (the same unknown key found by
 * two branches of a union), and locating costs more than comparing.
 */
function distinctExplained(explained: readonly Explained[]): Explained[] {
  return firstOfEach(explained, (d) => JSON.stringify([d.ruleId, d.message, d.hint ?? null, d.target, d.path]));
}

/** A key or value as quoted in a message: a long one is cut, so one line stays one line. */
const shorten = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

type Explained = Omit<Diagnostic, "file" | "span"> & { target: Target; missingKey?: string; suggestion?: string };

function explainIssue(issue: Issue, data: unknown, document: Document<unknown>): Explained[] {
  const path = issue.path as DataPath;
  const found = valueAt(data, path);
  const name = path.length ? `\`${formatPath(path)}\`` : "the file";
  const error = (ruleId: string, message: string, hint?: string, target: Target = "value"): Explained => ({
    ruleId,
    severity: "error",
    message,
    path,
    target,
    ...(hint ? { hint } : {}),
  });

  switch (issue.code) {
    case "unrecognized_keys": {
      const known = knownKeysAt(document.schema, path);
      const allowed = `keys allowed here: ${known.map((k) => `\`${k}\``).join(", ")}`;
      return issue.keys.map((key) => {
        const suggestion = didYouMean(key, known);
        return {
          ruleId: "schema/unknown-key",
          severity: "error",
          message: `unknown key \`${shorten(key)}\` in ${name}`,
          path: [...path, key],
          target: "key",
          hint: suggestion ? `did you mean \`${suggestion}\`?` : allowed,
          ...(suggestion ? { suggestion } : {}),
        } satisfies Explained;
      });
    }
    case "invalid_type": {
      const expected = describeType(issue.expected);
      if (found === undefined) return [missingKey(path, expected)];
      const quoteHint =
        issue.expected === "string" && (typeof found === "number" || typeof found === "boolean")
          ? `YAML read this as ${typeof found === "number" ? "a number" : "true/false"}; quote it to keep it as text: "${String(found)}"`
          : undefined;
      if (path.length === 0) {
        return [error("schema/wrong-type", `expected ${document.expected}, found ${describeValue(found)}`, document.emptyHint)];
      }
      return [error("schema/wrong-type", `${name}: expected ${expected}, found ${describeValue(found)}`, quoteHint)];
    }
    case "invalid_value": {
      const allowed = issue.values.map(String);
      const suggestion = typeof found === "string" ? didYouMean(found, allowed) : undefined;
      return [
        error(
          "schema/invalid-value",
          `${name}: expected one of ${allowed.join(", ")}; found ${describeValue(found)}`,
          suggestion ? `did you mean \`${suggestion}\`?` : undefined,
        ),
      ];
    }
    case "invalid_union":
      return explainUnion(issue, data, name, found, document);
    case "too_small":
    case "too_big": {
      const inclusive = (issue as { inclusive?: boolean }).inclusive !== false;
      const bound = issue.code === "too_small" ? (inclusive ? "at least" : "greater than") : inclusive ? "at most" : "less than";
      const limit = issue.code === "too_small" ? issue.minimum : issue.maximum;
      const custom = !issue.message.startsWith("Too ") ? issue.message : undefined;
      const message =
        custom ??
        (issue.origin === "number" || issue.origin === "int"
          ? `expected a number ${bound} ${String(limit)}, found ${describeValue(found)}`
          : `expected ${bound} ${String(limit)} ${issue.origin === "array" ? "items" : "characters"}`);
      return [error(`schema/${issue.code === "too_small" ? "too-small" : "too-big"}`, `${name}: ${message}`)];
    }
    case "invalid_format":
      return [error("schema/invalid-format", `${name}: ${issue.message}; found ${describeValue(found)}`)];
    default:
      return [error("schema/invalid-value", `${name}: ${issue.message}`)];
  }
}

/**
 * A union failed every branch. Why the branch search: "expected text or a list or a mapping" is
 * vague when the author clearly wrote a mapping with one misspelt key, so prefer the branch whose
 * shape matches what was written and report its problems.
 */
function explainUnion(
  issue: Extract<Issue, { code: "invalid_union" }>,
  data: unknown,
  name: string,
  found: unknown,
  document: Document<unknown>,
): Explained[] {
  if (found === undefined) return [missingKey(issue.path as DataPath, expectedOf(issue.errors))];
  const textReadAsKey = proseKey(found);
  if (textReadAsKey !== undefined && expectedOf(issue.errors).includes("text")) {
    return [
      {
        ruleId: "schema/wrong-type",
        severity: "error",
        message: `${name}: expected text, found a mapping: the text ends with ":", so YAML read it as a key`,
        path: issue.path as DataPath,
        target: "value",
        hint: `put the text in quotes: "${textReadAsKey.length > 30 ? `…${textReadAsKey.slice(-30)}` : textReadAsKey}:"`,
      },
    ];
  }
  const shapeMatches = issue.errors.filter((branch) => branch.length > 0 && !isTypeMismatch(branch));
  if (shapeMatches.length > 0) {
    const best = shapeMatches.reduce((a, b) => (branchScore(b) < branchScore(a) ? b : a));
    return best.flatMap((inner) => explainIssue({ ...inner, path: [...issue.path, ...inner.path] } as Issue, data, document));
  }
  return [
    {
      ruleId: "schema/wrong-type",
      severity: "error",
      message: `${name}: expected ${expectedOf(issue.errors)}, found ${describeValue(found)}`,
      path: issue.path as DataPath,
      target: "value",
    },
  ];
}

/**
 * The key of a mapping that is really a sentence: one key, with spaces, and no value. That is what
 * YAML makes of an unquoted list item ending in a colon ("- The meeting will discuss among other:").
 */
function proseKey(value: unknown): string | undefined {
  if (!value || typeof value !== "object" || Array.isArray(value)) return undefined;
  const entries = Object.entries(value);
  if (entries.length !== 1) return undefined;
  const [key, inner] = entries[0]!;
  return inner === null && /\s/.test(key) ? key : undefined;
}

/** A branch that failed only because the value has another type (a mapping where text goes), nested unions included. */
function isTypeMismatch(branch: readonly Issue[]): boolean {
  return branch.every(
    (inner) =>
      inner.path.length === 0 &&
      (inner.code === "invalid_type" ||
        (inner.code === "invalid_union" && inner.errors.every((nested) => isTypeMismatch(nested as Issue[])))),
  );
}

/**
 * How far a value is from a branch: its number of problems, less a half when one of its unknown
 * keys is a misspelling of one of its missing keys (`theem` for `theme`), which makes that branch
 * the one the author meant.
 */
function branchScore(branch: readonly Issue[]): number {
  const missing = branch.flatMap((inner) => (inner.code === "invalid_type" && inner.path.length === 1 ? [String(inner.path[0])] : []));
  const unknown = branch.flatMap((inner) => (inner.code === "unrecognized_keys" ? inner.keys : []));
  const misspelt = unknown.some((key) => didYouMean(key, missing) !== undefined);
  return branch.length - (misspelt ? 0.5 : 0);
}

/** "text, a list or a mapping": the shapes a union accepts, from its branches' type errors. */
function expectedOf(branches: readonly (readonly Issue[])[]): string {
  const collect = (issues: readonly Issue[]): string[] =>
    issues.flatMap((inner) =>
      inner.path.length > 0
        ? []
        : inner.code === "invalid_type"
          ? [describeType(inner.expected)]
          : inner.code === "invalid_union"
            ? inner.errors.flatMap((nested) => collect(nested as Issue[]))
            : [],
    );
  const expected = [...new Set(branches.flatMap(collect))];
  return expected.length > 1 ? `${expected.slice(0, -1).join(", ")} or ${expected[expected.length - 1]}` : (expected[0] ?? "another shape");
}

/** A required key is absent: point at the mapping that should hold it. */
function missingKey(path: DataPath, expected: string): Explained {
  const key = String(path[path.length - 1]);
  const parent = path.slice(0, -1);
  const where = parent.length ? ` in \`${formatPath(parent)}\`` : "";
  return {
    ruleId: "schema/missing-key",
    severity: "error",
    message: `missing \`${key}\`${where}: expected ${expected}`,
    path: parent,
    target: "key",
    hint: `add \`${key}:\`${parent.length ? ` under \`${formatPath(parent)}\`` : " at the top level"}`,
    missingKey: key,
  };
}

/**
 * A misspelt key shows up twice, as an unknown key and as a missing one; the unknown key's
 * "did you mean" already says both, so the missing-key report is dropped.
 */
function withoutSuggestedMissingKeys(explained: Explained[]): Explained[] {
  const suggested = new Set(explained.flatMap((d) => (d.suggestion ? [`${formatPath(d.path.slice(0, -1))}\u0000${d.suggestion}`] : [])));
  return explained.filter((d) => !d.missingKey || !suggested.has(`${formatPath(d.path)}\u0000${d.missingKey}`));
}
