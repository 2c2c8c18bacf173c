/**
 * interop-runtime: the typedc runtime (`__typed.at`, `bindView`) reads the files real C
 * programs wrote on other ISAs (fixtures/interop/<abi>/), with type sets built from
 * interop/producers/records.ts, and writes the same records byte for byte.
 */
import { readFileSync } from "node:fs";
import { ts } from "ts-morph";
import { describe, expect, it } from "vitest";
import { ABIS, buildTypeSet, type AbiId } from "@typedc/core";
import { __typed, bindView, TypedBoundsError } from "@typedc/runtime";
import { extractFromFiles } from "@typedc/tsc-plugin";
import { readViewPath, writeRecords, type JsonValue } from "../interop/support/view-paths.js";
import { writeTsRecords } from "../interop/support/ts-writer.js";

const ROOT = new URL("../", import.meta.url);
const PRODUCER_ABIS: AbiId[] = ["x86_64-linux", "aarch64-linux", "i386-linux", "armv7-linux", "riscv64-linux", "s390x-linux", "mips-linux"];
const decls = extractFromFiles(ts as never, [new URL("interop/producers/records.ts", ROOT).pathname]).value;

interface Produced {
  count: number;
  recordSize: number;
  padByte: number;
  base: string;
  records: Record<string, JsonValue>[];
}

function loadProduced(abi: string) {
  const dir = new URL(`fixtures/interop/${abi}/`, ROOT);
  return {
    json: JSON.parse(readFileSync(new URL("records.json", dir), "utf8")) as Produced,
    bin: new Uint8Array(readFileSync(new URL("records.bin", dir))),
  };
}

/** asJson prints a runtime value as records.json does. */
const asJson = (v: unknown): unknown => (typeof v === "bigint" ? v.toString() : v);

describe.each(PRODUCER_ABIS)("%s records through the runtime", (abi) => {
  const { json, bin } = loadProduced(abi);
  const type = buildTypeSet(decls, "Rec", [ABIS[abi]]);

  it("__typed.at reads every value the C program wrote", () => {
    const recs = __typed.at(bin, 0, { format: abi, type, count: json.count });
    expect(recs.length).toBe(json.count);
    json.records.forEach((record, i) => {
      const differing: Record<string, unknown> = {};
      for (const [path, wrote] of Object.entries(record)) {
        if (path === "next") continue;
        const read = asJson(readViewPath(recs[i], path));
        if (!Object.is(read, wrote) && !(read === 0 && wrote === 0)) differing[`${i}:${path}`] = { wrote, read };
      }
      expect(differing).toEqual({});
    });
  });

  it("follows `next` when told the writer's base address, and bounds-checks it when not", () => {
    const region = { bytes: bin, byteOffset: 0, byteLength: bin.byteLength, addressBase: Number(json.base) };
    const recs = bindView(type[abi]!, region, { count: json.count });
    for (let i = 0; i + 1 < json.count; i++) expect(recs[i].next.id).toBe(i + 1);
    expect(recs[json.count - 1].next).toBeNull();
    // `at` views a file as its own address space (pointers are offsets): the C addresses lie outside it.
    const asOffsets = __typed.at(bin, 0, { format: abi, type, count: json.count });
    expect(() => asOffsets[0].next).toThrow(TypedBoundsError);
  });

  it("writes the records byte for byte as the C compiler did", () => {
    const bytes = new Uint8Array(bin.byteLength).fill(json.padByte); // records.c fills padding the same way
    const region = { bytes, byteOffset: 0, byteLength: bytes.byteLength, addressBase: Number(json.base) };
    writeRecords(bindView(type[abi]!, region, { count: json.count }), json.records);
    const differingBytes = [...bytes.keys()].filter((k) => bytes[k] !== bin[k]);
    expect(differingBytes).toEqual([]);
  });
});

describe("files written by TypeScript for C (scripts/interop/write-ts.ts)", () => {
  it.each(PRODUCER_ABIS)("%s: the committed file is what the runtime writes now", (abi) => {
    const committed = new Uint8Array(readFileSync(new URL(`fixtures/interop/from-ts/${abi}/records.bin`, ROOT)));
    const { json } = loadProduced(abi);
    const written = writeTsRecords(decls, abi as AbiId, json.records);
    expect(written.byteLength).toBe(json.count * json.recordSize);
    expect(Buffer.from(written).equals(Buffer.from(committed))).toBe(true);
  });
});
