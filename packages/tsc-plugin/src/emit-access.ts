/**
 * Code generation for one planned access chain (docs/compiler.md, "Accesses").
 * For `tasks[i].se.vruntime` on a binding bound once, the address is
 *   tasks$r.a + __typedc.ix(i, tasks$r.length, "tasks[#].se.vruntime", "src/a.ts:3:5") * tasks$p0.s0 + tasks$p0.o
 * and a read is `tasks$p0.rd(tasks$r.h, <address>, "tasks[i].se.vruntime", "src/a.ts:3:5")`.
 * Offsets and strides come from the bound format's table (hoisted path), so one
 * compiled text serves every format; checks are constant strings until they throw.
 */
import type * as TS from "typescript";
import type { AccessPlan, IndexCheck } from "@typedc/core";
import type { Chain } from "./chain.js";
import { isProvenIndex } from "./loop-bounds.js";
import { cloneName, localRef, pathExprs, pathField, refExpr, refField, rtCall, tempName, type FileState, type LocalRef } from "./file-state.js";

/** CompiledChain is where a planned chain ends: the ref, the path of the last hop, the byte address, and messages. */
export interface CompiledChain {
  readonly ref: TS.Expression;
  /** The binding's LocalRef (hoisted fields) and a maker of fresh ref expressions. */
  readonly local: LocalRef;
  readonly refAgain: () => TS.Expression;
  readonly path: TS.Expression;
  readonly address: TS.Expression;
  /** The access path as the source spells it (`tasks[i].se.vruntime`). */
  readonly pathText: string;
  readonly location: string;
  /** A call root, visited: evaluated first, into the ref's temporary (see withRoot). */
  readonly rootInit?: TS.Expression;
}

/** hopKey is the runtime key of a hop (`[].se.vruntime`). */
export function hopKey(segments: readonly string[]): string {
  return segments.join(".");
}

/** spellPath spells a chain from its root, index `marked` (if any) as `#`. */
function spellPath(chain: Chain, stepCount: number, marked: number): string {
  let s = chain.root.text;
  for (let k = 0; k < stepCount; k++) {
    const st = chain.steps[k]!;
    if (st.step.kind === "member") s += `.${st.step.name}`;
    else s += `[${k === marked ? "#" : st.index!.getText().replace(/\s+/g, "")}]`;
  }
  return s;
}

/**
 * compileChain builds the address of the first `stepCount` steps of a chain (all of
 * them by default). `indexExprs` are the index expressions, already visited. Pointer
 * hops dereference through `__typedc.pderef` (null: a TypeError naming the path).
 */
export function compileChain(fs: FileState, chain: Chain, plan: AccessPlan, indexExprs: readonly TS.Expression[], location: string, stepCount = chain.steps.length, rootInit?: TS.Expression): CompiledChain {
  const f = fs.f;
  const r = localRef(fs, chain.binding);
  // The ref itself is named only where an access needs it (a bound-once binding uses hoisted fields).
  const refAgain = (): TS.Expression => refExpr(fs, r);
  const keys = plan.hops.map((h) => hopKey(h.segments));
  const paths = pathExprs(fs, r, refAgain, keys);
  const checks = fs.st.options.boundsChecks;
  const pathText = spellPath(chain, stepCount, -1);
  const str = (s: string) => f.createStringLiteral(s);
  let address: TS.Expression = refField(fs, r, refAgain, "a");
  let stepIndex = 0; // which chain step the next index belongs to
  let indexCount = 0;
  const nextIndexStep = (): number => {
    while (chain.steps[stepIndex]!.step.kind !== "index") stepIndex++;
    return stepIndex++;
  };
  let stepsSoFar = 0;
  for (let j = 0; j < plan.hops.length; j++) {
    const hop = plan.hops[j]!;
    const P = paths[j]!;
    if (j > 0) {
      const derefPath = spellPath(chain, stepsSoFar, -1);
      address = rtCall(fs, "pderef", [refAgain(), paths[j - 1]!, address, str(derefPath), str(location)]);
    }
    let areaCheck = false;
    hop.indices.forEach((check: IndexCheck, k: number) => {
      const step = nextIndexStep();
      let index = indexExprs[indexCount++]!;
      // A literal index into an array whose count is the same in every format is checked here, once.
      const literal = fs.st.ts.isNumericLiteral(index) && check.kind === "count" && Number(index.text) < check.count && Number.isInteger(Number(index.text));
      // `for (let i = 0; i < xs.length; i++) ... xs[i]`: the index is proven in range (loop-bounds.ts).
      const proven = check.kind === "rootLength" && isProvenIndex(fs.st, chain, chain.steps[step]!.index!);
      if (checks && !literal && !proven) {
        const template = str(spellPath(chain, stepCount, step));
        if (check.kind === "area") {
          areaCheck = true;
          index = rtCall(fs, "ixf", [index, template, str(location)]);
        } else {
          const count = check.kind === "count" ? f.createNumericLiteral(check.count) : refField(fs, r, refAgain, "length");
          index = checkedIndex(fs, index, count, template, str(location));
        }
      }
      const stride = k < 4 ? pathField(fs, r, P, `s${k}`) : f.createElementAccessExpression(f.createPropertyAccessExpression(P, "s"), k - 4);
      address = f.createBinaryExpression(address, f.createToken(fs.st.ts.SyntaxKind.PlusToken), f.createBinaryExpression(index, f.createToken(fs.st.ts.SyntaxKind.AsteriskToken), stride));
    });
    if (hop.segments.some((s) => s !== "[]")) {
      address = f.createBinaryExpression(address, f.createToken(fs.st.ts.SyntaxKind.PlusToken), pathField(fs, r, P, "o"));
    }
    if (areaCheck) {
      address = rtCall(fs, "ca", [refField(fs, r, refAgain, "h"), address, f.createPropertyAccessExpression(P, "size"), str(pathText), str(location)]);
    }
    stepsSoFar += hop.segments.length;
  }
  return { get ref() { return refAgain(); }, local: r, refAgain, path: paths[paths.length - 1]!, address, pathText, location, rootInit };
}

