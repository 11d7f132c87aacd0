import { readFileSync } from "node:fs";
import { join } from "node:path";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { NO_PAINT } from "../../src/diagnostics/formatters/formatter.js";
import type { Change } from "../../src/diff/change.js";
import { diffWorkplans } from "../../src/diff/diff-workplans.js";
import type { DiffFormatOptions } from "../../src/diff/formats/formatter.js";
import { formatDiffHtml } from "../../src/diff/formats/html.js";
import { formatDiffJson } from "../../src/diff/formats/json.js";
import { formatDiffMarkdown } from "../../src/diff/formats/markdown.js";
import { formatDiffText } from "../../src/diff/formats/text.js";
import { expectHtmlGolden } from "../support/html-golden.js";
import { compile, ROOT, workplan2017 } from "../support/workplan.js";

// Golden files: update with `npx vitest run test/diff -u`, then read test/fixtures/diff/golden/ like code.
const file = join("test", "fixtures", "diff", "2018.yaml");
const w2017 = workplan2017();
const w2018 = compile(readFileSync(join(ROOT, file), "utf8"), file).workplan!;
const diff = diffWorkplans(w2017, w2018);
const plain: DiffFormatOptions = { paint: NO_PAINT, colour: false };
const golden = (name: string) => join(ROOT, "test", "fixtures", "diff", "golden", name);

const count = (text: string, pattern: RegExp) => (text.match(pattern) ?? []).length;

/**
 * The JSON diff as a golden a person can review, JSON Lines: the head (format, before, after,
 * summary) on the first line, then a line a change, each detail on a line of its own indented under
 * its change. Why: the pretty-printed JSON runs to some 1,500 lines, which nobody reads in review.
 */
function toJsonLines({ changes, ...head }: { changes: Change[] }): string {
  const lines = (change: Change, indent: string): string[] => {
    const { details, ...rest } = change;
    return details?.length
      ? [indent + JSON.stringify(rest), ...details.flatMap((d) => lines(d, `${indent}  `))]
      : [indent + JSON.stringify(change)];
  };
  return `${[JSON.stringify(head), ...changes.flatMap((c) => lines(c, ""))].join("\n")}\n`;
}

/** The JSON diff a golden of `toJsonLines` describes. */
function fromJsonLines(text: string): object {
  const [head, ...rest] = text.trimEnd().split("\n");
  const changes: Change[] = [];
  const lastAt: Change[] = [];
  for (const line of rest) {
    const depth = (line.length - line.trimStart().length) / 2;
    const change = JSON.parse(line) as Change;
    if (depth === 0) changes.push(change);
    else {
      const parent = lastAt[depth - 1]!;
      parent.details ??= [];
      parent.details.push(change);
    }
    lastAt[depth] = change;
  }
  return { ...JSON.parse(head!), changes };
}

