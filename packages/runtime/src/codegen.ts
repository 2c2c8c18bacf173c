/**
 * The `codegen` morph strategy: record view classes specialised to one format
 * with `new Function`, so each accessor is straight-line code with literal
 * offsets and byte order (what a hand-written accessor for that format would be).
 * Classes are cached per type plan; equal tables share their plan, hence their code.
 * Opt-in (`{ strategy: "codegen" }`) because a Content-Security-Policy without
 * 'unsafe-eval' forbids it; when `new Function` is refused the table strategy is used.
 */
import { HOST_LITTLE_ENDIAN, type Handle } from "./primitives.js";
import { getByName, memberView, rethrow, setByName, setMember } from "./view-make.js";
import type { MemberPlan, TablePlan, TypePlan } from "./view-plan.js";
import { elementGet } from "./view-array.js";
import { ownBinding, registerElementAccess, registerRecordClass, type ElementAccess, type ElementIteratorClass, type RecordReaders } from "./view-record.js";
import { decorateRecordPrototype, tableClass, type StructViewClass } from "./view-struct.js";

const cache = new WeakMap<TypePlan, StructViewClass>();

/**
 * codegenClass returns the generated view class of a record type. It is cached per
 * type plan, and equal tables share their plan (planOf dedupes by hash and content),
 * so the cache is in effect keyed by table hash.
 */
export function codegenClass(tp: TablePlan, t: TypePlan): StructViewClass {
  let C = cache.get(t);
  if (C === undefined) {
    C = generate(tp, t) ?? tableClass(t);
    cache.set(t, C);
  }
  return C;
}

// DataView getters/setters for the codecs that lower to one DataView call.
const DV: Readonly<Record<string, { get: string; set: string; fits: string; wide: boolean }>> = {
  i8: { get: "getInt8", set: "setInt8", fits: "((v << 24) >> 24) === v", wide: false },
  u8: { get: "getUint8", set: "setUint8", fits: "(v & 0xff) === v", wide: false },
  i16: { get: "getInt16", set: "setInt16", fits: "((v << 16) >> 16) === v", wide: true },
  u16: { get: "getUint16", set: "setUint16", fits: "(v & 0xffff) === v", wide: true },
  i32: { get: "getInt32", set: "setInt32", fits: "(v | 0) === v", wide: true },
  u32: { get: "getUint32", set: "setUint32", fits: "(v >>> 0) === v", wide: true },
  f32: { get: "getFloat32", set: "setFloat32", fits: 'typeof v === "number"', wide: true },
  f64: { get: "getFloat64", set: "setFloat64", fits: 'typeof v === "number"', wide: true },
};

function generate(tp: TablePlan, t: TypePlan): StructViewClass | undefined {
  const members = Object.values(t.m);
  let make: (...args: unknown[]) => { C: StructViewClass; R: RecordReaders; D: Record<string, PropertyDescriptor>; I: ElementIteratorClass; B: ElementAccess["getter"] };
  try {
    make = new Function("elementGet", "ownBinding", "rethrow", "memberView", "setMember", "M", "T", "getByName", "setByName", classSource(members, tp.le)) as typeof make;
  } catch {
    return undefined; // CSP without 'unsafe-eval': fall back to the table strategy
  }
  const { C, R, D, I, B } = make(elementGet, ownBinding, rethrow, memberView, setMember, members, t, getByName, setByName);
  registerRecordClass(C.prototype, R);
  registerElementAccess(C, { iterator: I, getter: B });
  decorateRecordPrototype(C.prototype, t, (m) => D[m.name]);
  return C;
}

/**
 * classSource is the source of a record view class with its own private fields (the
 * binding, see view-record.ts), its readers `R` and its member accessors `D`, which are
 * made inside the class body so that they can read the private fields. `#k<k>` keeps the
 * view of record or array member k once made (where the table strategy uses ViewState.kids).
 * `I` iterates an array of these records and `B` binds `arr.get` to one (view-array.ts; an
 * index out of range goes to elementGet, which throws): their own `new C` stays
 * monomorphic however many record types are used elsewhere.
 */
function classSource(members: readonly MemberPlan[], le: boolean): string {
  const accessors = members.map((m, k) => `${JSON.stringify(m.name)}: ${accessorSource(m, k, le)},`).join("\n");
  const kids = members.flatMap((m, k) => (m.shape === "record" || m.shape === "array" ? [` #k${k};`] : [])).join("");
  return `"use strict";
let R, D;
const C = class {
  #h; #a; #t; #x;${kids}
  constructor(h, a, t, x) { this.#h = h; this.#a = a; this.#t = t; this.#x = x; }
  static {
    const vs = (v) => (v.#x = ownBinding(v.#h, v.#a, v.#t, v.#x));
    R = {
      h: (v) => v.#h, a: (v) => v.#a, t: (v) => v.#t, state: vs, has: (v) => #h in v,
      replace: (v, s) => { v.#x = s; v.#h = s.h; v.#a = s.a; v.#t = s.t; },
    };
    D = {
${accessors}
    };
  }
};
const I = class {
  #i; #s;
  constructor(s) { this.#i = 0; this.#s = s; }
  next() {
    const i = this.#i, s = this.#s;
    if (i >= s.length) return { value: undefined, done: true };
    this.#i = i + 1;
    return { value: new C(s.h, s.a + i * s.t.stride, T, s), done: false };
  }
  [Symbol.iterator]() { return this; }
};
const B = (s) => (i) => (i >>> 0 === i && i < s.length ? new C(s.h, s.a + i * s.t.stride, T, s) : elementGet(s, i));
return { C, R, D, I, B };`;
}

