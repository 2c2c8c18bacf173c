/**
 * The ABI table (core/src/abi/abis.ts) against clang-19's own answers for every
 * scalar, the pointer, enums and byte order (fixtures/abi/facts.json, written by
 * scripts/oracle/abi-facts.ts).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ABI_IDS, CLANG_TRIPLES } from "../packages/core/src/abi/ids.js";
import { ABIS } from "../packages/core/src/abi/abis.js";
import type { Encoding } from "../packages/core/src/abi/spec.js";
import { SCALAR_NAMES, type DeclSet } from "../packages/core/src/ir/ctype.js";
import { enumSpec, sizeAlignOf } from "../packages/core/src/layout/index.js";
import type { AbiFacts } from "../scripts/oracle/abi-facts.js";
import { ABI_FACTS_FILE } from "../scripts/oracle/fixture-files.js";

const FACTS = JSON.parse(readFileSync(ABI_FACTS_FILE, "utf8")) as Record<string, AbiFacts>;

// SIGNED_ENCODINGS are the DWARF encodings of signed integers.
const SIGNED_ENCODINGS: readonly Encoding[] = ["signed", "signed_char"];
const UNSIGNED_ENCODINGS: readonly Encoding[] = ["unsigned", "unsigned_char", "boolean"];

// Two enums: GCC picks unsigned int without negative enumerators, MSVC always int.
const ENUMS: DeclSet = {
  types: {
    NonNegative: { kind: "enum", name: "NonNegative", members: [{ name: "A", value: 1 }] },
    Negative: { kind: "enum", name: "Negative", members: [{ name: "B", value: -1 }] },
  },
};

describe("ABI facts (clang-19)", () => {
  it("covers every ABI id", () => {
    expect(Object.keys(FACTS)).toEqual([...ABI_IDS]);
  });

  for (const id of ABI_IDS) {
    describe(id, () => {
      const facts = FACTS[id]!;
      const abi = ABIS[id];

      it("triple, byte order and pointer", () => {
        expect(abi.triple).toBe(CLANG_TRIPLES[id]);
        expect(facts.triple).toBe(CLANG_TRIPLES[id]);
        expect(abi.endian).toBe(facts.endian);
        expect({ size: abi.pointer.byteSize, align: abi.pointer.byteAlign }).toEqual({
          size: facts.pointer.size, align: facts.pointer.memberAlign,
        });
      });

      it("every scalar: sizeof, alignment as a member, signedness", () => {
        const mismatches: string[] = [];
        for (const name of SCALAR_NAMES) {
          const spec = abi.scalars[name];
          const fact = facts.scalars[name]!;
          if (spec.byteSize !== fact.size) mismatches.push(`${name} size: clang ${fact.size}, table ${spec.byteSize}`);
          if (spec.byteAlign !== fact.memberAlign) mismatches.push(`${name} member align: clang ${fact.memberAlign}, table ${spec.byteAlign}`);
          if (fact.signed !== undefined) {
            const allowed = fact.signed ? SIGNED_ENCODINGS : UNSIGNED_ENCODINGS;
            if (!allowed.includes(spec.encoding)) mismatches.push(`${name} signed: clang ${fact.signed}, table encoding ${spec.encoding}`);
          } else if (spec.encoding !== "float") {
            mismatches.push(`${name}: clang says floating point, table encoding ${spec.encoding}`);
          }
        }
        expect(mismatches).toEqual([]);
      });

      it("_Atomic integers: alignment", () => {
        const mismatches: string[] = [];
        for (const name of SCALAR_NAMES) {
          const fact = facts.scalars[name]!;
          if (fact.atomicAlign === undefined) continue;
          const { byteAlign } = sizeAlignOf({ types: {} }, { kind: "atomic", base: { kind: "scalar", name } }, abi);
          if (byteAlign !== fact.atomicAlign) mismatches.push(`_Atomic ${name}: clang ${fact.atomicAlign}, engine ${byteAlign}`);
        }
        expect(mismatches).toEqual([]);
      });

      it("enums: size and signedness", () => {
        for (const [name, fact] of [["NonNegative", facts.enums.nonNegative], ["Negative", facts.enums.negative]] as const) {
          const spec = enumSpec(ENUMS, name, abi);
          expect({ name, size: spec.byteSize, align: spec.byteAlign, signed: SIGNED_ENCODINGS.includes(spec.encoding) }).toEqual({
            name, size: fact.size, align: fact.memberAlign, signed: fact.signed,
          });
        }
      });
    });
  }
});
