#!/usr/bin/env node
// The `typedc` bin. It is a committed file rather than dist/main.js itself because npm
// links a bin (and makes it executable) only if the file exists at install time, and on a
// fresh `npm ci` dist/ is built later, by the root `prepare` script.
"use strict";
try {
  require.resolve("../dist/main.js");
} catch {
  process.stderr.write("typedc: @typedc/cli is not built yet; run `npm run build` at the repository root.\n");
  process.exit(3);
}
require("../dist/main.js");
