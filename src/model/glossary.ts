import { z } from "zod";
import type { Result } from "../diagnostics/diagnostic.js";
import { validateSource } from "./validate-source.js";
import { parseWorkplan } from "../parse/parse-workplan.js";

/** The acronyms and mandate sources plans share, from `workplans/glossary.yaml`. */
export interface Glossary {
  /** Acronym → full name; empty when there is no glossary file. */
  acronyms: ReadonlyMap<string, string>;
  mandateSources: readonly string[];
  /** False when no glossary file exists: rules that need it stay quiet instead of flagging every acronym. */
  present: boolean;
}

export const GlossaryFile = z.strictObject({
  acronyms: z.record(
    z.string().regex(/^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*$/, "expected an acronym in capitals, like CTWG or MEG-SEC"),
    z.string().min(1),
  ),
  mandateSources: z.array(z.string().min(1)).default([]),
});

export const EMPTY_GLOSSARY: Glossary = { acronyms: new Map(), mandateSources: [], present: false };

/** Parses and checks a glossary file's text. */
export function parseGlossary(text: string, file: string): Result<Glossary> {
  const parsed = parseWorkplan(text, file);
  if (!parsed.value) return { value: undefined, diagnostics: parsed.diagnostics };
  const validated = validateSource(parsed.value, {
    schema: GlossaryFile,
    name: "glossary",
    expected: "a glossary: a mapping with `acronyms` and `mandateSources`",
    emptyHint: "list acronyms under `acronyms:` (CTWG: Counter-Terrorism Working Group) and sources under `mandateSources:`",
  });
  if (!validated.value) return { value: undefined, diagnostics: [...parsed.diagnostics, ...validated.diagnostics] };
  return {
    value: { acronyms: new Map(Object.entries(validated.value.acronyms)), mandateSources: validated.value.mandateSources, present: true },
    diagnostics: parsed.diagnostics,
  };
}
