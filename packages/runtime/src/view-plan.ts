/**
 * Plans: a frozen, per-table digest of a TypeTable that accessors (dynamic views,
 * generated classes, compiled code) read instead of the table. Every offset, size,
 * stride and codec is decided here once per table; an access only adds and calls.
 */
import type { TableMember, TableType, TypeTable } from "@typedc/core";
import { assert } from "./checks.js";
import { atomicCodec } from "./atomics-codec.js";
import { bitsCodec, bitsLayout } from "./view-bits.js";
import { BIGINT_TYPE_NAMES, scalarCodec, type ScalarCodec } from "./scalars.js";

/** ValueShape is how a member or element appears in JS: a scalar value, a pointer, or a nested view. */
export type ValueShape = "scalar" | "bits" | "atomic" | "pointer" | "record" | "array";

/** MemberPlan is one member of a record: `rd(h, a + off)` / `wr(h, a + off, v)` for scalar shapes. */
export interface MemberPlan {
  readonly name: string;
  readonly shape: ValueShape;
  /** Byte offset from the start of the record (for a bit-field: its first covering byte). */
  readonly off: number;
  /** Bytes the member occupies (for a bit-field: its covering bytes). */
  readonly size: number;
  /** Index of the member's type in the table. */
  readonly type: number;
  /** Scalar, bit-field, atomic and pointer (raw address) codec. */
  readonly codec: ScalarCodec | null;
  /** Bit-fields: DW_AT_data_bit_offset from the record start, and width. */
  readonly bitOffset?: number;
  readonly bitSize?: number;
  /** For members of a C11 anonymous member (`_anon0`), the anonymous member's name. */
  readonly via?: string;
}

/** TypePlan is one entry of a table's `types`, digested. */
export interface TypePlan {
  readonly index: number;
  readonly tag: TableType["tag"];
  readonly name: string;
  readonly size: number;
  readonly align: number;
  /** Shape of a value of this type as an array element or a pointer target. */
  readonly shape: ValueShape;
  /** Codec of a scalar-shaped type (base, enum, atomic; pointers: raw address). */
  readonly codec: ScalarCodec | null;
  /** Records: members by name, anonymous members' members included (flattened). */
  readonly m: Readonly<Record<string, MemberPlan>>;
  /** Records: the table's own members, in order. */
  readonly members: readonly MemberPlan[];
  /** Arrays: element type index, declared count (0: flexible) and stride in bytes. */
  readonly elem: number;
  readonly count: number;
  readonly stride: number;
  /** Pointers: target type index, or -1 for `ptr<void>`; atomics: the underlying integer type. */
  readonly target: number;
}

/** TablePlan is the plan of a whole table. */
export interface TablePlan {
  readonly table: TypeTable;
  readonly le: boolean;
  readonly types: readonly TypePlan[];
  readonly root: TypePlan;
}

const plans = new WeakMap<TypeTable, TablePlan>();
const plansByHash = new Map<string, TablePlan>();

/**
 * planOf returns the (cached, frozen) plan of a table. Equal tables (same hash and
 * same content, e.g. the same format read from two directories) share one plan, so
 * generated accessors are shared too.
 */
export function planOf(table: TypeTable): TablePlan {
  let p = plans.get(table);
  if (p === undefined) {
    const twin = plansByHash.get(table.hash);
    p = twin !== undefined && sameContent(twin.table, table) ? twin : buildPlan(table);
    if (twin === undefined) plansByHash.set(table.hash, p);
    plans.set(table, p);
  }
  return p;
}

// sameContent compares two tables field by field (a stored hash alone may be forged or stale).
function sameContent(a: TypeTable, b: TypeTable): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function buildPlan(table: TypeTable): TablePlan {
  const le = table.endian === "little";
  const types = table.types.map((t, index) => typePlan(table, t, index, le));
  return Object.freeze({ table, le, types: Object.freeze(types), root: types[table.root] });
}

function typePlan(table: TypeTable, t: TableType, index: number, le: boolean): TypePlan {
  const common = { index, tag: t.tag, name: t.name, size: t.byteSize, align: t.alignment, elem: -1, count: 0, stride: 0, target: -1 };
  const empty = { m: Object.freeze({}), members: Object.freeze([]) as readonly MemberPlan[] };
  switch (t.tag) {
    case "structure_type":
    case "union_type": {
      const members = t.members.map((mem) => memberPlan(table, mem, le));
      return Object.freeze({ ...common, shape: "record", codec: null, m: Object.freeze(flatten(table, members, le)), members: Object.freeze(members) });
    }
    case "array_type":
      return Object.freeze({ ...common, ...empty, shape: "array", codec: null, elem: t.element, count: t.count, stride: t.stride });
    case "pointer_type":
      return Object.freeze({ ...common, ...empty, shape: "pointer", codec: addressCodec(t.byteSize), target: t.target ?? -1 });
    case "atomic_type":
      return Object.freeze({ ...common, ...empty, shape: "atomic", codec: codecOfType(table, t), target: t.target });
    default:
      return Object.freeze({ ...common, ...empty, shape: shapeOf(t), codec: codecOfType(table, t) });
  }
}

