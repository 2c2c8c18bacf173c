/**
 * Bit-fields on SysV and MS tables, little- and big-endian: the view's bytes are
 * compared with a bit-by-bit reference that places bit j of a field by DWARF's
 * numbering (little-endian: bit k is bit k%8 of byte k/8 from the LSB; big-endian:
 * bit 0 is the MSB of byte 0), and with bytes worked out by hand.
 */
import { describe, expect, it } from "vitest";
import type { AbiId, TableMember } from "@typedc/core";
import { bindView } from "../packages/runtime/src/bind.js";
import { bits, declSet, sc, seededRandom, struct, tableOf } from "./runtime-view-helpers.js";

const FLAGS = declSet(
  struct("Flags", [
    ["a", bits(sc("u32"), 3)],
    ["b", bits(sc("u32"), 5)],
    ["c", bits(sc("i16"), 5)],
    ["d", bits(sc("u8"), 7)],
    ["e", bits(sc("i32"), 17)],
    ["f", bits(sc("u64"), 40)],
    ["g", bits(sc("c_long"), 31)],
    ["h", bits(sc("u32"), 32)],
  ]),
);

// setBitsByHand writes `value` into a field bit by bit, in DWARF bit numbering.
function setBitsByHand(bytes: Uint8Array, base: number, m: TableMember, value: bigint, le: boolean): void {
  const w = m.bitSize!;
  const o = m.dataBitOffset!;
  for (let j = 0; j < w; j++) {
    const bit = Number((BigInt.asUintN(w, value) >> BigInt(j)) & 1n);
    const k = le ? o + j : o + w - 1 - j; // big-endian: the field's MSB is at bit o
    const byte = base + (k >> 3);
    const mask = le ? 1 << (k & 7) : 0x80 >> (k & 7);
    bytes[byte] = bit ? bytes[byte]! | mask : bytes[byte]! & ~mask;
  }
}

const FORMATS: AbiId[] = ["x86_64-linux", "x86_64-windows", "s390x-linux", "mips-linux", "armv7-linux"];

describe("bit-fields", () => {
  for (const format of FORMATS) {
    for (const strategy of ["table", "codegen"] as const) {
      it(`${format} (${strategy}): random values match a bit-by-bit reference`, () => {
        const table = tableOf(FLAGS, "Flags", format);
        const root = table.types[table.root] as { byteSize: number; members: readonly TableMember[] };
        const le = table.endian === "little";
        const viewBytes = new Uint8Array(root.byteSize + 8);
        const refBytes = new Uint8Array(root.byteSize + 8);
        const v = bindView(table, { bytes: viewBytes, byteOffset: 4, byteLength: root.byteSize }, { strategy });
        const rnd = seededRandom(7);
        for (let n = 0; n < 400; n++) {
          const m = root.members[Math.floor(rnd() * root.members.length)]!;
          const w = m.bitSize!;
          const signed = m.encoding === "signed";
          const u = BigInt(Math.floor(rnd() * 2 ** Math.min(w, 30))) * (w > 30 ? BigInt(Math.floor(rnd() * 2 ** (w - 30))) + 1n : 1n);
          const raw = BigInt.asUintN(w, u);
          const value = signed ? BigInt.asIntN(w, raw) : raw;
          const isBig = m.name === "f";
          v[m.name] = isBig ? value : Number(value);
          setBitsByHand(refBytes, 4, m, value, le);
          if (viewBytes.some((b, i) => b !== refBytes[i])) expect(viewBytes, `${m.name} = ${value}`).toEqual(refBytes);
          expect(v[m.name]).toEqual(isBig ? value : Number(value));
        }
      });
    }
  }

  it("bytes by hand: { u8 a:3; u8 b:5 } with a=5, b=17 is 0x8D little-endian, 0xB1 big-endian", () => {
    const decls = declSet(struct("B", [["a", bits(sc("u8"), 3)], ["b", bits(sc("u8"), 5)]]));
    for (const [format, expected] of [["x86_64-linux", 0x8d], ["mips-linux", 0xb1]] as const) {
      const bytes = new Uint8Array(1);
      const v = bindView(tableOf(decls, "B", format), { bytes, byteOffset: 0, byteLength: 1 });
      v.a = 5;
      v.b = 17;
      expect(bytes[0], format).toBe(expected);
      expect([v.a, v.b]).toEqual([5, 17]);
    }
  });

  it("MS rules: a u8 field after a u32 bit-field starts a new unit", () => {
    const decls = declSet(struct("M", [["a", bits(sc("u32"), 4)], ["b", bits(sc("u8"), 4)]]));
    const sysv = tableOf(decls, "M", "x86_64-linux");
    const ms = tableOf(decls, "M", "x86_64-windows");
    const bOff = (t: typeof sysv) => (t.types[t.root] as { members: readonly TableMember[] }).members[1]!.dataBitOffset;
    expect([bOff(sysv), bOff(ms)]).toEqual([4, 32]);
    const bytes = new Uint8Array(8);
    const v = bindView(ms, { bytes, byteOffset: 0, byteLength: 8 });
    v.b = 9;
    expect([...bytes]).toEqual([0, 0, 0, 0, 9, 0, 0, 0]);
  });

  it("writing only changes the field's bits", () => {
    const table = tableOf(FLAGS, "Flags", "s390x-linux");
    const n = table.types[table.root]!.byteSize;
    const bytes = new Uint8Array(n).fill(0xff);
    const v = bindView(table, { bytes, byteOffset: 0, byteLength: n });
    v.b = 0;
    expect(v.a).toBe(7);
    expect(v.c).toBe(-1);
    expect(v.b).toBe(0);
  });
});