/** handleOf is the handle of the chain's ref: `x$h` (hoisted) or `x$r.h`. */
export function handleOf(fs: FileState, c: CompiledChain): TS.Expression {
  return refField(fs, c.local, c.refAgain, "h");
}

/** DATAVIEW_READS: the DataView getter of each fixed-size scalar, and whether it takes the byte order. */
const DATAVIEW_READS: Readonly<Record<string, readonly [string, boolean]>> = {
  i8: ["getInt8", false], u8: ["getUint8", false], i16: ["getInt16", true], u16: ["getUint16", true],
  i32: ["getInt32", true], u32: ["getUint32", true], f32: ["getFloat32", true], f64: ["getFloat64", true],
};

/**
 * readOf is `P.rd(ref.h, address, path, location)` (scalar, bit-field, atomic), or for a
 * fixed-size scalar the monomorphic `__typedc$r_i32(ref.h, address)` (plan `fast`).
 */
export function readOf(fs: FileState, c: CompiledChain, address: TS.Expression = c.address, fast?: string): TS.Expression {
  const f = fs.f;
  if (fast !== undefined && c.local.hoist) {
    // A binding bound once reads through its hoisted DataView and byte order: `x$dv.getInt32(addr, x$le)`.
    const [getter, ordered] = DATAVIEW_READS[fast]!;
    const dv = refField(fs, c.local, c.refAgain, "dv");
    return f.createCallExpression(f.createPropertyAccessExpression(dv, getter), undefined, ordered ? [address, refField(fs, c.local, c.refAgain, "le")] : [address]);
  }
  if (fast !== undefined) return rtCall(fs, `r_${fast}`, [handleOf(fs, c), address]);
  return f.createCallExpression(f.createPropertyAccessExpression(c.path, "rd"), undefined, [handleOf(fs, c), address, f.createStringLiteral(c.pathText), f.createStringLiteral(c.location)]);
}

/**
 * writeOf is `P.wr(ref.h, address, value, path, location)`; for a fixed-size scalar
 * `__typedc$w_i32(ref.h, address, value, P, path, location)`; `__typedc$setr(P, ...)`
 * (which returns the value) when the assignment's value is used.
 */
export function writeOf(fs: FileState, c: CompiledChain, value: TS.Expression, used: boolean, address: TS.Expression = c.address, fast?: string): TS.Expression {
  const f = fs.f;
  const args = [handleOf(fs, c), address, value, f.createStringLiteral(c.pathText), f.createStringLiteral(c.location)];
  if (used) return rtCall(fs, "setr", [c.path, ...args]);
  if (fast !== undefined && c.local.hoist) return inlineWrite(fs, c, value, address, fast);
  if (fast !== undefined) return rtCall(fs, `w_${fast}`, [handleOf(fs, c), address, value, c.path, f.createStringLiteral(c.pathText), f.createStringLiteral(c.location)]);
  return f.createCallExpression(f.createPropertyAccessExpression(c.path, "wr"), undefined, args);
}

/** objectOf materialises a record or array as a CompiledRef: `__typedc.sub(ref, address, P.t, path)`. */
export function objectOf(fs: FileState, c: CompiledChain): TS.Expression {
  const f = fs.f;
  return rtCall(fs, "sub", [c.ref, c.address, f.createPropertyAccessExpression(c.path, "t"), f.createStringLiteral(c.pathText)]);
}

/** pointerReadOf is `__typedc.pget(ref, P, address, path, location)`: a CompiledRef of the target, or null. */
export function pointerReadOf(fs: FileState, c: CompiledChain): TS.Expression {
  const f = fs.f;
  return rtCall(fs, "pget", [c.ref, c.path, c.address, f.createStringLiteral(c.pathText), f.createStringLiteral(c.location)]);
}

/** pointerWriteOf is `__typedc.pset(ref, P, address, value, path)`. */
export function pointerWriteOf(fs: FileState, c: CompiledChain, value: TS.Expression): TS.Expression {
  const f = fs.f;
  return rtCall(fs, "pset", [c.ref, c.path, c.address, value, f.createStringLiteral(c.pathText)]);
}

