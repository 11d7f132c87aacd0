import { visible } from "../../diagnostics/visible.js";
import { itemName } from "../../model/labels.js";
import type { Change, Section, WorkplanDiff } from "../change.js";
import { withContext } from "../edits-context.js";
import type { DiffFormatter } from "./formatter.js";

const SECTION_TITLES: Record<Section, string> = {
  cover: "Cover",
  title: "Title",
  introduction: "Introduction",
  steps: "Steps",
  "cross-cutting": "Cross-cutting areas",
  deliverables: "Deliverables",
};

const MARKS: Record<Change["kind"], string> = { added: "+", removed: "-", changed: "~", moved: "↕", renamed: "→" };

/**
 * The diff for a terminal: a summary, then the changes by section, each changed text as a word
 * diff with some context. Without colour, deletions read `[-…-]` and insertions `{+…+}`, as in
 * `git diff --word-diff`. Every text from the plans is printed with its control characters made
 * visible (`\u{1b}`), so a plan cannot drive the terminal it is shown on.
 */
export const formatDiffText: DiffFormatter = (diff, { paint, colour }) => {
  const lines: string[] = [paint.bold(`--- ${visible(diff.before.label)}`), paint.bold(`+++ ${visible(diff.after.label)}`), ""];
  if (diff.changes.length === 0) return `${lines.join("\n")}No differences.\n`;
  lines.push(summaryLine(diff), "");
  const del = (text: string) => (colour ? paint.deleted(visible(text)) : `[-${visible(text)}-]`);
  const ins = (text: string) => (colour ? paint.inserted(visible(text)) : `{+${visible(text)}+}`);
  const editsText = (change: Change) =>
    withContext(change.edits ?? [])
      .map((e) => (e.op === "elided" ? paint.dim("…") : e.op === "equal" ? visible(e.text) : e.op === "insert" ? ins(e.text) : del(e.text)))
      .join("");
  const describe = (change: Change, indent: string): string[] => {
    const mark = { added: paint.accent, removed: paint.error, changed: paint.warning, moved: paint.info, renamed: paint.warning }[
      change.kind
    ](MARKS[change.kind]);
    const where =
      change.kind === "moved"
        ? paint.dim(` (moved from ${position(diff, change, "before")} to ${position(diff, change, "after")})`)
        : change.kind === "removed" && change.section === "deliverables"
          ? paint.dim(" (dropped)")
          : change.kind === "added" && change.section === "deliverables"
            ? paint.dim(" (new)")
            : "";
    const head = `${indent}${mark} ${visible(change.label)}${where}`;
    const body: string[] = [];
    if (change.edits) body.push(`${indent}    ${editsText(change)}`);
    else if (change.kind === "added" && change.after?.text && !change.label.endsWith(change.after.text))
      body.push(`${indent}    ${ins(change.after.text)}`);
    else if (change.kind === "removed" && change.before?.text && !change.label.endsWith(change.before.text))
      body.push(`${indent}    ${del(change.before.text)}`);
    return [head, ...body, ...(change.details ?? []).flatMap((detail) => describe(detail, `${indent}    `))];
  };
  let section: Section | undefined;
  for (const change of diff.changes) {
    if (change.section !== section) {
      section = change.section;
      lines.push(paint.bold(SECTION_TITLES[section]));
    }
    lines.push(...describe(change, "  "));
  }
  return `${lines.join("\n")}\n`;
};

/** "Deliverables: 3 carried over, 3 edited, 1 new, 2 dropped, 1 moved, 1 renamed". */
export function summaryLine(diff: WorkplanDiff): string {
  const s = diff.summary;
  const parts = [
    `${s.carriedOver} carried over unchanged`,
    `${s.edited} edited`,
    `${s.added} new`,
    `${s.removed} dropped`,
    ...(s.moved ? [`${s.moved} moved`] : []),
    ...(s.renamed ? [`${s.renamed} renamed`] : []),
  ];
  return `Deliverables: ${parts.join(", ")}`;
}

/** Where a moved item stood: a deliverable by its label in that side's plan ("1.4", "Activity 4"), an area as "#2". */
function position(diff: WorkplanDiff, change: Change, side: "before" | "after"): string {
  const index = change[side]?.index;
  if (index === undefined) return "?";
  return change.section === "deliverables" ? visible(itemName(diff.plans[side], index)) : `#${index + 1}`;
}
