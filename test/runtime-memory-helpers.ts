/**
 * Shared helpers of the runtime memory/attach/cache tests: type sets built by core's
 * real layout engine and table builder, for declarations written as IR.
 */
import { ABI_IDS, abiSpec } from "@typedc/core";
import type { CType, DeclSet, Field, TypeSet } from "@typedc/core";
import * as layoutEngine from "../packages/core/src/layout/index.ts";
import { buildTypeSetWith } from "../packages/core/src/tables/builder.ts";

/** scalar is the IR of a scalar C type. */
export const scalar = (name: string): CType => ({ kind: "scalar", name }) as CType;
/** atomic is the IR of atomic<T>. */
export const atomic = (name: string): CType => ({ kind: "atomic", base: scalar(name) });
/** array is the IR of array<T, N>. */
export const array = (element: CType, count: number): CType => ({ kind: "array", element, count });

/** structDecls declares one struct `name` with `fields` ([name, type] pairs). */
export function structDecls(name: string, fields: readonly (readonly [string, CType])[]): DeclSet {
  const record = { kind: "struct" as const, packed: false, fields: fields.map(([n, type]): Field => ({ name: n, type })) };
  return { types: { [name]: { kind: "record", name, record } } };
}

/** typeSetOf builds the tables of `name` for every ABI with core's layout engine and table builder. */
export function typeSetOf(decls: DeclSet, name: string): TypeSet {
  return buildTypeSetWith(layoutEngine, decls, name, ABI_IDS.map((id) => abiSpec(id)));
}

/** COUNTERS is the struct the multi-format tests share (sizes and offsets differ across formats). */
export const COUNTERS = structDecls("Counters", [
  ["lock", atomic("i32")],
  ["flag", scalar("c_char")],
  ["hits", atomic("i32")],
  ["owner", scalar("c_long")],
  ["stamp", scalar("i64")],
  ["written", array(scalar("i32"), 8)],
  ["wide", scalar("c_wchar")],
]);

/**
 * COUNTERS_ARMV7_CLANG is clang's layout of COUNTERS for armv7-linux-gnueabihf, from
 * `clang-19 --target=armv7-linux-gnueabihf -Xclang -fdump-record-layouts -c` over
 * `struct Counters { _Atomic int32_t lock; char flag; _Atomic int32_t hits; long owner;
 * int64_t stamp; int32_t written[8]; wchar_t wide; };` (byte offsets; size 64, align 8).
 */
export const COUNTERS_ARMV7_CLANG = { byteSize: 64, lock: 0, flag: 4, hits: 8, owner: 12, stamp: 16, written: 24, wide: 56 } as const;
