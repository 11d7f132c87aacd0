import { withoutInvisible } from "../../model/invisible.js";
import type { FontFace, Metrics } from "../../fonts/fonts.js";

/** A run of text in one face, the input to line breaking. */
export interface StyledRun {
  text: string;
  face: FontFace;
  underline?: boolean;
}

/** A piece of a line in one face, with its measured width. */
export interface LineSegment {
  text: string;
  face: FontFace;
  underline: boolean;
  /** Offset from the line's left edge. */
  x: number;
  width: number;
}

export interface BrokenLine {
  segments: LineSegment[];
  width: number;
}

/** A word, possibly made of pieces in several faces ("*theme*,"), and whether a space follows it. */
interface Word {
  pieces: { text: string; face: FontFace; underline: boolean }[];
  spaceAfter: { face: FontFace; underline: boolean } | null;
}

/**
 * Breaks runs into lines no wider than `maxWidth`, greedily at spaces. A word wider than a whole
 * line breaks after a `/` or `-` where it can, else between characters, so nothing runs off the page.
 */
export function breakLines(runs: readonly StyledRun[], maxWidth: number, size: number, metrics: Metrics): BrokenLine[] {
  const words = toWords(runs);
  const lines: Word[][] = [];
  let line: Word[] = [];
  let lineWidth = 0;
  const wordWidth = (word: Word) => word.pieces.reduce((sum, p) => sum + metrics.width(p.text, p.face, size), 0);
  const spaceWidth = (word: Word) => (word.spaceAfter ? metrics.width(" ", word.spaceAfter.face, size) : 0);

  const queue = [...words];
  while (queue.length > 0) {
    const word = queue.shift()!;
    const width = wordWidth(word);
    const before = line.length > 0 ? spaceWidth(line[line.length - 1]!) : 0;
    if (lineWidth + before + width <= maxWidth + 0.01) {
      line.push(word);
      lineWidth += before + width;
      continue;
    }
    if (line.length > 0) {
      lines.push(line);
      line = [];
      lineWidth = 0;
      queue.unshift(word);
      continue;
    }
    const [head, tail] = splitWord(word, maxWidth, size, metrics);
    lines.push([head]);
    if (tail) queue.unshift(tail);
  }
  if (line.length > 0) lines.push(line);
  return lines.map((words) => toLine(words, size, metrics));
}

function toWords(runs: readonly StyledRun[]): Word[] {
  const words: Word[] = [];
  let current: Word = { pieces: [], spaceAfter: null };
  for (const run of runs) {
    const underline = run.underline ?? false;
    const parts = withoutInvisible(run.text.normalize("NFC")).split(/(\s+)/);
    for (const part of parts) {
      if (part === "") continue;
      if (/^\s+$/.test(part)) {
        if (current.pieces.length > 0) {
          current.spaceAfter = { face: run.face, underline };
          words.push(current);
          current = { pieces: [], spaceAfter: null };
        }
        continue;
      }
      current.pieces.push({ text: part, face: run.face, underline });
    }
  }
  if (current.pieces.length > 0) words.push(current);
  return words;
}

/** Splits a word that cannot fit a line: the longest head that fits, preferring a break after `/` or `-`. */
function splitWord(word: Word, maxWidth: number, size: number, metrics: Metrics): [Word, Word | null] {
  const chars = word.pieces.flatMap((piece) => [...piece.text].map((char) => ({ char, face: piece.face, underline: piece.underline })));
  let width = 0;
  let fit = 0;
  let softBreak = 0;
  for (const [i, c] of chars.entries()) {
    width += metrics.width(c.char, c.face, size);
    if (width > maxWidth && i > 0) break;
    fit = i + 1;
    if ((c.char === "/" || c.char === "-") && i > 0) softBreak = i + 1;
  }
  if (fit >= chars.length) return [word, null];
  const cut = softBreak > 0 ? softBreak : fit;
  const rebuild = (part: typeof chars, spaceAfter: Word["spaceAfter"]): Word => {
    const pieces: Word["pieces"] = [];
    for (const c of part) {
      const last = pieces[pieces.length - 1];
      if (last && last.face === c.face && last.underline === c.underline) last.text += c.char;
      else pieces.push({ text: c.char, face: c.face, underline: c.underline });
    }
    return { pieces, spaceAfter };
  };
  return [rebuild(chars.slice(0, cut), null), rebuild(chars.slice(cut), word.spaceAfter)];
}

/** Joins a line's words into segments of one face each, spaces included so copied text keeps them. */
function toLine(words: Word[], size: number, metrics: Metrics): BrokenLine {
  const segments: LineSegment[] = [];
  const append = (text: string, face: FontFace, underline: boolean) => {
    const last = segments[segments.length - 1];
    if (last && last.face === face && last.underline === underline) last.text += text;
    else segments.push({ text, face, underline, x: 0, width: 0 });
  };
  words.forEach((word, i) => {
    for (const piece of word.pieces) append(piece.text, piece.face, piece.underline);
    if (i < words.length - 1 && word.spaceAfter) append(" ", word.spaceAfter.face, word.spaceAfter.underline);
  });
  let x = 0;
  for (const segment of segments) {
    segment.x = x;
    segment.width = metrics.width(segment.text, segment.face, size);
    x += segment.width;
  }
  return { segments, width: x };
}
