import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      // Unit tests run outside React's server environment; "server-only" would throw there.
      "server-only": path.resolve(import.meta.dirname, "lib/testing/empty-module.ts"),
      "@": path.resolve(import.meta.dirname),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "components/**/*.test.ts", "app/**/*.test.ts", "e2e/**/*.test.ts", "deploy/**/*.test.ts"],
    exclude: ["node_modules", ".next", ".data"],
    environment: "node",
    // Database tests share one throwaway database and instance-wide settings (the default model):
    // files run one after another so they cannot race.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
