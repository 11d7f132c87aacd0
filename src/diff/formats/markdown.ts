import { escapeInline } from "../../render/markdown-escape.js";
import type { Change } from "../change.js";
import { withContext } from "../edits-context.js";
import type { DiffFormatter } from "./formatter.js";

const KIND_NAMES: Record<Change["kind"], string> = {
  added: "new",
  removed: "dropped",
  changed: "edited",
  moved: "moved",
  renamed: "renamed",
};
/** Details longer than this many lines fold into <details>, so a pull-request comment stays scannable. */
const FOLD_AFTER_LINES = 4;

/**
 * The diff as a pull-request comment: a table of counts, a table of the deliverables that changed,
 * then each change with its words struck and inserted; long ones folded in <details>. All text from
 * the plans is escaped, so a plan cannot inject markup into the comment.
 */
export const formatDiffMarkdown: DiffFormatter = (diff) => {
  const e = escapeInline;
  const out: string[] = [`### Workplan changes: ${e(diff.before.label)} → ${e(diff.after.label)}`, ""];
  if (diff.changes.length === 0) return `${out.join("\n")}No differences.\n`;
  const s = diff.summary;
  out.push("| Deliverables | |", "|---|--:|");
  for (const [name, n] of [
    ["carried over unchanged", s.carriedOver],
    ["edited", s.edited],
    ["new", s.added],
    ["dropped", s.removed],
    ["moved", s.moved],
    ["renamed", s.renamed],
  ] as const) {
    out.push(`| ${name} | ${n} |`);
  }
  out.push("");
  const items = diff.changes.filter((c) => c.section === "deliverables");
  if (items.length) {
    out.push("| | Deliverable |", "|---|---|");
    for (const change of items) out.push(`| ${KIND_NAMES[change.kind]} | ${e(change.label)} |`);
    out.push("");
  }
  out.push("#### Details", "");
  for (const change of diff.changes) {
    const body = [...describe(change)];
    for (const detail of change.details ?? []) body.push(...describe(detail).map((line) => (line ? `  ${line}` : line)));
    if (body.length > FOLD_AFTER_LINES) {
      // Inside <details> the title is HTML, not Markdown: escaped as HTML, emphasised with a tag.
      out.push(
        `<details><summary><strong>${KIND_NAMES[change.kind]}</strong> · ${escapeHtml(change.label)}</summary>`,
        "",
        ...body,
        "",
        "</details>",
        "",
      );
    } else {
      out.push(`- **${KIND_NAMES[change.kind]}** · ${e(change.label)}`, ...body.map((line) => `  ${line}`), "");
    }
  }
  return `${out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trimEnd()}\n`;
};

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function describe(change: Change): string[] {
  const e = escapeInline;
  if (change.edits) {
    const text = withContext(change.edits)
      .map((edit) =>
        edit.op === "elided"
          ? "…"
          : edit.op === "equal"
            ? e(edit.text)
            : edit.op === "insert"
              ? `<ins>${e(edit.text)}</ins>`
              : `<del>${e(edit.text)}</del>`,
      )
      .join("");
    return [`- ${e(change.label)}: ${text}`];
  }
  if (change.kind === "moved") return [`- moved from position ${(change.before?.index ?? 0) + 1} to ${(change.after?.index ?? 0) + 1}`];
  if (change.kind === "added" && change.after?.text) return [`- <ins>${e(change.after.text)}</ins>`];
  if (change.kind === "removed" && change.before?.text) return [`- <del>${e(change.before.text)}</del>`];
  return [];
}
