import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Newman runs and mock servers are real processes on loopback: give them room on a
    // shared 2-core machine instead of flaking.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
