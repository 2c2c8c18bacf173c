// The Babel extractor reads each file once per extraction (extract-program.ts: module resolution
// probes a file by reading it, and loading reads it again): one snapshot per extraction, and the
// next extraction reads again, so an edited file is seen.
import { describe, expect, it } from "vitest";
import { extractDeclsBabel } from "../packages/babel-plugin/src/extract";

describe("extractDeclsBabel's reads", () => {
  const files: Record<string, string> = {
    "/v/main.ts": `import type { u8 } from "@typedc/runtime";\nimport type { B } from "./b";\nimport type { C } from "./c";\nexport interface A { b: B; c: C; x: u8 }\n`,
    "/v/b.ts": `import type { u16 } from "@typedc/runtime";\nimport type { C } from "./c";\nexport interface B { c: C; y: u16 }\n`,
    "/v/c.ts": `import type { u32 } from "@typedc/runtime";\nexport interface C { z: u32 }\n`,
  };

  it("reads every file (and every missing candidate path) once per extraction", () => {
    const reads = new Map<string, number>();
    const readFile = (f: string) => {
      reads.set(f, (reads.get(f) ?? 0) + 1);
      return files[f];
    };
    const r = extractDeclsBabel("/v/main.ts", { readFile });
    expect(r.diagnostics).toEqual([]);
    expect(Object.keys(r.value.types).sort()).toEqual(["A", "B", "C"]);
    expect([...reads.values()].every((n) => n === 1)).toBe(true);
    expect(reads.get("/v/c.ts")).toBe(1); // resolved from main.ts and from b.ts, and loaded
  });

  it("reads again in the next extraction: a changed file gives the changed declarations", () => {
    const text = { ...files };
    const readFile = (f: string) => text[f];
    expect(Object.keys(extractDeclsBabel("/v/main.ts", { readFile }).value.types).sort()).toEqual(["A", "B", "C"]);
    text["/v/c.ts"] = `import type { u32 } from "@typedc/runtime";\nexport interface C { z: u32; w: u32 }\n`;
    const again = extractDeclsBabel("/v/main.ts", { readFile }).value.types;
    expect(again.C).toMatchObject({ kind: "record", record: { fields: [{ name: "z" }, { name: "w" }] } });
    delete text["/v/b.ts"];
    const gone = extractDeclsBabel("/v/main.ts", { readFile });
    expect(Object.keys(gone.value.types)).not.toContain("B");
  });
});
