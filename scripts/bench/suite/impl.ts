/**
 * impl: what every implementation of W1–W3 provides, and the context it is built in.
 * All implementations but plain-objects work on the same bytes: the typed area
 * `bench.recs` (array<Rec, n> in x86_64-linux) of one TypedMemory.
 */
import type { TypedMemory } from "@typedc/runtime";
import type { Model, RecLayout } from "./model.js";

/** BenchContext is the shared state the implementations are made from. */
export interface BenchContext {
  readonly n: number;
  readonly model: Model;
  /** Rec in the area's format (x86_64-linux). */
  readonly layout: RecLayout;
  readonly memory: TypedMemory;
  /** The `__typed` view of the area (table strategy). */
  readonly recs: any;
  /** The whole memory's buffer; the area is [areaByteOffset, areaByteOffset + n * stride). */
  readonly buffer: SharedArrayBuffer;
  readonly areaByteOffset: number;
  /** W3's seeded record indices. */
  readonly indices: Int32Array;
}

/** Impl is one way of running W1 (Σ a + b), W2 (a += 1, d += 1n, e[2] = i & 0xffff) and W3 (Σ b at the seeded indices). */
export interface Impl {
  readonly id: string;
  w1(): number;
  w2(): void;
  w3(): number;
  /** Implementations with their own storage digest it themselves (data.ts Digest); the others are digested from the area. */
  digest?(): string;
  /** Implementations with their own storage restore their initial records; the suite restores the area for the others. */
  reset?(): void;
}

/** ImplFactory makes an implementation, or throws NotAvailable with the reason it cannot exist in this checkout. */
export interface ImplFactory {
  readonly id: string;
  make(ctx: BenchContext): Impl | Promise<Impl>;
}

/** NotAvailable is thrown by a factory whose implementation cannot be built (reported as "not available", with the reason). */
export class NotAvailable extends Error {}
