/**
 * interop-producers: files written by real C programs on real (qemu-emulated) ISAs,
 * committed under fixtures/interop/<abi>/ by scripts/interop/produce.sh, checked
 * against typedc's declarations of the same structs (interop/producers/records.ts):
 *
 * 1. the layout each cross gcc chose (offsetof/sizeof, bit-fields probed) is the
 *    layout typedc's engine computes for that ABI, field by field;
 * 2. every value the C program printed is what typedc's type table decodes from
 *    the bytes it wrote (endianness, char/wchar_t signedness, bit-fields, floats,
 *    packed and aligned members, pointers).
 */
import { existsSync, readFileSync } from "node:fs";
import { ts } from "ts-morph";
import { describe, expect, it } from "vitest";
import { ABIS, buildTable, layoutJson, type AbiId, type DeclSet } from "@typedc/core";
import { extractFromFiles } from "@typedc/tsc-plugin";
import { readPath } from "../interop/support/table-reader.js";

const ROOT = new URL("../", import.meta.url);
const PRODUCER_ABIS: AbiId[] = ["x86_64-linux", "aarch64-linux", "i386-linux", "armv7-linux", "riscv64-linux", "s390x-linux", "mips-linux"];

type JsonValue = number | string | boolean | null;
interface Produced {
  abi: AbiId;
  count: number;
  recordSize: number;
  recordAlign: number;
  padByte: number;
  base: string;
  layout: Record<string, unknown>;
  records: Record<string, JsonValue>[];
}

/** loadProduced reads one ABI's committed records.json and records.bin. */
function loadProduced(abi: AbiId): { json: Produced; bin: Uint8Array } {
  const dir = new URL(`fixtures/interop/${abi}/`, ROOT);
  return {
    json: JSON.parse(readFileSync(new URL("records.json", dir), "utf8")) as Produced,
    bin: new Uint8Array(readFileSync(new URL("records.bin", dir))),
  };
}

// The typedc declarations, extracted once by the TypeScript front-end.
const extracted = extractFromFiles(ts as never, [new URL("interop/producers/records.ts", ROOT).pathname]);
const decls: DeclSet = extracted.value;

/** asString prints a decoded value as the producer's JSON does (64-bit integers and pointers as decimal strings). */
const asJson = (v: number | bigint | boolean | null): JsonValue => (typeof v === "bigint" ? v.toString() : v);

it("records.ts is accepted by the extractor without diagnostics", () => {
  expect(extracted.diagnostics).toEqual([]);
  expect(Object.keys(decls.types)).toEqual(["Color", "Bits", "Packed", "Num", "Pair", "Rec"]);
});

describe.each(PRODUCER_ABIS)("%s producer", (abi) => {
  const { json, bin } = loadProduced(abi);
  const spec = ABIS[abi];

  it("wrote exactly `count` records of `recordSize` bytes", () => {
    expect(json.abi).toBe(abi);
    expect(json.records).toHaveLength(json.count);
    expect(bin.byteLength).toBe(json.count * json.recordSize);
    expect(readFileSync(new URL(`fixtures/interop/${abi}/build.txt`, ROOT), "utf8")).toMatch(/^ran: (natively|qemu-)/m);
  });

  it("laid out every record type as typedc does for this ABI", () => {
    const ours = layoutJson(decls, spec);
    for (const name of Object.keys(json.layout)) expect({ [name]: ours[name] }).toEqual({ [name]: json.layout[name] });
    expect(ours.Rec).toMatchObject({ size: json.recordSize, align: json.recordAlign });
  });

  it("wrote every value where typedc's type table reads it", () => {
    const table = buildTable(decls, "Rec", spec);
    json.records.forEach((record, i) => {
      // Compare only the differing paths, so a failure names them.
      const differing: Record<string, { wrote: JsonValue; read: JsonValue }> = {};
      for (const [path, wrote] of Object.entries(record)) {
        const read = asJson(readPath(bin, i * json.recordSize, table, path));
        if (!Object.is(read, wrote) && !(read === 0 && wrote === 0)) differing[`${i}:${path}`] = { wrote, read };
      }
      expect(differing).toEqual({});
    });
  });

  it("stored `next` as the absolute address of the following record", () => {
    json.records.forEach((record, i) => {
      if (i + 1 === json.count) expect(record.next).toBeNull();
      else expect(BigInt(record.next as string) - BigInt(json.base)).toBe(BigInt((i + 1) * json.recordSize));
    });
  });
});

describe("the same C values, different bytes", () => {
  const armv7 = loadProduced("armv7-linux");
  const mips = loadProduced("mips-linux");

  it("armv7 and mips share a layout but not a byte order", () => {
    expect(armv7.json.layout).toEqual(mips.json.layout);
    expect(armv7.bin).not.toEqual(mips.bin);
    // `word` is 0x0A0B0C0D in record 0: octets[0] is its low byte on armv7, its high byte on mips.
    expect([armv7.json.records[0]!["octets[0]"], mips.json.records[0]!["octets[0]"]]).toEqual([0x0d, 0x0a]);
  });

  it("plain char and wchar_t signedness follow the ABI tables", () => {
    for (const abi of PRODUCER_ABIS) {
      const { json } = loadProduced(abi);
      const charSigned = ABIS[abi].scalars.c_char.encoding === "signed_char";
      const wcharSigned = ABIS[abi].scalars.c_wchar.encoding === "signed";
      // record 2 wrote (char)139, record 1 wrote (wchar_t)-1000
      expect({ abi, c: json.records[2]!.c, wc: json.records[1]!.wc }).toEqual({
        abi,
        c: charSigned ? 139 - 256 : 139,
        wc: wcharSigned ? -1000 : 2 ** 32 - 1000,
      });
    }
  });

  it("a changed byte is noticed by the table reader", () => {
    const { json, bin } = loadProduced("s390x-linux");
    const table = buildTable(decls, "Rec", ABIS["s390x-linux"]);
    const corrupted = bin.slice();
    const wide = json.layout as { Bits: { fields: { name: string; bitOffset: number }[] } };
    const wideBit = wide.Bits.fields.find((f) => f.name === "wide")!.bitOffset;
    const recOffsetOfBits = (json.layout as { Rec: { fields: { name: string; offset: number }[] } }).Rec.fields.find((f) => f.name === "bits")!.offset;
    corrupted[recOffsetOfBits + wideBit / 8 + 4] = corrupted[recOffsetOfBits + wideBit / 8 + 4]! ^ 0x01; // last byte of the 40-bit field: its least significant bit on big-endian
    expect(readPath(corrupted, 0, table, "bits.wide")).toBe(BigInt(json.records[0]!["bits.wide"] as string) ^ 1n);
  });
});

it("every producer ABI has committed fixtures", () => {
  for (const abi of PRODUCER_ABIS) expect(existsSync(new URL(`fixtures/interop/${abi}/records.bin`, ROOT))).toBe(true);
});
