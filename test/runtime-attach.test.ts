import { describe, expect, test } from "vitest";

import { TypedMemory, __typed, typedCache, hostAbi, resolveFormat } from "@typedc/runtime";
import { TypedError, TypedFormatError, TypedIntegrityError } from "@typedc/runtime";
import { ENTRY } from "../packages/runtime/src/directory-format.ts";
import { COUNTERS, array, scalar, structDecls, typeSetOf } from "./runtime-memory-helpers.ts";

const counters = typeSetOf(COUNTERS, "Counters");
const memberOffset = (abi: keyof typeof counters, name: string) => {
  const t = counters[abi]!;
  const root = t.types[t.root]!;
  if (root.tag !== "structure_type") throw new Error("not a struct");
  return root.members.find((m) => m.name === name)!.dataMemberLocation;
};

describe("__typed: create, attach, morph", () => {
  test("an attacher built for another format reads and writes the creator's layout", () => {
    const memory = TypedMemory.create({ bytes: 1 << 16 });
    const mine = __typed("shared.counters", { memory, type: counters, format: "armv7-linux" });
    mine.owner = 123456;
    mine.stamp = 77n;
    mine.written[7] = -5;
    const other = TypedMemory.from(memory.buffer);
    const theirs = __typed("shared.counters", { memory: other, type: counters, format: "x86_64-linux", create: "never" });
    expect(theirs.owner).toBe(123456);
    expect(theirs.stamp).toBe(77n);
    expect(theirs.written[7]).toBe(-5);
    theirs.flag = 65;
    expect(mine.flag).toBe(65);
    // The bytes are armv7's layout (c_long is 4 bytes at armv7's offset), not x86_64's.
    const area = memory.query("shared.counters")!;
    const data = new DataView(memory.buffer);
    expect(area.format).toBe("armv7-linux");
    expect(data.getInt32(area.byteOffset + memberOffset("armv7-linux", "owner"), true)).toBe(123456);
    expect(memberOffset("armv7-linux", "owner")).not.toBe(memberOffset("x86_64-linux", "owner"));
    expect(data.getBigInt64(area.byteOffset + memberOffset("armv7-linux", "stamp"), true)).toBe(77n);
    expect(area.byteLength).toBe(counters["armv7-linux"]!.types[counters["armv7-linux"]!.root]!.byteSize);
  });

  test("a big-endian creator: attachers morph to its byte order", () => {
    const memory = TypedMemory.create({ bytes: 1 << 16 });
    const be = __typed("be", { memory, type: counters, format: "s390x-linux" });
    be.owner = 0x01020304;
    const le = __typed("be", { memory, type: counters, format: "i386-linux" });
    expect(le.owner).toBe(0x01020304);
    const area = memory.query("be")!;
    expect(new DataView(memory.buffer).getBigInt64(area.byteOffset + memberOffset("s390x-linux", "owner"), false)).toBe(0x01020304n);
  });

  test("an incompatible declaration is a TypedFormatError listing each difference", () => {
    const memory = TypedMemory.create({ bytes: 1 << 16 });
    __typed("tasks", { memory, type: counters, format: "armv7-linux" });
    const other = typeSetOf(structDecls("Counters", [["lock", scalar("i32")], ["missing", scalar("i32")], ["gone", scalar("u8")]]), "Counters");
    try {
      __typed("tasks", { memory, type: other, format: "armv7-linux" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TypedFormatError);
      const e = error as TypedFormatError;
      expect(e.code).toBe(5013);
      expect(e.differences.some((d) => d.includes("missing"))).toBe(true);
      expect(e.differences.some((d) => d.includes("gone"))).toBe(true);
      expect(e.message).toMatch(/'tasks' \(armv7-linux\) is incompatible/);
    }
  });

  test("create modes: always on an existing name, never on a missing one, timeouts", () => {
    const memory = TypedMemory.create({ bytes: 1 << 16 });
    const first = __typed("a", { memory, type: counters, create: "always" });
    expect(memory.query("a")?.format).toBe(hostAbi());
    expect(() => __typed("a", { memory, type: counters, create: "always" })).toThrow(expect.objectContaining({ code: 5005 }));
    expect(() => __typed("b", { memory, type: counters, create: "never" })).toThrow(expect.objectContaining({ code: 5006 }));
    const started = Date.now();
    expect(() => __typed("b", { memory, type: counters, create: "never", wait: 50 })).toThrow(expect.objectContaining({ code: 5007 }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    first.hits = 3;
    expect(__typed("a", { memory, type: counters }).hits).toBe(3); // if-absent attaches
    expect(() => __typed("a", { memory, type: counters, create: "sometimes" as never })).toThrow(/create/);
  });

  test("count makes an array area; an attacher without count gets the published length", () => {
    const memory = TypedMemory.create({ bytes: 1 << 16 });
    const many = __typed("many", { memory, type: counters, format: "mips-linux", count: 10 });
    expect(many.length).toBe(10);
    many[9].owner = 9;
    const seen = __typed("many", { memory, type: counters, format: "x86_64-windows", create: "never" });
    expect(seen.length).toBe(10);
    expect(seen[9].owner).toBe(9);
    expect(() => seen[10]).toThrow();
    expect(memory.query("many")?.count).toBe(10);
    expect(() => __typed("many", { memory, type: counters, count: 11 })).toThrow(TypedFormatError);
    expect(() => __typed("x", { memory, type: counters, count: 0 })).toThrow(/count/);
  });

  test("options a plain-JavaScript caller may get wrong are TypedErrors naming the option", () => {
    const memory = TypedMemory.create({ bytes: 1 << 16 });
    expect(() => __typed("n", { memory: memory.buffer as never, type: counters })).toThrow(/Option 'memory' must be a TypedMemory, got SharedArrayBuffer/);
    expect(() => __typed("n", { memory, type: undefined as never })).toThrow(/Option 'type'/);
    expect(() => __typed("n", { memory, type: counters, wait: -1 })).toThrow(/Option 'wait'/);
    expect(() => TypedMemory.create({ buffer: new Uint8Array(new SharedArrayBuffer(1 << 17), 4, 1 << 16) })).toThrow(/Option 'buffer'.*byte offset 4/);
    expect(() => TypedMemory.from({} as never)).toThrow(/Option 'buffer'/);
  });

  test("an attacher whose type set lacks its own format binds with the published format's table", () => {
    const memory = TypedMemory.create({ bytes: 1 << 16 });
    __typed("partial", { memory, type: counters, format: "wasm32" }).owner = 5;
    const only = { wasm32: counters.wasm32, "mips-linux": counters["mips-linux"] };
    expect(__typed("partial", { memory, type: only, format: "x86_64-linux", create: "never" }).owner).toBe(5);
    expect(() => __typed("partial", { memory, type: { "mips-linux": counters["mips-linux"] }, format: "x86_64-linux", create: "never" })).toThrow(
      expect.objectContaining({ code: 5012 }),
    );
    expect(() => __typed("partial", { memory, type: only, format: "x86_64-linux" })).toThrow(expect.objectContaining({ code: 5012 })); // a creator must have its own
  });

  test("a creator that runs out of memory marks the name failed for attachers", () => {
    const memory = TypedMemory.create({ bytes: 1 << 16, heapByteLength: 64 });
    expect(() => __typed("big", { memory, type: counters, count: 100 })).toThrow(/Out of typed memory/);
    expect(() => __typed("big", { memory, type: counters, create: "never" })).toThrow(expect.objectContaining({ code: 5010 }));
  });

  test("an area and a cache of the same name do not mix", () => {
    const memory = TypedMemory.create({ bytes: 1 << 16 });
    typedCache("slab", { memory, type: counters, capacity: 4 });
    expect(() => __typed("slab", { memory, type: counters })).toThrow(expect.objectContaining({ code: 5015 }));
    expect(memory.query("slab")?.kind).toBe("cache");
  });

  test("attaching to a tampered entry or table throws TypedIntegrityError (every byte)", () => {
    const memory = TypedMemory.create({ bytes: 1 << 16, entryCapacity: 4 });
    __typed("sealed", { memory, type: counters, format: "armv7-linux" });
    const { index } = memory.directory.find("sealed")!;
    const entry = memory.directory.read(index);
    const bytes = new Uint8Array(memory.buffer);
    const entryAt = memory.directory.entryByteOffset(index);
    for (const [start, length] of [[entryAt, ENTRY.byteSize], [entry.tableOffset, entry.tableByteLength]] as const) {
      for (let i = start; i < start + length; i++) {
        bytes[i] ^= 0xff;
        expect(() => __typed("sealed", { memory: TypedMemory.from(memory.buffer), type: counters, create: "never" }), `byte ${i - start}`).toThrow(TypedIntegrityError);
        bytes[i] ^= 0xff;
      }
    }
    expect(() => __typed("sealed", { memory, type: counters, create: "never" })).not.toThrow();
  });
});

describe("format policies", () => {
  test("smallest, fastest, unified, host and unknown formats", () => {
    const size = (abi: keyof typeof counters) => counters[abi]!.types[counters[abi]!.root]!.byteSize;
    const among = ["x86_64-linux", "i386-linux", "s390x-linux", "armv7-linux"] as const;
    const smallest = resolveFormat({ policy: "smallest", among }, counters);
    expect(size(smallest.formatId as "i386-linux")).toBe(Math.min(...among.map(size)));
    expect(smallest.formatId).toBe("i386-linux"); // i64 4-aligned: the tightest of the four
    expect(resolveFormat({ policy: "fastest", among }, counters).formatId).toBe(hostAbi());
    // Without the host: the first little-endian format with natural alignment (i386 aligns i64 to 4).
    expect(resolveFormat({ policy: "fastest", among: ["s390x-linux", "i386-linux", "armv7-linux"] }, counters).formatId).toBe("armv7-linux");
    expect(resolveFormat("host", counters).formatId).toBe(hostAbi());
    expect(() => resolveFormat({ policy: "unified", among }, counters)).toThrow(expect.objectContaining({ code: 5021 }));
    const unified = resolveFormat({ policy: "unified", among }, { ...counters, unified: counters["x86_64-linux"] });
    expect(unified.formatId).toBe("unified");
    expect(() => resolveFormat("vax-vms" as never, counters)).toThrow(expect.objectContaining({ code: 5011 }));
    expect(() => resolveFormat("wasm32", { "x86_64-linux": counters["x86_64-linux"] })).toThrow(expect.objectContaining({ code: 5012 }));
    expect(() => resolveFormat({ policy: "best" as never, among }, counters)).toThrow(TypedFormatError);
  });

  test("a creator with a policy publishes the chosen format", () => {
    const memory = TypedMemory.create({ bytes: 1 << 16 });
    __typed("small", { memory, type: counters, format: { policy: "smallest", among: ["x86_64-linux", "i386-linux"] } });
    expect(memory.query("small")?.format).toBe("i386-linux");
    __typed("uni", { memory, type: { ...counters, unified: counters["aarch64-linux"] }, format: { policy: "unified", among: ["x86_64-linux", "i386-linux"] } });
    expect(memory.query("uni")?.format).toBe("unified");
  });
});

describe("waiting for a creator on the main thread", () => {
  test("__typed.async resolves when another agent publishes later (Atomics.waitAsync)", async () => {
    const memory = TypedMemory.create({ bytes: 1 << 16 });
    const pending = __typed.async("late", { memory, type: counters, create: "never", wait: 5000 });
    let settled = false;
    void pending.then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 30));
    expect(settled).toBe(false);
    const creator = __typed("late", { memory: TypedMemory.from(memory.buffer), type: counters, format: "riscv32-linux" });
    creator.owner = 42;
    const view = await pending;
    expect(view.owner).toBe(42);
    await expect(__typed.async("never-comes", { memory, type: counters, create: "never", wait: 30 })).rejects.toMatchObject({ code: 5007 });
  });
});

describe("typedCache in one thread", () => {
  test("alloc gives zeroed distinct objects; free recycles; misuse is a clear error", () => {
    const memory = TypedMemory.create({ bytes: 1 << 16 });
    const cache = typedCache("objs", { memory, type: counters, format: "armv7-linux", capacity: 3 });
    expect(memory.query("objs")).toMatchObject({ kind: "cache", format: "armv7-linux", count: 3 });
    const a = cache.alloc();
    const b = cache.alloc();
    const c = cache.alloc();
    expect(new Set([cache.indexOf(a), cache.indexOf(b), cache.indexOf(c)]).size).toBe(3);
    expect(cache.inUse).toBe(3);
    expect(() => cache.alloc()).toThrow(expect.objectContaining({ code: 5017, name: "TypedAllocationError" }));
    b.owner = 99;
    cache.free(b);
    expect(() => cache.free(b)).toThrow(expect.objectContaining({ code: 5018 }));
    const again = cache.alloc();
    expect(cache.indexOf(again)).toBe(cache.indexOf(b));
    expect(again.owner).toBe(0); // zeroed
    expect(() => cache.free(a.written as never)).toThrow(expect.objectContaining({ code: 5019 }));
    expect(() => cache.free({} as never)).toThrow(/not a typed view/);
    const elsewhere = __typed("elsewhere", { memory, type: counters, format: "armv7-linux" });
    expect(() => cache.free(elsewhere)).toThrow(expect.objectContaining({ code: 5019 }));
    const foreignMemory = TypedMemory.create({ bytes: 1 << 16 });
    expect(() => cache.free(__typed("x", { memory: foreignMemory, type: counters }))).toThrow(/another memory/);
    // Another agent (another format) attaches to the same cache and frees what this one allocated.
    const attached = typedCache("objs", { memory: TypedMemory.from(memory.buffer), type: counters, format: "x86_64-linux", create: "never" });
    expect(attached.capacity).toBe(3);
    expect(attached.format).toBe("armv7-linux");
    cache.free(a);
    attached.free(c); // an object allocated by one agent, freed by another
    expect(() => cache.free(c)).toThrow(/Double free/);
    cache.free(again);
    expect(attached.inUse).toBe(0);
    expect(() => typedCache("objs", { memory, type: counters, capacity: 5 })).toThrow(/capacity/);
    expect(typedCache("nocap", { memory, type: counters }).capacity).toBe(256);
    expect(() => typedCache("badcap", { memory, type: counters, capacity: 0 })).toThrow(/Option 'capacity'/);
  });
});
