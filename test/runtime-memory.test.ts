import { describe, expect, test } from "vitest";

import { encodeTable } from "@typedc/core";
import { TypedMemory } from "../packages/runtime/src/memory.ts";
import { bumpAllocate } from "../packages/runtime/src/alloc.ts";
import { ENTRY, EntryKind, EntryState, HEADER } from "../packages/runtime/src/directory-format.ts";
import { TypedBoundsError, TypedError, TypedIntegrityError } from "../packages/runtime/src/errors.ts";
import { COUNTERS, typeSetOf } from "./runtime-memory-helpers.ts";

const counters = typeSetOf(COUNTERS, "Counters");
const armv7 = counters["armv7-linux"]!;

// publish claims `name` and publishes an area holding `table`, as a creator does.
function publish(memory: TypedMemory, name: string, table = armv7, byteLength = 256) {
  const dir = memory.directory;
  const claim = dir.claim(name);
  expect(claim.claimed).toBe(true);
  const areaByteOffset = dir.allocateArea(name, byteLength, 8);
  dir.publish(claim.index, name, { kind: EntryKind.area, areaByteOffset, areaByteLength: byteLength, count: 0, formatId: table.format }, encodeTable(table));
  return { index: claim.index, areaByteOffset };
}

describe("TypedMemory.create and TypedMemory.from", () => {
  test("a fresh SharedArrayBuffer gets a directory that from() accepts", () => {
    const memory = TypedMemory.create({ bytes: 1 << 16 });
    expect(memory.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(memory.buffer.byteLength).toBe(1 << 16);
    const data = new DataView(memory.buffer);
    expect(data.getUint32(HEADER.magic, true)).toBe(0x44505954);
    expect(String.fromCharCode(...new Uint8Array(memory.buffer, 0, 4))).toBe("TYPD");
    const again = TypedMemory.from(memory.buffer);
    expect(again.directory.entryCapacity).toBe(64);
    expect(again.directory.heapStart).toBe(memory.directory.heapStart);
  });

  test("accepts ArrayBuffer, Uint8Array (Buffer) with an offset, and WebAssembly.Memory with a reserved range", () => {
    const plain = TypedMemory.create({ buffer: new ArrayBuffer(1 << 16) });
    publish(plain, "plain");
    expect(plain.query("plain")?.format).toBe("armv7-linux");

    const backing = new SharedArrayBuffer(1 << 16);
    const slice = new Uint8Array(backing, 4096, 57344);
    const sliced = TypedMemory.create({ buffer: slice });
    const { areaByteOffset } = publish(sliced, "sliced");
    expect(TypedMemory.from(slice).query("sliced")?.byteOffset).toBe(areaByteOffset);
    expect(new DataView(backing).getUint32(4096, true)).toBe(0x44505954); // the directory is at the slice's start
    expect(() => TypedMemory.from(backing)).toThrow(TypedIntegrityError);

    const wasm = new WebAssembly.Memory({ initial: 2, maximum: 4, shared: true });
    const reserved = { directoryOffset: 1024, entryCapacity: 8, tableRegionByteLength: 4096, heapOffset: 65536, heapByteLength: 32768 };
    const onWasm = TypedMemory.create({ buffer: wasm, ...reserved });
    const area = publish(onWasm, "wasm.area");
    expect(area.areaByteOffset).toBeGreaterThanOrEqual(65536);
    expect(TypedMemory.from(wasm.buffer, { directoryOffset: 1024 }).query("wasm.area")?.byteOffset).toBe(area.areaByteOffset);
    expect(() => TypedMemory.from(wasm.buffer)).toThrow(TypedIntegrityError); // nothing at offset 0
  });

  test("rejects a directory that does not fit and options that are not byte offsets", () => {
    expect(() => TypedMemory.create({ bytes: 1024 })).toThrow(TypedBoundsError);
    expect(() => TypedMemory.create({ bytes: 1 << 16, directoryOffset: 3 })).toThrow(/directoryOffset/);
    expect(() => TypedMemory.create({ bytes: 1 << 16, heapOffset: 0 })).toThrow(TypedBoundsError); // heap over the directory
    expect(() => TypedMemory.create({ bytes: 0 })).toThrow(TypedError);
  });

  test("from() reports a corrupt header as TypedIntegrityError, byte by byte", () => {
    const memory = TypedMemory.create({ bytes: 1 << 16 });
    const bytes = new Uint8Array(memory.buffer);
    for (let i = 0; i < HEADER.checksum + 8; i++) {
      bytes[i] ^= 0xff;
      expect(() => TypedMemory.from(memory.buffer), `header byte ${i}`).toThrow(TypedIntegrityError);
      bytes[i] ^= 0xff;
    }
    expect(() => TypedMemory.from(memory.buffer)).not.toThrow();
    expect(() => TypedMemory.from(new SharedArrayBuffer(1 << 16))).toThrow(/bad magic/);
  });
});

describe("the directory", () => {
  test("a name is claimed once; find() sees it; query() returns the published format", () => {
    const memory = TypedMemory.create({ bytes: 1 << 16 });
    const dir = memory.directory;
    expect(dir.find("kernel.tasks")).toBeUndefined();
    const first = dir.claim("kernel.tasks");
    expect(first.claimed).toBe(true);
    expect(dir.state(first.index)).toBe(EntryState.reserved);
    expect(dir.claim("kernel.tasks")).toEqual({ index: first.index, claimed: false });
    expect(memory.query("kernel.tasks")).toBeUndefined(); // reserved, not yet published
    const areaByteOffset = dir.allocateArea("kernel.tasks", 128, 8);
    dir.publish(first.index, "kernel.tasks", { kind: EntryKind.area, areaByteOffset, areaByteLength: 128, count: 0, formatId: "armv7-linux" }, encodeTable(armv7));
    const found = memory.query("kernel.tasks")!;
    expect(found).toMatchObject({ name: "kernel.tasks", kind: "area", format: "armv7-linux", hash: armv7.hash, byteOffset: areaByteOffset, byteLength: 128 });
    expect(found.table.types[found.table.root]!.byteSize).toBe(armv7.types[armv7.root]!.byteSize);
    expect(memory.names()).toEqual(["kernel.tasks"]);
  });

  test("names collide into the same slot and are told apart; a full directory is an error", () => {
    const memory = TypedMemory.create({ bytes: 1 << 16, entryCapacity: 4 });
    const names = ["a", "b", "c", "ü-ñame"];
    const slots = names.map((n) => publish(memory, n).index);
    expect(new Set(slots).size).toBe(4);
    for (const n of names) expect(memory.query(n)?.name).toBe(n);
    expect(() => memory.directory.claim("e")).toThrow(/directory is full \(4 entries\)/);
    expect(memory.directory.find("e")).toBeUndefined();
    expect(() => memory.directory.claim("")).toThrow(TypedError);
    expect(() => memory.directory.claim("x".repeat(65))).toThrow(/65 UTF-8 bytes/);
  });

  test("areas are aligned, disjoint, zeroed; running out of heap is an error", () => {
    const memory = TypedMemory.create({ bytes: 1 << 16, heapByteLength: 1024 });
    const dir = memory.directory;
    new Uint8Array(memory.buffer).fill(0xaa, dir.heapStart, dir.heapStart + 1024);
    const a = dir.allocateArea("a", 3, 1);
    const b = dir.allocateArea("b", 100, 64);
    const c = dir.allocateArea("c", 8, 8);
    expect(b % 64).toBe(0);
    expect(c % 8).toBe(0);
    expect(a + 3).toBeLessThanOrEqual(b);
    expect(b + 100).toBeLessThanOrEqual(c);
    expect([...new Uint8Array(memory.buffer, b, 100)].every((x) => x === 0)).toBe(true);
    expect(() => dir.allocateArea("d", 2000, 8)).toThrow(/needs 2000 bytes/);
  });

  test("bumpAllocate hands out disjoint ranges and stops at the end", () => {
    const int32 = new Int32Array(new SharedArrayBuffer(8));
    const starts: number[] = [];
    for (;;) {
      const start = bumpAllocate(int32, 0, 24, 16, 1000);
      if (start < 0) break;
      starts.push(start);
    }
    expect(starts).toEqual(Array.from({ length: 31 }, (_, i) => i * 32));
    expect(Atomics.load(int32, 0)).toBe(30 * 32 + 24);
  });
});

describe("integrity", () => {
  test("flipping any byte of a published entry or its table makes query() throw TypedIntegrityError", () => {
    const memory = TypedMemory.create({ bytes: 1 << 16, entryCapacity: 8 });
    const { index } = publish(memory, "sealed");
    const bytes = new Uint8Array(memory.buffer);
    const entryAt = memory.directory.entryByteOffset(index);
    const entry = memory.directory.read(index);
    const tableAt = entry.tableOffset;
    const ranges = [
      [entryAt, entryAt + ENTRY.byteSize],
      [tableAt, tableAt + entry.tableByteLength],
    ] as const;
    let flipped = 0;
    for (const [start, end] of ranges) {
      for (let i = start; i < end; i++) {
        bytes[i] ^= 0xff;
        expect(() => memory.query("sealed"), `byte ${i - start} of ${start === entryAt ? "the entry" : "the table"}`).toThrow(TypedIntegrityError);
        bytes[i] ^= 0xff;
        flipped++;
      }
    }
    expect(flipped).toBe(ENTRY.byteSize + entry.tableByteLength);
    expect(memory.query("sealed")?.hash).toBe(armv7.hash);
  });

  test("a re-sealed but altered table is still caught by the table's own hash", async () => {
    const { encodeTableBody } = await import("../packages/core/src/tables/encode.ts");
    const memory = TypedMemory.create({ bytes: 1 << 16 });
    const dir = memory.directory;
    const claim = dir.claim("forged");
    const forged = { ...armv7, pointerSize: 2 }; // body changed, old hash kept
    const bytes = encodeTable(forged);
    expect(encodeTableBody(forged).length).toBe(bytes.length - 8);
    dir.publish(claim.index, "forged", { kind: EntryKind.area, areaByteOffset: dir.allocateArea("forged", 256, 8), areaByteLength: 256, count: 0, formatId: "armv7-linux" }, bytes);
    expect(() => memory.query("forged")).toThrow(/content does not match its hash/);
  });
});
