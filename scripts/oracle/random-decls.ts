/**
 * randomDecls builds a seeded random DeclSet that covers every feature of SPEC §2
 * and is valid on all 12 ABIs (bit-field widths fit the smallest size of their base,
 * zero widths only on `_padN`, flexible arrays last, no cycle by value).
 */
import type { CType, DeclSet, EnumMember, Field, NamedType, RecordType, ScalarName } from "../../packages/core/src/ir/ctype.js";
import { SCALAR_NAMES } from "../../packages/core/src/ir/ctype.js";
import { Rng } from "./rng.js";

/** INTEGER_MIN_BITS is each integer scalar's smallest bit size over the 12 ABIs (a bit-field must fit everywhere). */
const INTEGER_MIN_BITS: Readonly<Partial<Record<ScalarName, number>>> = {
  i8: 8, u8: 8, i16: 16, u16: 16, i32: 32, u32: 32, i64: 64, u64: 64,
  bool: 1, // C11 6.7.2.1: a _Bool bit-field is at most 1 bit wide
  c_char: 8, c_schar: 8, c_uchar: 8, c_short: 16, c_ushort: 16, c_int: 32, c_uint: 32,
  c_long: 32, c_ulong: 32, c_size_t: 32, c_ssize_t: 32, c_ptrdiff_t: 32, c_intptr_t: 32, c_uintptr_t: 32,
  c_longlong: 64, c_ulonglong: 64,
  c_wchar: 16, // 2 bytes on Windows
};

/** ENUM_BITS is the width of a C enum holding int-range values on every ABI (`int` or `unsigned int`). */
const ENUM_BITS = 32;

/** FIXED_BYTE_SIZE lists scalars whose size is the same on every ABI (array elements of a type-level aligned). */
const FIXED_BYTE_SIZE: Readonly<Partial<Record<ScalarName, number>>> = {
  i8: 1, u8: 1, i16: 2, u16: 2, i32: 4, u32: 4, i64: 8, u64: 8, f32: 4, f64: 8,
  c_short: 2, c_int: 4, c_uint: 4, c_longlong: 8, c_ulonglong: 8, c_float: 4, c_double: 8,
};

/** ALIGNMENTS are the alignments the generator uses (SPEC §2: powers of two). */
const ALIGNMENTS = [1, 2, 4, 8, 16, 32, 64] as const;

const INTEGERS = Object.keys(INTEGER_MIN_BITS) as ScalarName[];
const ATOMIC_BASES = INTEGERS.filter((n) => n !== "bool");
const FIXED = Object.keys(FIXED_BYTE_SIZE) as ScalarName[];

/** RandomOptions sizes one generated file. */
export interface RandomOptions {
  readonly recordCount: number;
}

interface State {
  readonly rng: Rng;
  readonly types: Record<string, NamedType>;
  readonly enums: string[];
  /** Named types usable by value anywhere (field, array element, union member). */
  readonly valueNamed: string[];
  /** Named types usable by value only directly as a field (aliases with a type-level alignment). */
  readonly fieldNamed: string[];
  /** Every record name of the file, declared or still to come (targets of pointers). */
  readonly recordNames: string[];
}

// RecordScope numbers the members of one top-level record: C puts the members of anonymous
// members in the enclosing scope, so names are unique across the whole top-level record.
interface RecordScope {
  readonly selfName: string;
  fieldCount: number;
}

/** randomDecls returns the DeclSet for one seed; the same seed always gives the same DeclSet. */
export function randomDecls(seed: number, options: RandomOptions): DeclSet {
  const st: State = {
    rng: new Rng(seed * 7919 + 17),
    types: {},
    enums: [],
    valueNamed: [],
    fieldNamed: [],
    recordNames: Array.from({ length: options.recordCount }, (_, i) => `R${i}`),
  };
  for (let i = 0; i < 3; i++) addEnum(st, `E${i}`);
  for (let i = 0; i < 4; i++) addScalarAlias(st, `T${i}`);
  let aliasCount = 0;
  for (const name of st.recordNames) {
    const scope: RecordScope = { selfName: name, fieldCount: 0 };
    const record = randomRecord(st, scope, 0);
    st.types[name] = { kind: "record", name, record };
    const flexible = record.fields.some((f) => f.type.kind === "array" && f.type.count === 0);
    if (flexible) continue; // a struct with a flexible array member is never used by value
    st.valueNamed.push(name);
    if (st.rng.chance(0.12)) {
      // `export type A = R;` names the same record again, and may itself be aliased.
      const alias = `A${aliasCount++}`;
      const target = st.rng.chance(0.3) && aliasCount > 1 ? `A${aliasCount - 2}` : name;
      st.types[alias] = { kind: "alias", name: alias, target: { kind: "named", name: target } };
      st.valueNamed.push(alias);
    }
  }
  return { types: st.types };
}

