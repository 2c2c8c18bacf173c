// Cases, one per extractor diagnostic: code, message and line:column (run by one small test file per TypeScript module).
import type * as TS from "typescript";
import { describe, expect, it } from "vitest";
import { brief, extractProject, stripLocs } from "./extract-helpers.js";

// Line 1 of every case is this import, so the declarations under test start on line 2.
const IMPORTS = `import type { i32, u8, u32, u64, ptr, array, union, bits, packed, aligned, atomic } from "@typedc/runtime";\n`;

/** defineDiagnosticTests defines the tests for one TypeScript module (`typescript` 6, `typescript-5.9`, ts-morph's bundled one). */
export function defineDiagnosticTests(label: string, ts: typeof TS): void {
  describe(`extractor diagnostics with ${label}`, () => {
    const diagnose = (text: string): string[] => brief(extractProject(ts, { "main.ts": IMPORTS + text }).diagnostics);

    it.each([
      ["string", "array<c_char, N>"],
      ["number", "f64, i32 or c_int"],
      ["boolean", "bool"],
      ["bigint", "i64 or u64"],
      ["u8[]", "array<T, N>"],
      ["u8 | u32", "union<{ a: A; b: B }>"],
      ["() => void", "ptr<void>"],
    ])("1001: a field of type %s suggests %s", (type, suggestion) => {
      expect(diagnose(`interface S {\n  id: u32;\n  bad: ${type};\n}\n`)).toEqual([
        `1001 4:8 Field 'bad' has type '${type}', which has no C layout. Use a C type such as ${suggestion}.`,
      ]);
    });

    it("1001: a library type without C layout is reported at the use", () => {
      expect(diagnose(`interface S { id: u32; when: Date }\n`)).toEqual([
        "1001 2:30 Field 'when' has type 'Date', which has no C layout. Use a C type such as i32, f64, ptr<void> or a struct declared with C types.",
      ]);
    });

    it("1002: optional field", () => {
      expect(diagnose(`interface S {\n  id?: u32;\n}\n`)).toEqual([
        "1002 3:3 Field 'id' is optional; a field of a typed struct always exists in memory. Remove the '?'.",
      ]);
    });

    it("1003: method", () => {
      expect(diagnose(`interface S {\n  id: u32;\n  run(): void;\n}\n`)).toEqual([
        "1003 4:3 'run' is a method; a typed struct holds data only. Use 'ptr<void>' for a function pointer.",
      ]);
    });

    it("1004: unknown type name", () => {
      expect(diagnose(`interface S { id: u32; x: c_lnog }\n`)).toEqual(["1004 2:27 Cannot find C type 'c_lnog'."]);
    });

    it("1005: syntax errors are reported with the parser's message, and extraction goes on", () => {
      const r = extractProject(ts, { "main.ts": IMPORTS + `interface S { id: u32; }\ninterface T { a: u8 b: }\n` });
      expect(brief(r.diagnostics)).toEqual(["1005 3:21 ';' expected.", "1005 3:24 Type expected."]);
      expect(stripLocs(r.value.types.S)).toEqual({ kind: "record", name: "S", record: { kind: "struct", packed: false, fields: [{ name: "id", type: { kind: "scalar", name: "u32" } }] } });
    });

    it("1006: index signature", () => {
      expect(diagnose(`interface S {\n  id: u32;\n  [key: string]: u32;\n}\n`)).toEqual([
        "1006 4:3 Index signature in 'S': a typed struct has a fixed set of fields. Declare each field, or use 'array<T, N>'.",
      ]);
    });

    it("1007: generic type parameters", () => {
      expect(diagnose(`interface Box<T> { id: u32; v: T }\n`)).toEqual([
        "1007 2:15 'Box' declares type parameters; a typed struct cannot be generic. Declare one struct per instantiation.",
      ]);
    });

    it("1008: extends clause", () => {
      expect(diagnose(`interface Base { id: u32 }\ninterface D extends Base { x: u8 }\n`)).toEqual([
        "1008 3:21 Interface 'D' extends 'Base'; 'extends' has no C meaning. Add a member 'base: Base' instead.",
      ]);
    });

    it.each([
      ["array<u8, N>", "N", "1009 3:28 Array length in 'a' must be a non-negative integer literal, such as 'array<T, 16>'; got 'N'."],
      ["array<u8, -1>", "-1", "1009 3:28 Array length in 'a' must be a non-negative integer literal, such as 'array<T, 16>'; got '-1'."],
      ["array<u8, 1.5>", "1.5", "1009 3:28 Array length in 'a' must be a non-negative integer literal, such as 'array<T, 16>'; got '1.5'."],
      ["bits<u32, W>", "W", "1010 3:28 Bit width in 'a' must be a non-negative integer literal, such as 'bits<u32, 3>'; got 'W'."],
      ["aligned<u32, 0>", "0", "1011 3:31 Alignment in 'a' must be a positive integer literal, such as 'aligned<T, 8>'; got '0'."],
    ])("1009-1011: %s", (type, _arg, expected) => {
      expect(diagnose(`type N = 4; type W = 3;\ninterface S { a: ${type} }\n`)).toEqual([expected]);
    });

    it("1012: unresolvable import", () => {
      expect(diagnose(`import type { Task } from "./missing";\ninterface S { id: u32; t: ptr<Task> }\n`)).toEqual([
        "1012 3:31 Cannot resolve module './missing', from which 'Task' is imported.",
      ]);
    });

    it("1013: bits outside a field", () => {
      expect(diagnose(`interface S { a: array<bits<u32, 3>, 2> }\n`)).toEqual([
        "1013 2:24 'bits<…>' in 'a' is only allowed as the type of a field, such as 'flags: bits<u32, 3>'.",
      ]);
    });

    it("1014: wrong number of type arguments", () => {
      expect(diagnose(`interface S { a: array<u8> }\n`)).toEqual(["1014 2:18 'array' takes 2 type argument(s), such as 'array<u8, 16>'."]);
    });

    it("1014: reported once for a field's outer wrapper", () => {
      expect(diagnose(`interface S { a: aligned<u32>; b: packed<u8, 2> }\n`)).toEqual([
        "1014 2:18 'aligned' takes 2 type argument(s), such as 'aligned<u64, 8>'.",
        "1014 2:35 'packed' takes 1 type argument(s), such as 'packed<{ a: u8; b: u32 }>'.",
      ]);
    });

    it("1015: enum member that is not an integer constant", () => {
      expect(diagnose(`enum E { A = 1, B = "b", C = 1.5 }\ninterface S { e: E; id: u8 }\n`)).toEqual([
        "1015 2:17 Enum member 'B' has value 'b'; a C enum needs an integer constant, such as 'B = 1'.",
        "1015 2:26 Enum member 'C' has value '1.5'; a C enum needs an integer constant, such as 'C = 1'.",
      ]);
    });

    it("1016: packed without meaning", () => {
      expect(diagnose(`interface S { a: array<packed<u32>, 2> }\n`)).toEqual([
        "1016 2:24 'packed<…>' in 'a' has no C meaning here. Put it around a record literal ('packed<{ ... }>') or on a whole field type ('x: packed<u64>').",
      ]);
    });

    it("1017: union around something else than an object literal", () => {
      expect(diagnose(`interface T { x: u8 }\ninterface S { a: union<T> }\n`)).toEqual([
        "1017 3:18 'union<…>' in 'a' needs an object type literal, such as 'union<{ a: u32; b: f32 }>'.",
      ]);
    });

    it("1018: computed field name", () => {
      expect(diagnose(`const k = "a";\ninterface S { id: u8; [k]: u32 }\n`)).toEqual([
        "1018 3:23 A field of 'S' has a computed or non-identifier name; a C member needs a plain name, such as 'len: u32'.",
      ]);
    });

    it("1018: quoted field name that is not a C identifier", () => {
      const r = extractProject(ts, { "main.ts": IMPORTS + `interface S { "ok_name": u8; "my-field": u32 }\n` });
      expect(brief(r.diagnostics)).toEqual([
        "1018 2:30 A field of 'S' has a computed or non-identifier name; a C member needs a plain name, such as 'len: u32'.",
      ]);
      expect(r.value.types.S?.kind === "record" && r.value.types.S.record.fields.map((f) => f.name)).toEqual(["ok_name"]);
    });

    it("1019: field without type annotation", () => {
      expect(diagnose(`interface S {\n  id: u8;\n  x;\n}\n`)).toEqual(["1019 4:3 Field 'x' has no type annotation. Write its C type, such as 'x: i32'."]);
    });

    it("1020: alias of a type without C layout", () => {
      expect(diagnose(`type Name = string;\ninterface S { id: u8; n: Name }\n`)).toEqual([
        "1020 2:13 Type 'Name' is 'string', which has no C layout. Use a C type such as array<c_char, N>.",
      ]);
    });

    it("1021: merged declarations", () => {
      expect(diagnose(`interface S { a: u8 }\ninterface S { b: u32 }\n`)).toEqual([
        "1021 3:11 'S' is declared more than once; a typed struct or enum must have a single declaration.",
      ]);
    });

    it("1022: call signature", () => {
      expect(diagnose(`interface S {\n  a: u8;\n  (x: u8): void;\n}\n`)).toEqual([
        "1022 4:3 'S' has a call or construct signature; a typed struct holds data only. Use a field of type 'ptr<void>' for a function pointer.",
      ]);
    });

    it("reports inside imported declarations, at their own file", () => {
      const r = extractProject(ts, {
        "main.ts": IMPORTS + `import type { Other } from "./other";\ninterface S { id: u8; o: Other }\n`,
        "other.ts": `export interface Other { name: string }\n`,
      });
      expect(r.diagnostics.map((d) => [d.code, d.loc?.file])).toEqual([[1001, r.names["other.ts"]]]);
    });
  });
}
