// Builds the app with esbuild and @typedc/unplugin (run from the repository after `npm run build`):
//   node examples/esbuild-app/build.mjs && node examples/esbuild-app/dist/app.cjs
import { build } from "esbuild";
import { typedc } from "@typedc/unplugin";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
await build({
  entryPoints: [join(here, "src", "main.ts")],
  bundle: true,
  platform: "node",
  format: "cjs",
  outfile: join(here, "dist", "app.cjs"),
  sourcemap: true,
  // The runtime stays a package import (it could be bundled too).
  external: ["@typedc/runtime"],
  plugins: [typedc.esbuild({ formats: ["s390x-linux", "x86_64-linux"], baseDir: here })],
});
console.log("built dist/app.cjs");
