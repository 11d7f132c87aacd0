import { configDefaults, defineConfig } from "vitest/config";

/**
 * The slow tier: what starts other programs (the built CLI, Chromium, LibreOffice, npm, git, shells)
 * or needs dist/; commands run whole; hostile and generated input; documents read back (PDFs through
 * pdf.js, Word files unzipped, the Word import) and the preview on real sockets. Every other test
 * file is in the unit tier: stages called as functions from the TypeScript sources, in-process, and
 * the golden files. Why this split: measured per file, the unit tier takes seconds and the slow one
 * minutes. test/tiers.test.ts checks that each file is in exactly one tier, and that no unit-tier
 * file runs the built CLI, a browser or LibreOffice.
 */
export const SLOW = [
  // Programs: Chromium, the built CLI and what only the build makes, npm pack, the benchmark's
  // smoke run, the GitHub Action.
  "test/**/*.browser.test.ts",
  "test/bin.test.ts",
  "test/start/**/*.test.ts",
  "test/render/precompiled.test.ts",
  "test/package.test.ts",
  "test/bench.test.ts",
  "test/action.test.ts",
  // Commands run whole, in-process or as a process. Why not `ctwg new`'s test: it holds the golden
  // of workplans/2018.yaml, and the goldens are unit tier.
  "test/cli/!(new).test.ts",
  "test/api/**/*.test.ts",
  // Hostile and generated input: megabyte files, every payload through every format, properties.
  "test/hostile/**/*.test.ts",
  "test/property/**/*.test.ts",
  // Documents read back: PDFs painted and parsed with pdf.js, Word files packed and unzipped (and
  // converted by LibreOffice), the Word import; the preview's server on real sockets.
  "test/render/pdf/{pdf,body,xmp,glyph-run}.test.ts",
  "test/render/docx/**/*.test.ts",
  "test/import/**/*.test.ts",
  "test/preview/preview-*.test.ts",
];

export default defineConfig({
  test: {
    // Why: test/bin.test.ts may compile dist/ once, which takes a few seconds.
    testTimeout: 20_000,
    // `vitest run` runs both projects; `vitest --project unit` only the fast one.
    projects: [
      {
        extends: true,
        // Why include here and not at the top: a project's arrays add to the top's, so a top-level
        // include would put every file in the slow project too.
        test: { name: "unit", include: ["test/**/*.test.ts"], exclude: [...configDefaults.exclude, ...SLOW] },
      },
      {
        extends: true,
        test: {
          name: "slow",
          include: SLOW,
          // Builds the CLI once when it is missing or stale, for the tests that run it as a real
          // process. Why here and not at the top: the top's setup runs whichever projects run, and
          // the unit tier needs no build.
          globalSetup: ["test/support/global-setup.ts", "test/support/browser-server.ts"],
        },
      },
    ],
  },
});
