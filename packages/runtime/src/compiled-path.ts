/**
 * Compiled paths: the run-time half of an access plan (core/src/plan). A hop key
 * such as `[].se.vruntime` is resolved once per bound table against its plans
 * into one constant byte offset and one stride per index, plus the codec of what
 * the hop ends at. Compiled code computes `a + i * s0 + o` and calls `rd`/`wr`:
 * the same code serves every format (type-morphable code, PLOS'19 §3).
 */
import { AccessMessages, rangeError } from "./checks.js";
import type { ScalarCodec } from "./scalars.js";
import type { TablePlan, TypePlan } from "./view-plan.js";

/** CompiledPath is a resolved hop: byte offset `o`, strides `s0`, `s1`, … per index, end plan `t`, and its codec. */
export interface CompiledPath {
  readonly o: number;
  readonly s0: number;
  readonly s1: number;
  readonly s2: number;
  readonly s3: number;
  /** Strides beyond the fourth index. */
  readonly s: readonly number[];
  /** Plan of what the hop ends at (for a bit-field, its base type). */
  readonly t: TypePlan;
  /** Bytes the end occupies (a bit-field: its covering bytes). */
  readonly size: number;
  /** Reads and writes the end (scalar, bit-field, atomic, or a pointer's raw address); unusable on records and arrays. */
  readonly rd: ScalarCodec["rd"];
  readonly wr: ScalarCodec["wr"];
  /** Atomics: the codec of the underlying integer (for read-modify-write). */
  readonly inner: ScalarCodec | null;
}

const cache = new WeakMap<TypePlan, Map<string, CompiledPath>>();

function noCodec(): never {
  throw new Error("typedc runtime invariant broken: a compiled path to a record or array has no codec");
}

/** cpath resolves hop `key` (segments joined by ".", `[]` for an index) from plan `t` of table plan `tp`; cached per plan. */
export function cpath(tp: TablePlan, t: TypePlan, key: string): CompiledPath {
  let byKey = cache.get(t);
  if (byKey === undefined) cache.set(t, (byKey = new Map()));
  let p = byKey.get(key);
  if (p === undefined) {
    p = resolvePath(tp, t, key);
    byKey.set(key, p);
  }
  return p;
}

/** cnext resolves the hop after a pointer: from the target of the pointer that path `prev` ends at. */
export function cnext(tp: TablePlan, prev: CompiledPath, key: string): CompiledPath {
  return cpath(tp, tp.types[prev.t.target]!, key);
}

function resolvePath(tp: TablePlan, root: TypePlan, key: string): CompiledPath {
  let t = root;
  let o = 0;
  let codec: ScalarCodec | null = null;
  let size = 0;
  const strides: number[] = [];
  for (const seg of key === "" ? [] : key.split(".")) {
    codec = null;
    if (seg === "[]") {
      if (t.shape !== "array") throw rangeError(AccessMessages.UnknownMember, [t.name, "[]"]);
      strides.push(t.stride);
      t = tp.types[t.elem]!;
      continue;
    }
    const m = t.shape === "record" ? t.m[seg] : undefined;
    if (m === undefined) throw rangeError(AccessMessages.UnknownMember, [t.name, seg]);
    o += m.off;
    t = tp.types[m.type]!;
    if (m.shape === "bits") {
      codec = m.codec;
      size = m.size;
    }
  }
  if (codec === null) {
    codec = t.codec;
    size = t.size;
  }
  const inner = t.shape === "atomic" ? tp.types[t.target]!.codec : null;
  return Object.freeze({
    o, s0: strides[0] ?? 0, s1: strides[1] ?? 0, s2: strides[2] ?? 0, s3: strides[3] ?? 0, s: Object.freeze(strides.slice(4)),
    t, size, rd: codec?.rd ?? noCodec, wr: codec?.wr ?? noCodec, inner,
  });
}
