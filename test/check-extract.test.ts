// checkDecls on IR extracted from real source: the diagnostics point back at the user's fields.
import * as ts from "typescript";
import { describe, expect, it } from "vitest";
import { checkDecls } from "@typedc/core";
import { brief, extractProject } from "./extract-helpers.js";

describe("checkDecls on extracted declarations", () => {
  it("reports type-model mistakes at the field that makes them", () => {
    const r = extractProject(ts, {
      "net.ts": [
        `import type { u8, u32, f32, bits, array, atomic, aligned } from "@typedc/runtime";`,
        `export interface Packet {`,
        `  flags: bits<u32, 33>;`,
        `  data: array<u8, 0>;`,
        `  len: u32;`,
        `  next: Packet;`,
        `  ratio: atomic<f32>;`,
        `  wide: aligned<u32, 24>;`,
        `}`,
        ``,
      ].join("\n"),
    });
    expect(r.diagnostics).toEqual([]);
    expect(brief(checkDecls(r.value))).toEqual([
      "2003 3:3 Bit-field 'flags' is 33 bits wide but 'u32' holds 32.",
      "2005 4:3 Flexible array member 'data' must be the last field of a struct.",
      "2009 7:3 'atomic<f32>' in 'Packet.ratio': atomic is only supported on integer types, such as 'atomic<i32>'.",
      "2008 8:3 Alignment 24 in 'Packet.wide' is not a power of two.",
      "2004 6:3 Type 'Packet' contains itself by value through 'next'. Use 'ptr<Packet>' to refer to it.",
    ]);
  });

  it("finds cycles across modules", () => {
    const r = extractProject(ts, {
      "a.ts": `import type { u8 } from "@typedc/runtime";\nimport type { B } from "./b";\nexport interface A { x: u8; b: B }\n`,
      "b.ts": `import type { u8, ptr } from "@typedc/runtime";\nimport type { A } from "./a";\nexport interface B { a: A; p: ptr<A> }\n`,
    });
    expect(brief(checkDecls(r.value))).toEqual(["2004 3:29 Type 'A' contains itself by value through 'b.a'. Use 'ptr<A>' to refer to it."]);
  });
});
