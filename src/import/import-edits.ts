import { diffArrays } from "diff";
import { isScalar } from "yaml";
import type { DataPath, Diagnostic, Severity } from "../diagnostics/diagnostic.js";
import { withoutInvisible } from "../model/invisible.js";
import { nodeAt } from "../parse/node-at.js";
import type { SourceFile } from "../parse/parse-workplan.js";
import { bookmarkPath } from "../render/docx/bookmark-names.js";
import type { WordDocument, WordParagraph } from "./word-document.js";
import { wordFields, type FieldText, type ParagraphShape } from "./word-fields.js";
import type { FieldEdit } from "./yaml-edits.js";

/**
 * The edits a Word file carries, as changes to the workplan's strings: the file a delegate edited
 * (`user`) against the one ctwg writes from the plan now (`fresh`). Each bookmark is a string of
 * the plan; its text now is the string's new value. Words typed just outside a bookmark, at its
 * edge, belong to it (Word leaves text typed at a bookmark's end outside it). Everything else that
 * differs (a new paragraph, text changed that the layout prints, a string's text deleted with its
 * bookmark, formatting) is reported with where it is in the Word file, so nothing is lost unseen.
 */
export function importEdits(
  user: WordDocument,
  fresh: WordDocument,
  source: SourceFile,
  docxFile: string,
): { edits: FieldEdit[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const report = (severity: Severity, ruleId: string, message: string, hint: string, path: DataPath = []) =>
    diagnostics.push({ ruleId: `import/${ruleId}`, severity, message, hint, file: docxFile, path });
  const now = wordFields(user);
  const was = wordFields(fresh);
  const extra = attributeEdges(now.shapes, was.shapes, report);
  reportLayoutChanges(now.shapes, was.shapes, report);

  // Each string's new text, from every place it is printed.
  const texts = new Map<string, { path: DataPath; before: string; after: Set<string>; where: FieldText }>();
  for (const [name, old] of was.fields) {
    const decoded = bookmarkPath(name);
    if (!decoded) continue;
    const field = now.fields.get(name);
    if (!field) {
      if (old.text.trim())
        report(
          "error",
          "deleted-text",
          `the text "${snippet(old.text)}" is no longer in the Word file (its bookmark ${name} was deleted with it)`,
          "ctwg cannot delete a workplan entry through Word: remove it from the YAML, or undo the deletion in Word",
          decoded.path,
        );
      continue;
    }
    const after = (extra.get(name)?.before ?? "") + field.text + (extra.get(name)?.after ?? "");
    if (field.paragraphs > 1) {
      report(
        "error",
        "split-text",
        `${where(field.paragraph)}: the text of one workplan entry now runs over ${field.paragraphs} paragraphs ("${snippet(after)}")`,
        "an entry holds one paragraph: join them in Word, or add the new paragraph to the YAML as an entry of its own",
        decoded.path,
      );
      continue;
    }
    const added = [...field.looks].filter((look) => !old.looks.has(look) && !(old.looks.size === 0 && look === ""));
    if (added.length)
      report(
        "warning",
        "formatting",
        `${where(field.paragraph)}: formatting (${added.map((l) => l || "plain").join(", ")}) on "${snippet(field.text)}" is not carried back`,
        "the workplan marks only emphasis: write { em: … } in the YAML for italics",
        decoded.path,
      );
    const key = JSON.stringify(decoded.path);
    const entry = texts.get(key) ?? { path: decoded.path, before: old.text, after: new Set<string>(), where: field };
    if (after !== old.text) entry.after.add(after);
    texts.set(key, entry);
  }

  const edits: FieldEdit[] = [];
  for (const { path, before, after, where: field } of texts.values()) {
    if (after.size === 0) continue;
    if (after.size > 1) {
      report(
        "error",
        "conflict",
        `${where(field.paragraph)}: one workplan entry is printed twice and was edited differently in each place: ${[...after].map((a) => `"${snippet(a)}"`).join(" and ")}`,
        "make the two places say the same, or edit the YAML",
        path,
      );
      continue;
    }
    const { node } = nodeAt(source, path);
    if (!isScalar(node) || typeof node.value !== "string" || withoutInvisible(node.value) !== before) {
      report(
        "error",
        "unmapped",
        `${where(field.paragraph)}: "${snippet([...after][0]!)}" cannot be carried back: the workplan's text there is not one string`,
        "edit the YAML by hand",
        path,
      );
      continue;
    }
    edits.push({ path, before: node.value, after: [...after][0]! });
  }
  return { edits, diagnostics };
}

type Report = (severity: Severity, ruleId: string, message: string, hint: string, path?: DataPath) => void;

/**
 * Text typed at a bookmark's edge, inside the same paragraph: Word and LibreOffice leave what is typed
 * at a bookmark's end outside it. Where the layout prints nothing between two bookmarks (or at the
 * paragraph's ends), or the layout's words are still there whole, the typed words go to the
 * bookmark beside them. Anything else outside the bookmarks that changed is reported.
 */
function attributeEdges(now: ParagraphShape[], was: ParagraphShape[], report: Report): Map<string, { before: string; after: string }> {
  const extra = new Map<string, { before: string; after: string }>();
  const wasByFirst = new Map(was.filter((s) => s.bookmarks.length).map((s) => [s.bookmarks[0]!, s]));
  const add = (name: string, side: "before" | "after", text: string) => {
    const entry = extra.get(name) ?? { before: "", after: "" };
    entry[side] = side === "before" ? text + entry.before : entry.after + text;
    extra.set(name, entry);
  };
  for (const shape of now) {
    if (!shape.bookmarks.length) continue;
    const old = wasByFirst.get(shape.bookmarks[0]!);
    if (!old || old.bookmarks.join() !== shape.bookmarks.join()) {
      const text = shape.outside.join("").trim();
      if (old && text !== old.outside.join("").trim() && text)
        report(
          "error",
          "outside-text",
          `${where(shape.paragraph)}: "${snippet(text)}" is outside the workplan's entries`,
          "type inside the existing text, or add it to the YAML",
        );
      continue;
    }
    shape.outside.forEach((text, i) => {
      const layout = old.outside[i]!;
      if (text === layout) return;
      const left = i > 0 ? shape.bookmarks[i - 1] : undefined;
      const right = i < shape.bookmarks.length ? shape.bookmarks[i] : undefined;
      if (text.startsWith(layout) && left && !layout) add(left, "after", text);
      else if (text.endsWith(layout) && left && text.length > layout.length && (layout || !right))
        add(left, "after", text.slice(0, text.length - layout.length));
      else if (text.startsWith(layout) && right) add(right, "before", text.slice(layout.length));
      else if (text.endsWith(layout) && right) add(right, "before", text.slice(0, text.length - layout.length));
      else
        report(
          "error",
          "layout-text",
          `${where(shape.paragraph)}: "${snippet(layout)}" became "${snippet(text)}", which ctwg prints from the layout, not from an entry`,
          "change labels and headings in the YAML's document: layout",
        );
    });
  }
  return extra;
}

/** Paragraphs without bookmarks: the layout's headings and labels, and paragraphs new in Word. */
function reportLayoutChanges(now: ParagraphShape[], was: ParagraphShape[], report: Report): void {
  const layout = (shapes: ParagraphShape[]) => shapes.filter((s) => !s.bookmarks.length && s.outside.join("").trim());
  const after = layout(now);
  const before = layout(was);
  const text = (s: ParagraphShape) => s.outside.join("").trim();
  let i = 0;
  let j = 0;
  for (const part of diffArrays(before.map(text), after.map(text))) {
    if (part.added) {
      for (const _ of part.value) {
        const shape = after[j++]!;
        report(
          "error",
          "new-text",
          `${where(shape.paragraph)}: "${snippet(text(shape))}" has no place in the workplan`,
          "add it to the YAML where it belongs (a new deliverable, paragraph or list item), then build again",
        );
      }
    } else if (part.removed) {
      for (const _ of part.value) {
        const shape = before[i++]!;
        report(
          "warning",
          "deleted-layout",
          `"${snippet(text(shape))}", which ctwg prints from the layout, is no longer in the Word file; it stays in the documents`,
          "headings and labels come from the layout (document: in the YAML); change them there",
        );
      }
    } else {
      i += part.count ?? part.value.length;
      j += part.count ?? part.value.length;
    }
  }
}

/** Where a paragraph is, as a reader would find it in Word. */
function where(paragraph: WordParagraph): string {
  const cell = paragraph.cell ? ` (table ${paragraph.cell.table}, row ${paragraph.cell.row}, column ${paragraph.cell.column})` : "";
  return `paragraph ${paragraph.number}${cell}`;
}

const snippet = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text).replace(/\s+/g, " ");
