/**
 * Suppression comments. `# ctwg-disable-next-line <rule-id> [<rule-id>…]` silences those rules on the
 * next line that is not a comment; `# ctwg-disable <rule-id> […]` silences them in the whole file.
 * Only whole-line comments count, so a `#` inside text can never be taken for one.
 */
export interface Suppression {
  /** The line of the comment, for reporting it when it suppresses nothing. */
  line: number;
  column: number;
  ruleId: string;
  /** The line it applies to, or "file". */
  target: number | "file";
  used: boolean;
}

const COMMENT = /^(\s*)#\s*ctwg-(disable-next-line|disable)\s+(.+?)\s*$/;

/** The suppression comments of a file, in order. */
export function findSuppressions(text: string): Suppression[] {
  const lines = text.split(/\r?\n/);
  const found: Suppression[] = [];
  lines.forEach((line, index) => {
    const match = COMMENT.exec(line);
    if (!match) return;
    let target: number | "file" = "file";
    if (match[2] === "disable-next-line") {
      let next = index + 1;
      while (next < lines.length && /^\s*(#.*)?$/.test(lines[next]!)) next++;
      target = next + 1;
    }
    for (const ruleId of match[3]!.split(/[\s,]+/).filter(Boolean)) {
      found.push({ line: index + 1, column: match[1]!.length + 1, ruleId, target, used: false });
    }
  });
  return found;
}