/**
 * accessorSource lowers one member; `this.#h`, `this.#a`, `this.#t` are the view's handle,
 * address and type plan, `vs(this)` its full binding (slow paths only). For `pid: i32` at
 * offset 4 of a little-endian format:
 *   get() { if (this.#t !== T) return getByName(vs(this), "pid");
 *           return this.#h.dv.getInt32(this.#a + 4, true); }
 *   set(v) { if (this.#t !== T) return setByName(vs(this), "pid", v);
 *            if ((v | 0) === v) this.#h.dv.setInt32(this.#a + 4, v, true); else <codec, which throws> }
 * (`this.#t !== T` only after the allocator installed another table, see protect.ts).
 */
function accessorSource(m: MemberPlan, k: number, le: boolean): string {
  const seg = JSON.stringify("." + m.name);
  const name = JSON.stringify(m.name);
  const G = `if (this.#t !== T) return getByName(vs(this), ${name});`;
  const S = `if (this.#t !== T) return setByName(vs(this), ${name}, v);`;
  const slowGet = `try { return M[${k}].codec.rd(this.#h, this.#a + ${m.off}); } catch (e) { rethrow(e, vs(this), ${seg}); }`;
  const slowSet = `try { M[${k}].codec.wr(this.#h, this.#a + ${m.off}, v); } catch (e) { rethrow(e, vs(this), ${seg}); }`;
  const dv = m.shape === "scalar" && m.codec !== null ? DV[m.codec.id] : undefined;
  if (dv !== undefined) {
    const endian = dv.wide ? `, ${le}` : "";
    return `{ get() { ${G} return this.#h.dv.${dv.get}(this.#a + ${m.off}${endian}); },
  set(v) { ${S} if (${dv.fits}) this.#h.dv.${dv.set}(this.#a + ${m.off}, v${endian}); else { ${slowSet} } } }`;
  }
  if (m.shape === "scalar" && m.codec !== null && (m.codec.id === "i64" || m.codec.id === "u64") && le === HOST_LITTLE_ENDIAN) {
    // Same byte order as the host: an aligned BigInt64Array element (DataView.getBigInt64 is ~9x slower).
    const arr = m.codec.id === "i64" ? "i64" : "u64";
    const get = m.codec.id === "i64" ? "getBigInt64" : "getBigUint64";
    return `{ get() { ${G} const a = this.#a + ${m.off}; return (a & 7) === 0 ? this.#h.${arr}[a >>> 3] : this.#h.dv.${get}(a, ${le}); },
  set(v) { ${S} ${slowSet} } }`;
  }
  if (m.shape === "scalar" || m.shape === "atomic" || m.shape === "bits") {
    return `{ get() { ${G} ${slowGet} }, set(v) { ${S} ${slowSet} } }`;
  }
  // Record and array members: the member's view, made on first access and kept in a private field.
  return `{ get() { ${G} return (this.#k${k} ??= memberView(vs(this), M[${k}])); }, set(v) { ${S} setMember(vs(this), M[${k}], v); } }`;
}

/** FieldAccessor reads and writes one member of a record at record address `a` (for compiled code). */
export interface FieldAccessor {
  readonly get: (h: Handle, a: number) => any;
  readonly set: (h: Handle, a: number, v: unknown) => void;
}

const accessorCache = new WeakMap<TypePlan, Readonly<Record<string, FieldAccessor>>>();

/**
 * fieldAccessors returns per-member functions specialised to a record type's format
 * with `new Function` (cached per type plan): for `pid: i32` at offset 4, little-endian,
 *   get = (h, a) => h.dv.getInt32(a + 4, true)
 *   set = (h, a, v) => { if ((v | 0) === v) h.dv.setInt32(a + 4, v, true); else <codec, which throws> }
 * Members that do not lower to one DataView call (bit-fields, atomics, 8-byte numbers, bool,
 * records, arrays, pointers) get their codec's functions at the member's offset
 * (records and arrays: no accessor). Without `new Function` (CSP), every member gets those.
 */
export function fieldAccessors(tp: TablePlan, t: TypePlan): Readonly<Record<string, FieldAccessor>> {
  let acc = accessorCache.get(t);
  if (acc === undefined) {
    acc = Object.freeze(Object.fromEntries(Object.values(t.m).filter((m) => m.codec !== null).map((m) => [m.name, Object.freeze(fieldAccessor(m, tp.le))])));
    accessorCache.set(t, acc);
  }
  return acc;
}

function fieldAccessor(m: MemberPlan, le: boolean): FieldAccessor {
  const codec = m.codec!;
  const off = m.off;
  const generic: FieldAccessor = { get: (h, a) => codec.rd(h, a + off), set: (h, a, v) => codec.wr(h, a + off, v) };
  const dv = m.shape === "scalar" ? DV[codec.id] : undefined;
  if (dv === undefined) return generic;
  const endian = dv.wide ? `, ${le}` : "";
  try {
    const get = new Function("h", "a", `return h.dv.${dv.get}(a + ${off}${endian});`) as FieldAccessor["get"];
    const set = new Function("slow", `return function (h, a, v) { if (${dv.fits}) h.dv.${dv.set}(a + ${off}, v${endian}); else slow(h, a + ${off}, v); };`)(codec.wr) as FieldAccessor["set"];
    return { get, set };
  } catch {
    return generic; // CSP without 'unsafe-eval'
  }
}
