import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Builds the CLI once when it is missing or stale, for the tests that run it as a real process.
    globalSetup: ["test/support/global-setup.ts"],
    // Why: test/bin.test.ts may compile dist/ once, which takes a few seconds.
    testTimeout: 20_000,
  },
});
