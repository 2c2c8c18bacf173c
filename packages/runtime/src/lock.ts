import { TypedError } from "./errors.js";
import { MemoryMessages as M, memoryError } from "./memory-errors.js";
import { stateOf } from "./view-state.js";

/** Lock word values (Drepper, "Futexes Are Tricky", mutex 2). */
const UNLOCKED = 0;
const LOCKED = 1; // held, nobody waiting
const CONTENDED = 2; // held, maybe waiters: unlock must wake one

/**
 * TypedMutex is a futex-style mutex on one i32 word of shared memory (SPEC §3:
 * "a futex-style lock on an atomic<i32> field"): the uncontended path is one
 * compareExchange, a contended locker sleeps in Atomics.wait and the unlocker wakes one
 * sleeper with Atomics.notify. The word holds 0/1/2 in the host's byte order, whatever
 * the format of the struct it lives in (docs/runtime.md). Where Atomics.wait is not
 * allowed (a browser's main thread) a contended lock spins instead.
 */
export class TypedMutex {
  readonly int32: Int32Array;
  readonly index: number;
  readonly #what: string;

  constructor(int32: Int32Array, index: number, what = "mutex") {
    if (!Number.isInteger(index) || index < 0 || index >= int32.length) throw new Error(`assert: lock word index ${index} out of range`);
    this.int32 = int32;
    this.index = index;
    this.#what = what;
  }

  /** TypedMutex.of returns the mutex on the i32/atomic<i32> member `field` of a typed struct view. */
  static of(view: object, field: string): TypedMutex {
    const state = stateOf(view);
    const member = state?.t.m[field];
    const type = member ? state!.tp.types[member.type] : undefined;
    const integer = type !== undefined && (type.tag === "atomic_type" || type.tag === "base_type" || type.tag === "enumeration_type");
    const ok = member !== undefined && integer && member.size === 4 && member.shape !== "bits" && (state!.a + member.off) % 4 === 0;
    if (!ok) throw memoryError(TypedError, M._0_is_not_an_i32_or_atomic_i32_field_a_lock_needs_one, [field]);
    return new TypedMutex(state!.h.i32, (state!.a + member.off) / 4, field);
  }

  /** tryLock takes the mutex if it is free and tells whether it did. */
  tryLock(): boolean {
    return Atomics.compareExchange(this.int32, this.index, UNLOCKED, LOCKED) === UNLOCKED;
  }

  /** lock takes the mutex, sleeping while another agent holds it; after `timeoutMs` it throws TypedError (5007). */
  lock(timeoutMs = Infinity): void {
    let seen = Atomics.compareExchange(this.int32, this.index, UNLOCKED, LOCKED);
    if (seen === UNLOCKED) return;
    const deadline = Date.now() + timeoutMs;
    do {
      // Mark the lock contended (so its holder wakes us), then sleep while it stays so.
      if (seen === CONTENDED || Atomics.compareExchange(this.int32, this.index, LOCKED, CONTENDED) !== UNLOCKED) {
        const left = deadline - Date.now();
        if (left <= 0) throw memoryError(TypedError, M.Timed_out_after_0_ms_waiting_for_1, [timeoutMs, this.#what]);
        this.#sleep(left);
      }
      // Take it as contended: we cannot know whether others still sleep.
      seen = Atomics.compareExchange(this.int32, this.index, UNLOCKED, CONTENDED);
    } while (seen !== UNLOCKED);
  }

  /** unlock releases the mutex and wakes one sleeper; TypedError (5023) when it is not held. */
  unlock(): void {
    const previous = Atomics.exchange(this.int32, this.index, UNLOCKED);
    if (previous === UNLOCKED) throw memoryError(TypedError, M.Unlock_of_a_lock_that_is_not_held_0, [this.#what]);
    if (previous === CONTENDED) Atomics.notify(this.int32, this.index, 1);
  }

  /** withLock runs `body` holding the mutex and releases it afterwards, even when `body` throws. */
  withLock<R>(body: () => R): R {
    this.lock();
    try {
      return body();
    } finally {
      this.unlock();
    }
  }

  #sleep(timeoutMs: number): void {
    try {
      Atomics.wait(this.int32, this.index, CONTENDED, Math.min(timeoutMs, 2 ** 31));
    } catch (error) {
      if (!(error instanceof TypeError)) throw error; // not allowed to block here: spin instead
    }
  }
}

/** lock takes the futex-style lock on the i32/atomic<i32> member `field` of a typed struct view. */
export function lock(view: object, field: string, timeoutMs?: number): void {
  TypedMutex.of(view, field).lock(timeoutMs);
}

/** unlock releases the lock on member `field` of a typed struct view. */
export function unlock(view: object, field: string): void {
  TypedMutex.of(view, field).unlock();
}