// addEnum declares an enum with 1..5 members, some negative, some near the int limits.
function addEnum(st: State, name: string): void {
  const { rng } = st;
  const members: EnumMember[] = [];
  const count = rng.int(1, 5);
  let value = rng.chance(0.4) ? -rng.int(1, 300) : rng.int(0, 5);
  for (let i = 0; i < count; i++) {
    members.push({ name: `M${i}`, value });
    value += rng.int(1, 40);
  }
  if (rng.chance(0.25)) members.push({ name: `M${count}`, value: rng.pick([2147483647, -2147483648, 65535, 255]) });
  st.types[name] = { kind: "enum", name, members };
  st.enums.push(name);
  st.valueNamed.push(name);
}

// addScalarAlias declares `type T = scalar`, `ptr<...>`, `array<...>` or a type-level `aligned<scalar, N>`.
function addScalarAlias(st: State, name: string): void {
  const { rng } = st;
  const choice = rng.weighted({ scalar: 3, aligned: 3, pointer: 1, array: 1 });
  if (choice === "aligned") {
    const target: CType = { kind: "aligned", base: scalar(rng.pick(SCALAR_NAMES)), byteAlign: rng.pick(ALIGNMENTS) };
    st.types[name] = { kind: "alias", name, target };
    st.fieldNamed.push(name); // `aligned` above the element size is not a valid array element
    return;
  }
  const target: CType =
    choice === "scalar" ? scalar(rng.pick(SCALAR_NAMES))
    : choice === "pointer" ? { kind: "pointer", target: rng.chance(0.5) ? null : scalar(rng.pick(SCALAR_NAMES)) }
    : { kind: "array", element: scalar(rng.pick(SCALAR_NAMES)), count: rng.int(1, 4) };
  st.types[name] = { kind: "alias", name, target };
  st.valueNamed.push(name);
}

// randomRecord builds a struct or union body; depth 0 is a top-level record.
function randomRecord(st: State, scope: RecordScope, depth: number): RecordType {
  const { rng } = st;
  const kind = rng.chance(0.2) ? "union" : "struct";
  const fields: Field[] = [];
  const counters = { pad: 0, anon: 0 };
  const memberCount = rng.int(1, depth === 0 ? 8 : 4);
  while (fields.length < memberCount) {
    const what = rng.weighted({
      scalar: 26, enum: 4, pointer: 9, array: 11, named: 9, inline: depth < 2 ? 6 : 0, bits: 22, atomic: 4,
    });
    if (what === "bits") fields.push(...bitFieldRun(st, scope, counters));
    else if (what === "inline") fields.push(inlineField(st, scope, counters, depth));
    else fields.push(withMemberAttributes(st, { name: fieldName(scope), type: plainType(st, scope, what) }));
  }
  if (!fields.some((f) => !f.name.startsWith("_pad"))) fields.push({ name: fieldName(scope), type: scalar("c_int") });
  // A flexible array member is the last member of a top-level struct with another named member (C11 6.7.2.1p18).
  if (kind === "struct" && depth === 0 && rng.chance(0.1)) {
    fields.push({ name: fieldName(scope), type: { kind: "array", element: arrayElement(st, scope), count: 0 } });
  }
  const packed = rng.chance(0.15);
  const byteAlign = rng.chance(0.12) ? rng.pick(ALIGNMENTS) : undefined;
  return byteAlign === undefined ? { kind, packed, fields } : { kind, packed, byteAlign, fields };
}

// bitFieldRun returns 1..4 consecutive bit-fields, some of them `_padN` unnamed ones (widths 0..size).
function bitFieldRun(st: State, scope: RecordScope, counters: { pad: number }): Field[] {
  const { rng } = st;
  const run: Field[] = [];
  const length = rng.int(1, 4);
  for (let i = 0; i < length; i++) {
    const useEnum = rng.chance(0.12);
    const base: CType = useEnum ? { kind: "named", name: rng.pick(st.enums) } : scalar(rng.pick(INTEGERS));
    const maxBits = useEnum ? ENUM_BITS : INTEGER_MIN_BITS[(base as { name: ScalarName }).name]!;
    if (rng.chance(0.22)) {
      // Unnamed bit-field: `int : W;`, including `int : 0;` which closes the current unit.
      const bitWidth = rng.chance(0.4) ? 0 : rng.int(1, maxBits);
      run.push({ name: `_pad${counters.pad++}`, type: { kind: "bits", base, bitWidth } });
      continue;
    }
    const bitWidth = rng.chance(0.1) ? maxBits : rng.int(1, Math.min(maxBits, rng.chance(0.7) ? 12 : maxBits));
    const field: Field = { name: fieldName(scope), type: { kind: "bits", base, bitWidth } };
    run.push(rng.chance(0.08) ? withPacked(field) : rng.chance(0.03) ? { ...field, memberAlign: rng.pick(ALIGNMENTS) } : field);
  }
  return run;
}