function shapeOf(t: TableType): ValueShape {
  if (t.tag === "structure_type" || t.tag === "union_type") return "record";
  if (t.tag === "array_type") return "array";
  if (t.tag === "pointer_type") return "pointer";
  if (t.tag === "atomic_type") return "atomic";
  return "scalar";
}

/** addressCodec reads and writes a pointer's raw value (an unsigned integer of the pointer's size) as a number. */
function addressCodec(byteSize: number): ScalarCodec {
  return scalarCodec("unsigned", byteSize, byteSize === 8 ? "c_uintptr_t" : "ptr");
}

function codecOfType(table: TypeTable, t: TableType): ScalarCodec | null {
  switch (t.tag) {
    case "base_type":
      return scalarCodec(t.encoding, t.byteSize, t.name);
    case "enumeration_type":
      return scalarCodec(t.encoding, t.byteSize, t.name);
    case "pointer_type":
      return addressCodec(t.byteSize);
    case "atomic_type": {
      const inner = codecOfType(table, table.types[t.target]);
      assert(inner !== null, `atomic target of '${t.name}' is a scalar`);
      return atomicCodec(inner);
    }
    default:
      return null;
  }
}

function memberPlan(table: TypeTable, mem: TableMember, le: boolean): MemberPlan {
  const t = table.types[mem.type];
  assert(t !== undefined, `member '${mem.name}' refers to type ${mem.type}`);
  if (mem.bitSize !== undefined && mem.dataBitOffset !== undefined) {
    const layout = bitsLayout(mem.dataBitOffset, mem.bitSize, le);
    const encoding = mem.encoding ?? (t.tag === "base_type" || t.tag === "enumeration_type" ? t.encoding : "unsigned");
    const signed = encoding === "signed" || encoding === "signed_char";
    const value = BIGINT_TYPE_NAMES.has(t.name) ? "bigint" : "number";
    return Object.freeze({
      name: mem.name, shape: "bits", off: layout.startByte, size: layout.byteCount, type: mem.type,
      codec: bitsCodec(layout, signed, value, t.name), bitOffset: mem.dataBitOffset, bitSize: mem.bitSize,
    });
  }
  return Object.freeze({
    name: mem.name, shape: shapeOf(t), off: mem.dataMemberLocation, size: mem.byteSize, type: mem.type, codec: codecOfType(table, t),
  });
}

const ANON = /^_anon\d+$/;

// C11 anonymous members (`_anon0: union<{...}>`): their members are members of the
// enclosing record too (C11 6.7.2.1p13), at the anonymous member's offset plus theirs.
function flatten(table: TypeTable, members: readonly MemberPlan[], le: boolean): Record<string, MemberPlan> {
  const byName: Record<string, MemberPlan> = Object.create(null);
  for (const m of members) {
    byName[m.name] = m;
    const t = table.types[m.type];
    if (!ANON.test(m.name) || (t.tag !== "structure_type" && t.tag !== "union_type")) continue;
    const inner = flatten(table, t.members.map((x) => memberPlan(table, x, le)), le);
    for (const [name, x] of Object.entries(inner)) {
      byName[name] ??= Object.freeze({ ...x, off: x.off + m.off, bitOffset: x.bitOffset === undefined ? undefined : x.bitOffset + m.off * 8, via: m.name });
    }
  }
  return byName;
}

const arrayPlans = new WeakMap<TablePlan, Map<string, TypePlan>>();

/** arrayPlan returns a (cached) plan for `count` consecutive objects of type `elem` of a table (C array, stride = size). */
export function arrayPlan(tp: TablePlan, elem: number, count: number): TypePlan {
  assert(Number.isInteger(count) && count >= 0, `array count ${count}`);
  let byKey = arrayPlans.get(tp);
  if (byKey === undefined) arrayPlans.set(tp, (byKey = new Map()));
  const key = `${elem}/${count}`;
  let p = byKey.get(key);
  if (p === undefined) {
    const e = tp.types[elem];
    p = Object.freeze({
      index: -1, tag: "array_type", name: `array<${e.name}, ${count}>`, size: e.size * count, align: e.align,
      shape: "array", codec: null, m: Object.freeze({}), members: Object.freeze([]), elem, count, stride: e.size, target: -1,
    } satisfies TypePlan);
    byKey.set(key, p);
  }
  return p;
}
