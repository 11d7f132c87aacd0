import type { z } from "zod";
import { didYouMean } from "../diagnostics/did-you-mean.js";
import type { DataPath, Diagnostic, Result } from "../diagnostics/diagnostic.js";
import { locate, type Target } from "../parse/locate.js";
import type { SourceFile } from "../parse/parse-workplan.js";
import { describeType, describeValue, formatPath, valueAt } from "./describe-value.js";
import { knownKeysAt } from "./known-keys.js";

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
  const parsed = document.schema.safeParse(source.data);
  if (parsed.success) return { value: parsed.data, diagnostics: [] };
  const explain = (issue: Issue) => explainIssue(issue, source.data, document);
  const diagnostics = withoutSuggestedMissingKeys(parsed.error.issues.flatMap(explain));
  return {
    value: undefined,
    diagnostics: diagnostics.map(({ target, missingKey: _missing, suggestion: _suggestion, ...d }) => {
      const span = locate(source, d.path, target);
      return { ...d, file: source.file, ...(span ? { span } : {}) };
    }),
  };
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
    case "unrecognized_keys":
      return issue.keys.map((key) => {
        const known = knownKeysAt(document.schema, path);
        const suggestion = didYouMean(key, known);
        return {
          ruleId: "schema/unknown-key",
          severity: "error",
          message: `unknown key \`${shorten(key)}\` in ${name}`,
          path: [...path, key],
          target: "key",
          hint: suggestion ? `did you mean \`${suggestion}\`?` : `keys allowed here: ${known.map((k) => `\`${k}\``).join(", ")}`,
          ...(suggestion ? { suggestion } : {}),
        } satisfies Explained;
      });
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
        hint: `put the text in quotes: "${textReadAsKey.length > 30 ? "…" + textReadAsKey.slice(-30) : textReadAsKey}:"`,
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
      (inner.code === "invalid_type" || (inner.code === "invalid_union" && inner.errors.every((nested) => isTypeMismatch(nested as Issue[])))),
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
  return expected.length > 1 ? `${expected.slice(0, -1).join(", ")} or ${expected[expected.length - 1]}` : expected[0] ?? "another shape";
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
  const suggested = new Set(
    explained.flatMap((d) => (d.suggestion ? [`${formatPath(d.path.slice(0, -1))}\u0000${d.suggestion}`] : [])),
  );
  return explained.filter((d) => !d.missingKey || !suggested.has(`${formatPath(d.path)}\u0000${d.missingKey}`));
}
