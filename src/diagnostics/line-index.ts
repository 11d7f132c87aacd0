/**
 * Where each line of a text starts, found once, so that fetching a line costs the same for the
 * first diagnostic as for the hundred-thousandth. Why: splitting the whole source again for each
 * code frame made a report of n diagnostics cost n times the file.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) this.starts.push(at + 1);
  }

  /** Line `line` (1-based) without its line break (`\n` or `\r\n`), or undefined past the last line. */
  line(line: number): string | undefined {
    if (!Number.isInteger(line) || line < 1 || line > this.starts.length) return undefined;
    const from = this.starts[line - 1]!;
    const next = this.starts[line];
    let to = next === undefined ? this.text.length : next - 1;
    if (next !== undefined && to > from && this.text[to - 1] === "\r") to -= 1;
    return this.text.slice(from, to);
  }
}