describe("the diff of 2017 → 2018 in every format", () => {
  it("as text, without colour", async () => {
    const text = await formatDiffText(diff, plain);
    expect(text).not.toMatch(/\x1b\[/);
    expect(text).toContain("Deliverables: 3 carried over unchanged, 3 edited, 1 new, 2 dropped, 1 moved, 1 renamed\n");
    expect(text).toContain("[-Review-]{+Implementation+} [-and assessment -]of the CTWG Strategic Plan");
    expect(text).toContain("(moved from 1.4 to 1.7)");
    await expect(text).toMatchFileSnapshot(golden("2017-2018.txt"));
  });

  it("as Markdown", async () => {
    const md = await formatDiffMarkdown(diff, plain);
    expect(md).toContain("| carried over unchanged | 3 |");
    expect(md).toContain("<del>Review</del><ins>Implementation</ins>");
    await expect(md).toMatchFileSnapshot(golden("2017-2018.md"));
  });

  it("as JSON, in the documented shape", async () => {
    const json = await formatDiffJson(diff, plain);
    const parsed = JSON.parse(json);
    expect(Object.keys(parsed)).toEqual(["format", "before", "after", "summary", "changes"]);
    expect(parsed.format).toBe("ctwg-diff/1");
    expect(parsed.before).toEqual({ label: "2017", year: 2017 });
    expect(parsed.after).toEqual({ label: "2018", year: 2018 });
    expect(Object.keys(parsed.summary).sort()).toEqual(["added", "carriedOver", "changes", "edited", "moved", "removed", "renamed"]);
    const check = (change: Change) => {
      expect(["added", "removed", "changed", "moved", "renamed"]).toContain(change.kind);
      expect(["cover", "title", "introduction", "steps", "cross-cutting", "deliverables"]).toContain(change.section);
      expect(typeof change.label).toBe("string");
      for (const side of [change.before, change.after]) {
        if (side === null) continue;
        expect(Array.isArray(side.path)).toBe(true);
        for (const key of Object.keys(side)) expect(["path", "text", "index"]).toContain(key);
      }
      expect(change.before !== null || change.after !== null).toBe(true);
      for (const edit of change.edits ?? []) expect(["equal", "insert", "delete"]).toContain(edit.op);
      for (const key of Object.keys(change)) expect(["kind", "section", "label", "before", "after", "edits", "details"]).toContain(key);
      (change.details ?? []).forEach(check);
    };
    (parsed.changes as Change[]).forEach(check);
    expect(parsed.changes).toEqual(JSON.parse(JSON.stringify(diff.changes)));
    // The golden holds the value a line a change, for a reviewer; the output must be exactly what it describes.
    const lines = toJsonLines(parsed);
    await expect(lines).toMatchFileSnapshot(golden("2017-2018.jsonl"));
    expect(json).toBe(`${JSON.stringify(fromJsonLines(lines), null, 2)}\n`);
  });

  it("as an HTML redline of the whole plan", async () => {
    const html = await formatDiffHtml(diff, plain);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    expect(html).not.toMatch(/<script/i);
    expect(count(html, /<ins>/g)).toBe(count(html, /<\/ins>/g));
    expect(count(html, /<del>/g)).toBe(count(html, /<\/del>/g));
    expect(count(html, /<ins>/g)).toBeGreaterThan(20);
    expect(count(html, /<del>/g)).toBeGreaterThan(20);
    // The whole newer plan: every deliverable, numbered, and every area.
    for (const d of w2018.deliverables) expect(html).toContain(`id="deliverable-${d.id}"`);
    for (const n of [1, 2, 3, 4, 5, 6, 7]) expect(html).toContain(`<span class="number">1.${n}</span>`);
    for (const area of w2018.crossCutting.areas) expect(html).toContain(`<h3>${area.name}</h3>`);
    // Removed items stay in place, struck, unnumbered.
    expect(html).toContain(
      '<li id="deliverable-removed-tourism-security-workshop"><span class="number"></span> <span class="text"><del>Hold a workshop on Safeguarding',
    );
    expect(html).toContain(
      '<li id="deliverable-removed-vice-chair-election"><span class="number"></span> <span class="text"><del>Elect new CTWG Vice Chair for the period 2017-2018</del>',
    );
    expect(html).toContain('<tr id="plan-removed-tourism-security-workshop">');
    // The added item is marked inserted; text that differs only by the year is left unmarked.
    expect(html).toContain(
      '<span class="text"><ins>Hold a Policy Dialogue on Countering Violent Extremism Online in Port Moresby in May (tbc)</ins></span>',
    );
    expect(html).toContain("<p>In 2017, APEC Leaders in their declaration condemned terrorism");
    expect(html).toContain(
      '<span class="number">1.5</span> <span class="text">Hold 12th Counter Terrorism Working Group (CTWG) Meeting in Ho Chi Minh City in August</span>',
    );
    await expectHtmlGolden(html, golden("2017-2018.html"));
  });

  it("as Markdown that parses into the tables and lists it means", async () => {
    const tokens = new MarkdownIt({ html: true }).parse(await formatDiffMarkdown(diff, plain), {});
    expect(tokens.filter((t) => t.type === "table_open")).toHaveLength(2);
    expect(tokens.filter((t) => t.type === "html_block").map((t) => t.content.trim())).toEqual([
      "<details><summary><strong>edited</strong> · 1.1 Hold 11th Counter Terrorism Working Group (CTWG) Meeting in Port Moresb…</summary>",
      "</details>",
    ]);
  });
});
