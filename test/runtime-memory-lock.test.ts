import { describe, expect, test } from "vitest";
import { TypedMemory, TypedMutex, __typed, lock, unlock } from "@typedc/runtime";
import { COUNTERS, typeSetOf } from "./runtime-memory-helpers.ts";

const counters = typeSetOf(COUNTERS, "Counters");

describe("TypedMutex", () => {
  test("lock word states: 0 free, 1 held, 2 contended; unlock of a free lock is an error", () => {
    const int32 = new Int32Array(new SharedArrayBuffer(8));
    const mutex = new TypedMutex(int32, 1, "test lock");
    expect(mutex.tryLock()).toBe(true);
    expect(int32[1]).toBe(1);
    expect(mutex.tryLock()).toBe(false);
    mutex.unlock();
    expect(int32[1]).toBe(0);
    expect(() => mutex.unlock()).toThrow(expect.objectContaining({ code: 5023 }));
    expect(mutex.withLock(() => int32[1])).toBe(1);
    expect(int32[1]).toBe(0);
    expect(() => mutex.withLock(() => { throw new Error("body"); })).toThrow("body");
    expect(int32[1]).toBe(0); // released even when the body throws
  });

  test("a held lock times out, marked contended, and unlock wakes (and clears) it", () => {
    const int32 = new Int32Array(new SharedArrayBuffer(8));
    const mutex = new TypedMutex(int32, 0, "held");
    mutex.lock();
    const started = Date.now();
    expect(() => mutex.lock(40)).toThrow(expect.objectContaining({ code: 5007 }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(35);
    expect(int32[0]).toBe(2); // the waiter marked it contended
    mutex.unlock();
    expect(int32[0]).toBe(0);
  });

  test("lock(view, field) works on an atomic<i32> member in any format and refuses other members", () => {
    const memory = TypedMemory.create({ bytes: 1 << 16 });
    for (const format of ["armv7-linux", "s390x-linux", "x86_64-windows"] as const) {
      const view = __typed(`locked.${format}`, { memory, type: counters, format });
      lock(view, "lock");
      expect(TypedMutex.of(view, "lock").tryLock()).toBe(false);
      unlock(view, "lock");
      expect(TypedMutex.of(view, "lock").tryLock()).toBe(true);
      unlock(view, "lock");
      expect(() => lock(view, "stamp")).toThrow(expect.objectContaining({ code: 5022 })); // i64
      expect(() => lock(view, "written")).toThrow(expect.objectContaining({ code: 5022 })); // array
      expect(() => lock(view, "nope")).toThrow(expect.objectContaining({ code: 5022 }));
    }
    const x86 = __typed("locked.x86_64-linux", { memory, type: counters, format: "x86_64-linux" });
    expect(() => lock(x86, "owner")).toThrow(/not an i32/); // c_long: 8 bytes here
    expect(() => lock({}, "lock")).toThrow(expect.objectContaining({ code: 5022 }));
  });
});
