import { describe, expect, test } from "vitest";
import { TypedMemory, __typed, typedCache, typedCacheAsync } from "@typedc/runtime";
import { COUNTERS, typeSetOf } from "./runtime-memory-helpers.ts";

const counters = typeSetOf(COUNTERS, "Counters");

describe("typedCache", () => {
  test("typedCacheAsync waits for a cache another agent creates later, then shares its objects", async () => {
    const memory = TypedMemory.create({ bytes: 1 << 16 });
    const pending = typedCacheAsync("late.slab", { memory, type: counters, format: "x86_64-linux", create: "never", wait: 5000 });
    await new Promise((r) => setTimeout(r, 20));
    const creator = typedCache("late.slab", { memory: TypedMemory.from(memory.buffer), type: counters, format: "ppc64le-linux", capacity: 2 });
    const attached = await pending;
    expect(attached.created).toBe(false);
    expect(creator.created).toBe(true);
    expect(attached.format).toBe("ppc64le-linux");
    expect(memory.query("late.slab")).toMatchObject({ kind: "cache", format: "ppc64le-linux", count: 2 });
    const a = attached.alloc();
    const b = creator.alloc();
    expect(creator.indexOf(a)).not.toBe(creator.indexOf(b));
    expect(() => attached.alloc()).toThrow(/exhausted: all 2 objects/);
    a.owner = 2 ** 40; // c_long is 8 bytes in ppc64le
    expect(creator.inUse).toBe(2);
    creator.free(a);
    attached.free(b);
    expect(attached.inUse).toBe(0);
  });

  test("objects are laid out after the free list, stride apart, inside the published area", () => {
    const memory = TypedMemory.create({ bytes: 1 << 16 });
    const cache = typedCache("layout", { memory, type: counters, format: "i386-linux", capacity: 5 });
    const area = memory.query("layout")!;
    const size = counters["i386-linux"]!.types[counters["i386-linux"]!.root]!.byteSize;
    const objects = Array.from({ length: 5 }, () => cache.alloc());
    for (const o of objects) o.hits = cache.indexOf(o) + 100;
    const data = new DataView(memory.buffer);
    const firstObject = area.byteOffset + area.byteLength - 5 * size;
    for (let i = 0; i < 5; i++) expect(data.getInt32(firstObject + i * size + 8, true)).toBe(i + 100); // hits at offset 8 in i386
    expect(firstObject - area.byteOffset).toBeGreaterThanOrEqual(64 + 4 * 5); // header and links come first
  });

  test("a cache name cannot be opened as a cache by a different declaration", () => {
    const memory = TypedMemory.create({ bytes: 1 << 16 });
    typedCache("typed.slab", { memory, type: counters, capacity: 4 });
    const other = typeSetOf({ types: { Counters: { kind: "record", name: "Counters", record: { kind: "struct", packed: false, fields: [{ name: "only", type: { kind: "scalar", name: "u8" } }] } } } }, "Counters");
    expect(() => typedCache("typed.slab", { memory, type: other })).toThrow(expect.objectContaining({ name: "TypedFormatError", code: 5013 }));
    expect(() => typedCache("plain", { memory, type: counters, create: "never" })).toThrow(expect.objectContaining({ code: 5006 }));
    __typed("area", { memory, type: counters });
    expect(() => typedCache("area", { memory, type: counters })).toThrow(/is a typed area, not a typed cache/);
  });
});
