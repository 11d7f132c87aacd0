import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { FORMATTERS } from "../../src/diagnostics/formatters/index.js";
import { NO_PAINT } from "../../src/diagnostics/formatters/formatter.js";
import { visible, visibleForXml } from "../../src/diagnostics/visible.js";
import { runCli } from "../support/cli.js";
import { replaceOnce, text2017 } from "../support/workplan.js";
import { projectWith } from "./support.js";

/**
 * Terminal safety: nothing a plan holds reaches a terminal as a control character. A key made of
 * `ESC ] 0 ; … BEL ESC [ 2 J` would retitle the window and clear the screen; every text printed
 * (messages, code frames, hints, paths, the diff) shows it as `\u{1b}` instead.
 */

/** Any control character but the line feed that ends each printed line. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

const ATTACK = "\u001b]0;pwned\u0007\u001b[2J";

/** The attack as a YAML double-quoted key or value: `\e` and `\a` are YAML's own escapes. */
const QUOTED = '"\\e]0;pwned\\a\\e[2J"';

describe("a hostile key and text reach the terminal made visible", () => {
  const withKey = replaceOnce(text2017(), "\ncover:", `\n${QUOTED}: 1\ncover:`);
  const withText = replaceOnce(
    text2017(),
    "    text: Hold 9th Counter Terrorism Working Group (CTWG) Meeting in Nha Trang, Viet Nam 21-22 February",
    `    text: "Hold 9th ${QUOTED.slice(1, -1)}Counter Terrorism Working Group (CTWG) Meeting in Nha Trang, Viet Nam 21-22 February"`,
  );

  for (const format of ["pretty", "compact", "github"]) {
    it(`lint --format ${format} prints the unknown key as \\u{1b}…`, async () => {
      const project = projectWith(withKey);
      try {
        const { code, stdout, stderr } = await runCli(["lint", "2017", "--format", format], project.cwd);
        expect(code).toBe(1);
        expect(stdout + stderr).not.toMatch(RAW_CONTROL);
        expect(stdout).toContain("\\u{1b}]0;pwned\\u{7}\\u{1b}[2J");
      } finally {
        project.cleanup();
      }
    });
  }

  it("the code frame shows a raw control byte of the source line as \\u{1b}", async () => {
    const project = projectWith(replaceOnce(text2017(), "\ncover:", `\nbad${"\u001b"}[2Jkey: 1\ncover:`));
    try {
      const { stdout } = await runCli(["lint", "2017", "--format", "pretty"], project.cwd);
      expect(stdout).not.toMatch(RAW_CONTROL);
      expect(stdout).toContain("bad\\u{1b}[2Jkey: 1");
    } finally {
      project.cleanup();
    }
  });

  it("diff's text format shows a changed text's control characters made visible", async () => {
    const project = projectWith(withText);
    try {
      const { stdout } = await runCli(["diff", "workplans/2017.yaml", "workplans/2017.yaml"], project.cwd);
      expect(stdout).not.toMatch(RAW_CONTROL);
      const before = projectWith(text2017());
      try {
        const result = await runCli(["diff", `${before.cwd}/workplans/2017.yaml`, "workplans/2017.yaml"], project.cwd);
        expect(result.stdout).toContain("\\u{1b}]0;pwned\\u{7}");
        expect(result.stdout + result.stderr).not.toMatch(RAW_CONTROL);
      } finally {
        before.cleanup();
      }
    } finally {
      project.cleanup();
    }
  });
});

describe("every format, any text", () => {
  const diagnosticOf = (text: string): Diagnostic => ({
    ruleId: "schema/unknown-key",
    severity: "error",
    message: `unknown key \`${text}\``,
    hint: `did you mean ${text}?`,
    file: `workplans/${text}.yaml`,
    path: [text],
  });
  const anyText = fc.string({
    unit: fc.oneof(fc.constantFrom(..."\u0000\u0007\b\t\n\r\u001b\u007f\u0085\u009b"), fc.string({ minLength: 1, maxLength: 1 })),
    maxLength: 40,
  });

  it("pretty, compact and github print no control character but line feeds", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        for (const format of ["pretty", "compact", "github"]) {
          const printed = FORMATTERS[format]!([diagnosticOf(text)], { sources: new Map(), paint: NO_PAINT });
          expect(printed).not.toMatch(RAW_CONTROL);
        }
      }),
      { numRuns: 300, seed: 13 },
    );
  });

  it("the machine formats hold no raw control character (XML 1.0 forbids them, JSON escapes them)", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        for (const format of ["junit", "sarif", "json"]) {
          const printed = FORMATTERS[format]!([diagnosticOf(text)], { sources: new Map(), paint: NO_PAINT });
          // Tab, line feed and carriage return are legal XML and JSON escapes them itself.
          expect(printed).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/);
        }
      }),
      { numRuns: 300, seed: 13 },
    );
  });

  it("visible names each control character and leaves other text as it is", () => {
    expect(visible(ATTACK)).toBe("\\u{1b}]0;pwned\\u{7}\\u{1b}[2J");
    expect(visible("Việt Nam\tx\n", "\n")).toBe("Việt Nam\\u{9}x\n");
    expect(visibleForXml("a\u0000b\tc")).toBe("a\\u{0}b\tc");
  });
});
