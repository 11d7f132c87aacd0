import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Why: test/bin.test.ts may compile dist/ once, which takes a few seconds.
    testTimeout: 20_000,
  },
});