// inlineField returns a member whose type is an inline record, named or anonymous (`_anonN`).
function inlineField(st: State, scope: RecordScope, counters: { anon: number }, depth: number): Field {
  const anonymous = st.rng.chance(0.4);
  const name = anonymous ? `_anon${counters.anon++}` : fieldName(scope);
  return { name, type: { kind: "record", record: randomRecord(st, scope, depth + 1) } };
}

// plainType returns a non-bit-field, non-inline type of the requested kind.
function plainType(st: State, scope: RecordScope, what: "scalar" | "enum" | "pointer" | "array" | "named" | "atomic"): CType {
  const { rng } = st;
  switch (what) {
    case "scalar":
      return scalar(rng.pick(SCALAR_NAMES));
    case "enum":
      return { kind: "named", name: rng.pick(st.enums) };
    case "pointer":
      return pointerType(st, scope);
    case "array":
      return arrayType(st, scope);
    case "named":
      return { kind: "named", name: rng.pick(rng.chance(0.85) ? st.valueNamed : [...st.valueNamed, ...st.fieldNamed]) };
    case "atomic":
      return { kind: "atomic", base: scalar(rng.pick(ATOMIC_BASES)) };
  }
}

// pointerType returns `ptr<void>`, a pointer to the record itself, to any record (also later ones), or to other types.
function pointerType(st: State, scope: RecordScope): CType {
  const { rng } = st;
  switch (rng.weighted({ void: 3, self: 3, record: 3, scalar: 2, enum: 1, pointer: 1, array: 1 })) {
    case "void":
      return { kind: "pointer", target: null };
    case "self":
      return { kind: "pointer", target: { kind: "named", name: scope.selfName } };
    case "record":
      return { kind: "pointer", target: { kind: "named", name: rng.pick(st.recordNames) } };
    case "scalar":
      return { kind: "pointer", target: scalar(rng.pick(SCALAR_NAMES)) };
    case "enum":
      return { kind: "pointer", target: { kind: "named", name: rng.pick(st.enums) } };
    case "pointer":
      return { kind: "pointer", target: pointerType(st, scope) };
    case "array":
      return { kind: "pointer", target: { kind: "array", element: scalar(rng.pick(SCALAR_NAMES)), count: rng.int(1, 4) } };
  }
}

// arrayType returns `array<T, N>` with 1..3 dimensions.
function arrayType(st: State, scope: RecordScope): CType {
  const { rng } = st;
  let type = arrayElement(st, scope);
  const dims = rng.weighted({ one: 6, two: 3, three: 1 });
  for (let i = 0; i < (dims === "one" ? 1 : dims === "two" ? 2 : 3); i++) {
    type = { kind: "array", element: type, count: rng.int(1, 5) };
  }
  return type;
}

// arrayElement returns an element type valid in every array: a type-level aligned element only
// over a fixed-size scalar and never above its size (clang: "size of array element ... isn't a multiple of its alignment").
function arrayElement(st: State, scope: RecordScope): CType {
  const { rng } = st;
  switch (rng.weighted({ scalar: 6, named: 2, pointer: 1, aligned: 1 })) {
    case "scalar":
      return scalar(rng.pick(SCALAR_NAMES));
    case "named":
      return { kind: "named", name: rng.pick(st.valueNamed) };
    case "pointer":
      return pointerType(st, scope);
    case "aligned": {
      const name = rng.pick(FIXED);
      const byteAlign = rng.pick(ALIGNMENTS.filter((a) => a <= FIXED_BYTE_SIZE[name]!));
      return { kind: "aligned", base: scalar(name), byteAlign };
    }
  }
}

// withMemberAttributes sometimes adds member `aligned(N)` and/or `packed`, and then sometimes a
// type-level `aligned` under them (`aligned<aligned<u32, 16>, 4>`): only there does it stay type-level (SPEC §2).
function withMemberAttributes(st: State, field: Field): Field {
  const { rng } = st;
  let f = field;
  if (rng.chance(0.08)) f = withPacked(f);
  if (rng.chance(0.08)) f = { ...f, memberAlign: rng.pick(ALIGNMENTS) };
  const attributed = f.memberAlign !== undefined || f.memberPacked === true;
  if (attributed && f.type.kind === "scalar" && rng.chance(0.3)) {
    f = { ...f, type: { kind: "aligned", base: f.type, byteAlign: rng.pick(ALIGNMENTS) } };
  }
  return f;
}

// withPacked marks a field with the member attribute `packed`.
function withPacked(field: Field): Field {
  return { ...field, memberPacked: true };
}

// fieldName returns the next member name of a top-level record scope.
function fieldName(scope: RecordScope): string {
  return `f${scope.fieldCount++}`;
}

// scalar builds a scalar CType.
function scalar(name: ScalarName): CType {
  return { kind: "scalar", name };
}
