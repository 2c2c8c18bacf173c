/**
 * The `codegen` morph strategy: record view classes specialised to one format
 * with `new Function`, so each accessor is straight-line code with literal
 * offsets and byte order (what a hand-written accessor for that format would be).
 * Classes are cached by table hash and type index: two equal tables share code.
 * Opt-in (`{ strategy: "codegen" }`) because a Content-Security-Policy without
 * 'unsafe-eval' forbids it; when `new Function` is refused the table strategy is used.
 */
import { HOST_LITTLE_ENDIAN } from "./primitives.js";
import { getMember, rethrow, setMember } from "./view-make.js";
import type { MemberPlan, TablePlan, TypePlan } from "./view-plan.js";
import { fastState, ViewBase, type ViewState } from "./view-state.js";
import { decorateRecordPrototype, tableClass, type StructViewClass } from "./view-struct.js";

const cache = new Map<string, StructViewClass>();

/** codegenClass returns the generated view class of a record type (cached by table hash). */
export function codegenClass(tp: TablePlan, t: TypePlan): StructViewClass {
  const key = `${tp.table.hash}/${t.index}/${tp.table.format}`;
  let C = cache.get(key);
  if (C === undefined) {
    C = generate(tp, t) ?? tableClass(t);
    cache.set(key, C);
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
  const body = members.map((m, k) => `${JSON.stringify(m.name)}: ${accessorSource(m, k, tp.le)},`).join("\n");
  const src = `"use strict";\nreturn {\n${body}\n};`;
  let make: (...args: unknown[]) => Record<string, PropertyDescriptor>;
  try {
    make = new Function("fastState", "rethrow", "getMember", "setMember", "M", src) as typeof make;
  } catch {
    return undefined; // CSP without 'unsafe-eval': fall back to the table strategy
  }
  const descriptors = make(fastState, rethrow, getMember, setMember, members);
  const C = class extends ViewBase {
    constructor(s: ViewState) {
      super(s);
      Object.preventExtensions(this);
    }
  };
  decorateRecordPrototype(C.prototype, t, (m) => descriptors[m.name]);
  return C;
}

/**
 * accessorSource lowers one member. For `pid: i32` at offset 4 of a little-endian format:
 *   get() { const s = fastState(this); return s.h.dv.getInt32(s.a + 4, true); }
 *   set(v) { const s = fastState(this); if ((v | 0) === v) s.h.dv.setInt32(s.a + 4, v, true); else slow(s, v); }
 * where the slow path is the codec, which throws the right TypedRangeError.
 */
function accessorSource(m: MemberPlan, k: number, le: boolean): string {
  const seg = JSON.stringify("." + m.name);
  const slowGet = `try { return M[${k}].codec.rd(s.h, s.a + ${m.off}); } catch (e) { rethrow(e, s, ${seg}); }`;
  const slowSet = `try { M[${k}].codec.wr(s.h, s.a + ${m.off}, v); } catch (e) { rethrow(e, s, ${seg}); }`;
  const dv = m.shape === "scalar" && m.codec !== null ? DV[m.codec.id] : undefined;
  if (dv !== undefined) {
    const endian = dv.wide ? `, ${le}` : "";
    return `{ get() { const s = fastState(this); return s.h.dv.${dv.get}(s.a + ${m.off}${endian}); },
  set(v) { const s = fastState(this); if (${dv.fits}) s.h.dv.${dv.set}(s.a + ${m.off}, v${endian}); else { ${slowSet} } } }`;
  }
  if (m.shape === "scalar" && m.codec !== null && (m.codec.id === "i64" || m.codec.id === "u64") && le === HOST_LITTLE_ENDIAN) {
    // Same byte order as the host: an aligned BigInt64Array element (DataView.getBigInt64 is ~9x slower).
    const arr = m.codec.id === "i64" ? "i64" : "u64";
    const get = m.codec.id === "i64" ? "getBigInt64" : "getBigUint64";
    return `{ get() { const s = fastState(this); const a = s.a + ${m.off}; return (a & 7) === 0 ? s.h.${arr}[a >>> 3] : s.h.dv.${get}(a, ${le}); },
  set(v) { const s = fastState(this); ${slowSet} } }`;
  }
  if (m.shape === "scalar" || m.shape === "atomic" || m.shape === "bits") {
    return `{ get() { const s = fastState(this); ${slowGet} }, set(v) { const s = fastState(this); ${slowSet} } }`;
  }
  return `{ get() { return getMember(fastState(this), M[${k}]); }, set(v) { setMember(fastState(this), M[${k}], v); } }`;
}
