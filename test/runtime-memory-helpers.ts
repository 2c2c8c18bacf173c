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
