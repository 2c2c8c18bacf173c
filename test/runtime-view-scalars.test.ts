/**
 * Every scalar kind on little- and big-endian formats, both strategies: what the
 * view writes is compared with bytes decoded by hand with a DataView at the
 * member's offset, and what it reads with bytes written by hand.
 */
import { describe, expect, it } from "vitest";
import { SCALAR_NAMES, type AbiId, type TableMember } from "@typedc/core";
import { bindView } from "../packages/runtime/src/bind.js";
import { declSet, sc, struct, tableOf } from "./runtime-view-helpers.js";

const ALL = declSet(struct("All", SCALAR_NAMES.map((n) => [n, sc(n)] as const)));
const FORMATS: AbiId[] = ["x86_64-linux", "i386-linux", "armv7-linux", "x86_64-windows", "s390x-linux", "mips-linux", "wasm32"];
const BIGINTS = new Set(["i64", "u64", "c_longlong", "c_ulonglong"]);

// readByHand decodes a member with a DataView, from its encoding and size alone.
function readByHand(dv: DataView, m: TableMember, a: number, le: boolean): number | bigint | boolean {
  const n = m.byteSize;
  const signed = m.encoding === "signed" || m.encoding === "signed_char";
  if (m.encoding === "float") return n === 4 ? dv.getFloat32(a, le) : dv.getFloat64(a, le);
  if (m.encoding === "boolean") return dv.getUint8(a) === 1;
  if (n === 8) {
    const v = signed ? dv.getBigInt64(a, le) : dv.getBigUint64(a, le);
    return BIGINTS.has(m.name) ? v : Number(v);
  }
  const u = n === 1 ? dv.getUint8(a) : n === 2 ? dv.getUint16(a, le) : dv.getUint32(a, le);
  return signed && u >= 2 ** (8 * n - 1) ? u - 2 ** (8 * n) : u;
}

// sample picks a value that exercises the top bit of the member's format.
function sample(m: TableMember): number | bigint | boolean {
  const n = m.byteSize;
  const signed = m.encoding === "signed" || m.encoding === "signed_char";
  if (m.encoding === "float") return n === 4 ? Math.fround(-1.25e-3) : -1234.5678e100;
  if (m.encoding === "boolean") return true;
  if (BIGINTS.has(m.name)) return signed ? -(2n ** 62n) - 3n : 2n ** 64n - 5n;
  if (n === 8) return signed ? -(2 ** 52) - 7 : 2 ** 53 - 9;
  return signed ? -(2 ** (8 * n - 1)) + 1 : 2 ** (8 * n) - 2;
}

describe("scalars on every byte order", () => {
  for (const format of FORMATS) {
    for (const strategy of ["table", "codegen"] as const) {
      it(`${format} (${strategy})`, () => {
        const table = tableOf(ALL, "All", format);
        const root = table.types[table.root];
        if (root.tag !== "structure_type") throw new Error("struct expected");
        const bytes = new Uint8Array(new SharedArrayBuffer(root.byteSize + 16));
        const v = bindView(table, { bytes, byteOffset: 8, byteLength: root.byteSize }, { strategy });
        const dv = new DataView(bytes.buffer);
        const le = table.endian === "little";
        for (const m of root.members) {
          const value = sample(m);
          v[m.name] = value;
          expect(readByHand(dv, m, 8 + m.dataMemberLocation, le), m.name).toEqual(value);
          expect(v[m.name], m.name).toEqual(value);
        }
        // Bytes written by hand read back through the view.
        for (const m of root.members) {
          if (m.encoding === "float" || m.encoding === "boolean") continue;
          bytes.fill(0, 8 + m.dataMemberLocation, 8 + m.dataMemberLocation + m.byteSize);
          dv.setUint8(8 + m.dataMemberLocation + (le ? 0 : m.byteSize - 1), 0x2a);
          expect(v[m.name], m.name).toEqual(BIGINTS.has(m.name) ? 42n : 42);
        }
        expect(bytes.subarray(0, 8).every((b) => b === 0)).toBe(true);
        expect(bytes.subarray(8 + root.byteSize).every((b) => b === 0)).toBe(true);
      });
    }
  }

  it("plain char is signed on x86_64-linux and unsigned on armv7-linux and s390x-linux", () => {
    const read = (format: AbiId) => {
      const table = tableOf(ALL, "All", format);
      const bytes = new Uint8Array(64 * 4);
      const v = bindView(table, { bytes, byteOffset: 0, byteLength: table.types[table.root].byteSize });
      const m = (table.types[table.root] as { members: readonly TableMember[] }).members.find((x) => x.name === "c_char")!;
      bytes[m.dataMemberLocation] = 0xff;
      return v.c_char;
    };
    expect(read("x86_64-linux")).toBe(-1);
    expect(read("armv7-linux")).toBe(255);
    expect(read("s390x-linux")).toBe(255);
  });

  it("c_long is 8 bytes on x86_64-linux and 4 on x86_64-windows and i386-linux", () => {
    const size = (format: AbiId) => {
      const t = tableOf(ALL, "All", format);
      return (t.types[t.root] as { members: readonly TableMember[] }).members.find((x) => x.name === "c_long")!.byteSize;
    };
    expect([size("x86_64-linux"), size("x86_64-windows"), size("i386-linux")]).toEqual([8, 4, 4]);
  });

  it("f32 rounds like C (Math.fround)", () => {
    const table = tableOf(ALL, "All", "x86_64-linux");
    const v = bindView(table, { bytes: new Uint8Array(512), byteOffset: 0, byteLength: table.types[table.root].byteSize });
    for (const x of [0.1, 1 / 3, 16777217, -1e-40, 3.4028235677973366e38, NaN, Infinity]) {
      v.f32 = x;
      expect(v.f32).toEqual(Math.fround(x));
    }
  });
});
