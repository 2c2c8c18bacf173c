import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Tests import workspace packages from their TypeScript sources, so a unit test
// never needs a build. Tests that spawn the CLI or start worker threads use the
// built `dist/` (npm test builds first).
const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      "@typedc/core": src("core"),
      "@typedc/runtime": src("runtime"),
      "@typedc/tsc-plugin": src("tsc-plugin"),
    },
  },
  test: {
    include: ["test/**/*.test.ts", "packages/*/test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
