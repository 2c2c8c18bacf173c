// The tsc extractor reads each folder's nearest package.json once per pass (extract-runtime-file.ts):
// files of the `@typedc/runtime` package are still told apart from the user's, folder by folder.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { extractDecls } from "../packages/tsc-plugin/src/extract";

function write(dir: string, files: Record<string, string>): string[] {
  return Object.entries(files).map(([name, text]) => {
    const file = join(dir, name);
    mkdirSync(join(file, ".."), { recursive: true });
    writeFileSync(file, text);
    return file;
  });
}

const decl = (name: string) => `import type { u32 } from "@typedc/runtime";\nexport interface ${name} { a: u32 }\n`;

describe("the tsc extractor's runtime files, read once per folder", () => {
  it("skips the files under a package.json named @typedc/runtime, however many share a folder, and keeps the user's", () => {
    const dir = mkdtempSync(join(tmpdir(), "typedc-runtime-file-"));
    const files = write(dir, {
      "rt/package.json": `{ "name": "@typedc/runtime" }`,
      "rt/a.ts": decl("RtA"),
      "rt/b.ts": decl("RtB"),
      "rt/deep/c.ts": decl("RtC"),
      "rt/other/package.json": `{ "name": "not-the-runtime" }`,
      "rt/other/d.ts": decl("UserD"),
      "rt/other/deeper/e.ts": decl("UserE"),
      "rt/broken/package.json": `{ not json`,
      "rt/broken/f.ts": decl("UserF"),
      "app/g.ts": decl("UserG"),
      "app/h.ts": decl("UserH"),
      "rt/deep/i.ts": decl("RtI"),
    }).filter((f) => f.endsWith(".ts"));
    const program = ts.createProgram({ rootNames: files, options: { strict: true, noEmit: true, types: [], paths: { "@typedc/runtime": [join(__dirname, "../packages/runtime/src/index.ts")] } } });
    const result = extractDecls(ts, program);
    expect(Object.keys(result.value.types).sort()).toEqual(["UserD", "UserE", "UserF", "UserG", "UserH"]);
  });
});
