/**
 * Small builders for hand-written layout tests: DeclSets without a front-end, and a compact
 * view of a RecordLayout to compare with the numbers clang 19 printed.
 */
import type { CType, DeclSet, EnumMember, Field, NamedType, RecordType, ScalarName } from "@typedc/core";
import type { RecordLayout } from "@typedc/core";

/** t builds a scalar CType. */
export const t = (name: ScalarName): CType => ({ kind: "scalar", name });
/** bits builds `bits<Base, W>`. */
export const bits = (base: ScalarName | CType, bitWidth: number): CType => ({
  kind: "bits",
  base: typeof base === "string" ? t(base) : base,
  bitWidth,
});
/** array builds `array<T, N>`. */
export const array = (element: ScalarName | CType, count: number): CType => ({
  kind: "array",
  element: typeof element === "string" ? t(element) : element,
  count,
});
/** named refers to a declaration by name. */
export const named = (name: string): CType => ({ kind: "named", name });
/** alignedType builds a type-level `aligned<T, N>` (an aligned typedef). */
export const alignedType = (base: ScalarName | CType, byteAlign: number): CType => ({
  kind: "aligned",
  base: typeof base === "string" ? t(base) : base,
  byteAlign,
});
/** atomic builds `atomic<T>`. */
export const atomic = (base: ScalarName): CType => ({ kind: "atomic", base: t(base) });
/** inline builds an inline record member type. */
export const inline = (record: RecordType): CType => ({ kind: "record", record });

/** f builds a field; `extra` carries memberAlign / memberPacked. */
export function f(name: string, type: ScalarName | CType, extra: Partial<Pick<Field, "memberAlign" | "memberPacked">> = {}): Field {
  return { name, type: typeof type === "string" ? t(type) : type, ...extra };
}

/** struct builds a struct body; `attrs` carries packed / byteAlign. */
export function struct(fields: Field[], attrs: { packed?: boolean; byteAlign?: number } = {}): RecordType {
  return { kind: "struct", packed: attrs.packed ?? false, ...(attrs.byteAlign ? { byteAlign: attrs.byteAlign } : {}), fields };
}

/** union builds a union body. */
export function union(fields: Field[], attrs: { packed?: boolean; byteAlign?: number } = {}): RecordType {
  return { ...struct(fields, attrs), kind: "union" };
}

/** enumDecl builds an enum declaration. */
export function enumDecl(name: string, values: number[]): NamedType {
  const members: EnumMember[] = values.map((value, i) => ({ name: `${name}_${i}`, value }));
  return { kind: "enum", name, members };
}

/** declSet builds a DeclSet from records (by name), enums and aliases. */
export function declSet(records: Record<string, RecordType>, others: NamedType[] = []): DeclSet {
  const types: Record<string, NamedType> = {};
  for (const [name, record] of Object.entries(records)) types[name] = { kind: "record", name, record };
  for (const decl of others) types[decl.name] = decl;
  return { types };
}

/** Shape is a RecordLayout reduced to numbers: size, align, and per field [name, byteOffset] or [name, byteOffset, bitOffset, bitSize]. */
export interface Shape {
  size: number;
  align: number;
  fields: Array<[string, number] | [string, number, number, number]>;
}

/** shape reduces a RecordLayout to a Shape. */
export function shape(layout: RecordLayout): Shape {
  return {
    size: layout.byteSize,
    align: layout.byteAlign,
    fields: layout.fields.map((fl) =>
      fl.bitOffset === undefined ? [fl.name, fl.byteOffset] : [fl.name, fl.byteOffset, fl.bitOffset, fl.bitSize ?? 0],
    ),
  };
}
