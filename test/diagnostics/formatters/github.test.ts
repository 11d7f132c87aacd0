import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { github, githubStepSummary } from "../../../src/diagnostics/formatters/github.js";
import { diagnostics, many, options } from "../../fixtures/formatters/diagnostics.js";
import { diagnostic, span } from "../../support/diagnostics.js";

const lines = (text: string) => text.split("\n").filter(Boolean);

// Golden files: update with `npx vitest run -u` and review the diff of test/fixtures/formatters/ like code.
describe("github", () => {
  it("writes the golden workflow commands", async () => {
    await expect(github(diagnostics, options)).toMatchFileSnapshot("../../fixtures/formatters/github.txt");
  });

  it("writes one command a diagnostic, named after its severity", () => {
    const out = lines(github(diagnostics, options));
    expect(out.map((line) => line.slice(0, line.indexOf(" ")))).toEqual(["::error", "::error", "::warning", "::notice", "::warning"]);
  });

  it("gives the file, the span and the rule as properties", () => {
    const d = diagnostic({ span: span([3, 5], [4, 2]), ruleId: "yaml/duplicate-key" });
    expect(github([d], options)).toBe(
      "::error file=workplans/2017.yaml,line=3,col=5,endLine=4,endColumn=2,title=yaml/duplicate-key::Something is wrong.\n",
    );
  });

  it("leaves out line and column when there is no span", () => {
    expect(github([diagnostic({ severity: "warning" })], options)).toBe(
      "::warning file=workplans/2017.yaml,title=some-rule::Something is wrong.\n",
    );
  });

  it("puts the hint after the message", () => {
    expect(github([diagnostic({ hint: "did you mean `title`?" })], options)).toMatch(
      /::Something is wrong\. \(hint: did you mean `title`\?\)\n$/,
    );
  });

  it("escapes %, CR and LF in the message, and leaves : and , alone there", () => {
    const out = github([diagnostic({ message: "100% done:\r\nA, B", hint: "50%\nmore" })], options);
    expect(out).toBe("::error file=workplans/2017.yaml,title=some-rule::100%25 done:%0D%0AA, B (hint: 50%25%0Amore)\n");
  });

  it("escapes %, CR, LF, : and , in property values", () => {
    const out = github([diagnostic({ file: "C:\\plans\\a,b%.yaml", ruleId: "x:y,z\nw" })], options);
    expect(out).toBe("::error file=C%3A\\plans\\a%2Cb%25.yaml,title=x%3Ay%2Cz%0Aw::Something is wrong.\n");
  });

  it("annotates at most 10 errors and 10 warnings, then says how many were left out", () => {
    const out = lines(github([...many(25, "error"), ...many(13, "warning")], options));
    expect(out.filter((l) => l.startsWith("::error "))).toHaveLength(10);
    expect(out.filter((l) => l.startsWith("::warning "))).toHaveLength(10);
    expect(out).toHaveLength(21);
    expect(out.at(-1)).toBe(
      "::notice::Not annotated: 15 errors and 3 warnings (GitHub shows at most 10 of each kind a step). The step summary lists all 38 diagnostics.",
    );
  });

  it("annotates the first 10 of each severity, in the order given", () => {
    const out = lines(github([...many(12, "warning"), ...many(12, "error")], options));
    const lineNumbers = (prefix: string) => out.filter((l) => l.startsWith(prefix)).map((l) => Number(/,line=(\d+),/.exec(l)![1]));
    expect(lineNumbers("::warning ")).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(lineNumbers("::error ")).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(out.slice(0, 10).every((l) => l.startsWith("::warning "))).toBe(true);
  });

  it("keeps a notice slot for its own notice when anything is left out", () => {
    const out = lines(github([...many(11, "error"), ...many(10, "info")], options));
    expect(out.filter((l) => l.startsWith("::notice "))).toHaveLength(9);
    expect(out.at(-1)).toMatch(/^::notice::Not annotated: 1 error and 1 info \(/);
    expect(out.filter((l) => l.startsWith("::notice"))).toHaveLength(10);
  });

  it("names all three severities when all three overflow", () => {
    const out = lines(github([...many(11, "error"), ...many(12, "warning"), ...many(13, "info")], options));
    expect(out.at(-1)).toMatch(/^::notice::Not annotated: 1 error, 2 warnings and 4 info \(.*all 36 diagnostics\.$/);
  });

  it("adds no notice when exactly 10 of each fit", () => {
    const out = lines(github([...many(10, "error"), ...many(10, "warning"), ...many(10, "info")], options));
    expect(out).toHaveLength(30);
    expect(out.some((l) => l.startsWith("::notice::"))).toBe(false);
  });

  it("writes nothing for no diagnostics", () => {
    expect(github([], options)).toBe("");
  });
});

const md = new MarkdownIt({ html: true });

/** The table's body cells as a reader sees them: rendered by markdown-it, `<br>` as a newline, entities decoded. */
function cells(markdown: string): string[][] {
  const body = md.render(markdown).split("<tbody>")[1] ?? "";
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, row]) =>
    [...row!.matchAll(/<td>([\s\S]*?)<\/td>/g)].map(([, cell]) =>
      cell!
        .replace(/<br>/g, "\n")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, "&"),
    ),
  );
}

describe("githubStepSummary", () => {
  it("writes the golden Markdown", async () => {
    await expect(githubStepSummary(diagnostics)).toMatchFileSnapshot("../../fixtures/formatters/github-summary.md");
  });

  it("starts with a heading and the counts", () => {
    const out = githubStepSummary(diagnostics).split("\n");
    expect(out[0]).toBe("## ctwg lint");
    expect(out).toContain("2 errors, 2 warnings, 1 info in 2 files.");
  });

  it("shows every diagnostic's place, severity, rule and message as typed", () => {
    expect(cells(githubStepSummary(diagnostics))).toEqual(
      diagnostics.map((d) => [
        d.span ? `${d.file}:${d.span.start.line}:${d.span.start.column}` : d.file,
        d.severity,
        d.ruleId,
        d.hint ? `${d.message} (hint: ${d.hint})` : d.message,
      ]),
    );
  });

  it("escapes pipes, backslashes, line breaks and HTML in cells", () => {
    const out = githubStepSummary([diagnostic({ message: "a | b \\ c\nd <script> &amp; `e`" })]);
    const row = out.split("\n").find((l) => l.startsWith("| workplans/"));
    expect(row).toBe("| workplans/2017.yaml | error | some-rule | a \\| b \\\\ c<br>d &lt;script&gt; &amp;amp; \\`e\\` |");
    expect(cells(out)).toEqual([["workplans/2017.yaml", "error", "some-rule", "a | b \\ c\nd <script> &amp; `e`"]]);
  });

  it("lists diagnostics past the annotation cap", () => {
    expect(cells(githubStepSummary([...many(25, "error"), ...many(13, "warning")]))).toHaveLength(38);
  });

  it("says so when there is nothing to list", () => {
    expect(githubStepSummary([])).toBe("## ctwg lint\n\nNo problems found.\n");
  });
});