/** FITS_TESTS: the fit test of each fixed-size scalar (true exactly when `v` can be stored without loss; else the codec throws). */
const FITS_TESTS: Readonly<Record<string, (ts: typeof TS, f: TS.NodeFactory, v: TS.Expression) => TS.Expression>> = (() => {
  const shift = (bits: number) => (ts: typeof TS, f: TS.NodeFactory, v: TS.Expression) =>
    f.createStrictEquality(f.createBinaryExpression(f.createBinaryExpression(v, ts.SyntaxKind.LessThanLessThanToken, f.createNumericLiteral(bits)), ts.SyntaxKind.GreaterThanGreaterThanToken, f.createNumericLiteral(bits)), v);
  const mask = (m: number) => (ts: typeof TS, f: TS.NodeFactory, v: TS.Expression) =>
    f.createStrictEquality(f.createBinaryExpression(v, ts.SyntaxKind.AmpersandToken, f.createNumericLiteral(m)), v);
  const number = (_ts: typeof TS, f: TS.NodeFactory, v: TS.Expression) => f.createStrictEquality(f.createTypeOfExpression(v), f.createStringLiteral("number"));
  return {
    i8: shift(24), u8: mask(255), i16: shift(16), u16: mask(65535),
    i32: (ts, f, v) => f.createStrictEquality(f.createBinaryExpression(v, ts.SyntaxKind.BarToken, f.createNumericLiteral(0)), v),
    u32: (ts, f, v) => f.createStrictEquality(f.createBinaryExpression(v, ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken, f.createNumericLiteral(0)), v),
    f32: number, f64: number,
  };
})();

/**
 * inlineWrite stores a fixed-size scalar through the hoisted DataView when the value fits,
 * else through the path's codec (which throws the TypedRangeError):
 *   (_w$1 = addr, _v$2 = value, (_v$2 | 0) === _v$2 ? x$dv.setInt32(_w$1, _v$2, x$le) : x$p0.wr(x$h, _w$1, _v$2, path, location))
 */
function inlineWrite(fs: FileState, c: CompiledChain, value: TS.Expression, address: TS.Expression, fast: string): TS.Expression {
  const { ts } = fs.st;
  const f = fs.f;
  const [getter, ordered] = DATAVIEW_READS[fast]!;
  const w = tempName(fs, "_w");
  const v = tempName(fs, "_v");
  const dv = refField(fs, c.local, c.refAgain, "dv");
  const setArgs = ordered ? [w, v, refField(fs, c.local, c.refAgain, "le")] : [w, v];
  const store = f.createCallExpression(f.createPropertyAccessExpression(dv, getter.replace(/^get/, "set")), undefined, setArgs);
  const slow = f.createCallExpression(f.createPropertyAccessExpression(c.path, "wr"), undefined, [handleOf(fs, c), w, v, f.createStringLiteral(c.pathText), f.createStringLiteral(c.location)]);
  return f.createParenthesizedExpression(f.createCommaListExpression([
    f.createAssignment(w, address), f.createAssignment(v, value), f.createConditionalExpression(FITS_TESTS[fast]!(ts, f, v), undefined, store, undefined, slow),
  ]));
}

/**
 * checkedIndex checks an index against a count. A plain variable is tested inline and
 * the runtime called only to throw: `(i >>> 0 === i && i < n ? i : __typedc$ix(i, n, path, location))`
 * (measured faster in V8 than `(test || fail(), i)`); any other expression (evaluated
 * once) goes through `__typedc$ix`, which returns it.
 */
function checkedIndex(fs: FileState, index: TS.Expression, count: TS.Expression, template: TS.Expression, location: TS.Expression): TS.Expression {
  const { ts } = fs.st;
  const f = fs.f;
  const call = rtCall(fs, "ix", [index, count, template, location]);
  if (!ts.isIdentifier(index)) return call;
  // Clones of the index (not new names): a module transform rewrites each copy as it does the
  // original (CommonJS: an imported `SLOT` is `slot_1.SLOT`), TypeScript's own pattern for a reused name.
  const id = () => cloneName(fs, index as TS.Identifier);
  // i < n first: it is the loop's own condition in the common loop, which V8 can fold.
  const isInteger = f.createStrictEquality(f.createBinaryExpression(id(), ts.SyntaxKind.BarToken, f.createNumericLiteral(0)), id());
  const test = f.createLogicalAnd(f.createLogicalAnd(f.createLessThan(id(), count), f.createGreaterThanEquals(id(), f.createNumericLiteral(0))), isInteger);
  return f.createParenthesizedExpression(f.createConditionalExpression(test, undefined, id(), undefined, call));
}

/**
 * withRoot opens a call root before the access that uses it:
 * `pick(2).pid = 7` → `(_r$1 = __typedc$cref(pick(2)), <write through _r$1>)`.
 */
export function withRoot(fs: FileState, c: CompiledChain, access: TS.Expression): TS.Expression {
  if (c.rootInit === undefined || c.local.temp === undefined) return access;
  const f = fs.f;
  return f.createParenthesizedExpression(f.createCommaListExpression([f.createAssignment(f.createIdentifier(c.local.temp.text), rtCall(fs, "cref", [c.rootInit])), access]));
}
