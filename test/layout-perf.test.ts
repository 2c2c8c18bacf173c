/**
 * The engine's memo (WeakMaps per DeclSet and AbiSpec) and speed: SPEC §7 `typedc layout`
 * on a 2,000-record file for all 12 formats must take a few seconds at most.
 */
import { describe, expect, it } from "vitest";
import { ABI_IDS, ABIS, layoutOf, type CType, type DeclSet, type Field, type NamedType } from "@typedc/core";
import { array, bits, f, named, struct, t } from "./layout-decls.js";

// chainDecls builds `count` records, each holding scalars, a bit-field run, the previous record
// (as a one-element array) and a pointer: 2,000 levels of nesting without cycles by value.
function chainDecls(count: number): DeclSet {
  const types: Record<string, NamedType> = {};
  for (let i = 0; i < count; i++) {
    const fields: Field[] = [
      f("a", "c_char"),
      f("b", bits("c_uint", (i % 31) + 1)),
      f("c", bits("u8", 3)),
      f("d", i % 2 === 0 ? "c_long" : "f64"),
      f("p", { kind: "pointer", target: named(`R${i}`) } satisfies CType),
    ];
    if (i > 0) fields.push(f("prev", array(named(`R${i - 1}`), 1)));
    if (i % 7 === 0) fields.push(f("tail", array(t("u16"), 0)));
    types[`R${i}`] = { kind: "record", name: `R${i}`, record: struct(fields, { packed: i % 5 === 0 }) };
  }
  return { types };
}

describe("layout memo and speed", () => {
  it("lays out 2,000 nested records for all 12 ABIs in well under a few seconds", () => {
    const decls = chainDecls(2000);
    const started = performance.now();
    for (const id of ABI_IDS) {
      for (const name of Object.keys(decls.types)) layoutOf(decls, name, ABIS[id]);
    }
    const elapsedMs = performance.now() - started;
    expect(elapsedMs).toBeLessThan(3000);
    // Each level adds its own members around the previous record: sizes grow and stay exact.
    const last = layoutOf(decls, "R1999", ABIS["x86_64-linux"]);
    expect(last.byteSize).toBeGreaterThan(layoutOf(decls, "R1998", ABIS["x86_64-linux"]).byteSize);
    expect(Number.isSafeInteger(last.byteSize)).toBe(true);
  });

  it("returns the same layout object for the same (DeclSet, ABI) and recomputes for another DeclSet", () => {
    const a = chainDecls(3);
    const b = chainDecls(3);
    const abi = ABIS["mips-linux"];
    expect(layoutOf(a, "R2", abi)).toBe(layoutOf(a, "R2", abi));
    expect(layoutOf(b, "R2", abi)).not.toBe(layoutOf(a, "R2", abi));
    expect(layoutOf(b, "R2", abi)).toEqual(layoutOf(a, "R2", abi));
  });
});
