// Pins the binary table form, version 1, byte for byte: it is what shared memory publishes,
// so a change here breaks attachers built by older versions. Change it only with a new version.
import { describe, expect, it } from "vitest";
import type { TypeTable } from "@typedc/core";
import { decodeTable } from "../packages/core/src/tables/decode";
import { encodeTable } from "../packages/core/src/tables/encode";
import { hashTable } from "../packages/core/src/tables/hash";

const table: TypeTable = {
  version: 1,
  format: "mips-linux",
  endian: "big",
  pointerSize: 4,
  root: 0,
  types: [
    {
      tag: "structure_type",
      name: "N",
      byteSize: 12,
      alignment: 4,
      members: [
        { name: "next", type: 1, dataMemberLocation: 0, byteSize: 4, encoding: "address" },
        { name: "m", type: 2, dataMemberLocation: 4, byteSize: 4, encoding: "signed", dataBitOffset: 32, bitSize: 3 },
        { name: "tag", type: 3, dataMemberLocation: 8, byteSize: 2 },
      ],
    },
    { tag: "pointer_type", name: "ptr<N>", byteSize: 4, alignment: 4, target: 0 },
    { tag: "enumeration_type", name: "M", byteSize: 4, alignment: 4, encoding: "signed", enumerators: [{ name: "A", value: -1 }, { name: "B", value: 200 }] },
    { tag: "array_type", name: "array<c_char, 2>", byteSize: 2, alignment: 1, element: 4, count: 2, stride: 1 },
    { tag: "base_type", name: "c_char", byteSize: 1, alignment: 1, encoding: "signed_char" },
  ],
  hash: "",
};

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");

describe("binary table form v1", () => {
  it("encodes a table to these exact bytes", () => {
    const sealed = { ...table, hash: hashTable(table) };
    expect(sealed.hash).toBe("b2442d543e6f5c2f");
    const bytes = encodeTable(sealed);
    const ascii = (s: string) => hex(new TextEncoder().encode(s));
    const expected =
      "54444354" + "01" + // magic "TDCT", version 1
      "0b" + // 11 strings, in order of first use:
      "0a" + ascii("mips-linux") + "01" + ascii("N") + "04" + ascii("next") + "01" + ascii("m") + "03" + ascii("tag") +
      "06" + ascii("ptr<N>") + "01" + ascii("M") + "01" + ascii("A") + "01" + ascii("B") + "10" + ascii("array<c_char, 2>") + "06" + ascii("c_char") +
      "00" + "01" + "04" + "00" + "05" + // format #0, big endian, pointerSize 4, root 0, 5 types
      "04" + "01" + "0c" + "04" + "03" + // struct N, 12 bytes, align 4, 3 members:
      "02" + "01" + "00" + "04" + "01" + "07" + // next: type 1 @0, 4 bytes, has encoding: address
      "03" + "02" + "04" + "04" + "03" + "01" + "20" + "03" + // m: type 2 @4, 4 bytes, encoding signed, bits 32+3
      "04" + "03" + "08" + "02" + "00" + // tag: type 3 @8, 2 bytes, no flags
      "02" + "05" + "04" + "04" + "01" + // ptr<N> → target 0 (+1)
      "06" + "06" + "04" + "04" + "01" + "02" + "07" + "01" + "08" + "9003" + // enum M signed: A = -1 (zigzag 1), B = 200 (zigzag 400)
      "03" + "09" + "02" + "01" + "04" + "02" + "01" + // array<c_char, 2>: element 4, count 2, stride 1
      "01" + "0a" + "01" + "01" + "03" + // c_char: signed_char
      sealed.hash;
    expect(hex(bytes)).toBe(expected);
    expect(decodeTable(bytes)).toEqual(sealed);
  });

  it("hashes the encoding without the hash field", () => {
    expect(hashTable(table)).toBe(hashTable({ ...table, hash: "ffffffffffffffff" }));
    expect(hashTable(table)).not.toBe(hashTable({ ...table, format: "armv7-linux" }));
  });
});
