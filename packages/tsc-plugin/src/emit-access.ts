/**
 * Code generation for one planned access chain (docs/compiler.md, "Accesses").
 * For `tasks[i].se.vruntime` on a binding bound once, the address is
 *   tasks$r.a + __typedc.ix(i, tasks$r.length, "tasks[#].se.vruntime", "src/a.ts:3:5") * tasks$p0.s0 + tasks$p0.o
 * and a read is `tasks$p0.rd(tasks$r.h, <address>, "tasks[i].se.vruntime", "src/a.ts:3:5")`.
 * Offsets and strides come from the bound format's table (hoisted path), so one
 * compiled text serves every format; checks are constant strings until they throw.
 */
import type * as TS from "typescript";
import { ARRAY_VIEW_SHIFTS, DATAVIEW_ACCESSORS, FIT_TESTS, type AccessPlan, type FitTest, type IndexCheck, type ValueInfo } from "@typedc/core";
import type { Chain } from "./chain.js";
import { isProvenIndex } from "./loop-bounds.js";
import { arrayAccess, elementAddress } from "./loop-version.js";
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
  /** Hops of the plan (more than one: the chain dereferences a pointer). */
  readonly hops: number;
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
      // In a versioned loop's fast copy, `xs[i]` with the counter is in range by the loop's guard, and
      // `xs$a + i * stride` is the element address the loop steps (loop-version.ts).
      const stepped = check.kind === "rootLength" && chain.rootCall === undefined && j === 0 && k === 0 ? elementAddress(fs, chain.binding, chain.steps[step]!.index!) : undefined;
      if (stepped !== undefined) {
        address = f.createIdentifier(stepped);
        return;
      }
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
  return { get ref() { return refAgain(); }, local: r, refAgain, path: paths[paths.length - 1]!, address, pathText, location, rootInit, hops: plan.hops.length };
}

/** handleOf is the handle of the chain's ref: `x$h` (hoisted) or `x$r.h`. */
export function handleOf(fs: FileState, c: CompiledChain): TS.Expression {
  return refField(fs, c.local, c.refAgain, "h");
}

/**
 * readOf is `P.rd(ref.h, address, path, location)` (scalar, bit-field, atomic); for a
 * fixed-size scalar (plan `fast`) of a binding bound once, the hoisted DataView
 * (`x$dv.getInt32(addr, x$le)`), else `__typedc$r_i32(ref.h, address)`; in a versioned
 * loop's fast copy, the memory's typed array (`x$i32[addr >> 2]`, plan `arrayView`).
 */
export function readOf(fs: FileState, c: CompiledChain, address: TS.Expression = c.address, value?: ValueInfo): TS.Expression {
  const f = fs.f;
  const fast = value?.fast;
  if (value?.arrayView !== undefined && arrayAccess(fs, c.local, c.path, c.hops)) {
    return f.createElementAccessExpression(refField(fs, c.local, c.refAgain, value.arrayView), arrayIndex(fs, address, value.arrayView));
  }
  if (fast !== undefined && c.local.hoist) {
    const [getter, ordered] = DATAVIEW_ACCESSORS[fast]!;
    const dv = refField(fs, c.local, c.refAgain, "dv");
    return f.createCallExpression(f.createPropertyAccessExpression(dv, getter), undefined, ordered ? [address, refField(fs, c.local, c.refAgain, "le")] : [address]);
  }
  if (fast !== undefined) return rtCall(fs, `r_${fast}`, [handleOf(fs, c), address]);
  return f.createCallExpression(f.createPropertyAccessExpression(c.path, "rd"), undefined, [handleOf(fs, c), address, f.createStringLiteral(c.pathText), f.createStringLiteral(c.location)]);
}

/**
 * arrayIndex is the element index of byte address `address` in typed array `view`:
 * `address >> shift` (V8 keeps it an int32; measured 3.5× → 2.7× the limit in W2 against
 * `>>>`). Safe because the loop's guard (`__typedc$tal`) admits memories below 2 GiB only.
 */
function arrayIndex(fs: FileState, address: TS.Expression, view: string): TS.Expression {
  const shift = ARRAY_VIEW_SHIFTS[view]!;
  if (shift === 0) return address;
  return fs.f.createBinaryExpression(address, fs.st.ts.SyntaxKind.GreaterThanGreaterThanToken, fs.f.createNumericLiteral(shift));
}

/**
 * writeOf is `P.wr(ref.h, address, value, path, location)`; for a fixed-size scalar
 * `__typedc$w_i32(ref.h, address, value, P, path, location)`; `__typedc$setr(P, ...)`
 * (which returns the value) when the assignment's value is used.
 */
export function writeOf(fs: FileState, c: CompiledChain, value: TS.Expression, used: boolean, address: TS.Expression = c.address, info?: ValueInfo): TS.Expression {
  const f = fs.f;
  const fast = info?.fast;
  const args = [handleOf(fs, c), address, value, f.createStringLiteral(c.pathText), f.createStringLiteral(c.location)];
  if (used) return rtCall(fs, "setr", [c.path, ...args]);
  if (info?.arrayView !== undefined && arrayAccess(fs, c.local, c.path, c.hops)) return inlineWrite(fs, c, value, address, info.arrayView, true);
  if (fast !== undefined && c.local.hoist) return inlineWrite(fs, c, value, address, fast, false);
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

/** fitTest is the expression of a scalar's fit test (core/plan's FIT_TESTS): true exactly when `v` stores without loss (else the codec throws). */
function fitTest(fs: FileState, kind: string, v: TS.Identifier): TS.Expression {
  const { ts } = fs.st;
  const f = fs.f;
  const test: FitTest = FIT_TESTS[kind]!;
  const num = (n: number) => f.createNumericLiteral(n);
  switch (test.kind) {
    case "shift":
      return f.createStrictEquality(f.createBinaryExpression(f.createBinaryExpression(v, ts.SyntaxKind.LessThanLessThanToken, num(test.bits)), ts.SyntaxKind.GreaterThanGreaterThanToken, num(test.bits)), v);
    case "mask":
      return f.createStrictEquality(f.createBinaryExpression(v, ts.SyntaxKind.AmpersandToken, num(test.mask)), v);
    case "int32":
      return f.createStrictEquality(f.createBinaryExpression(v, ts.SyntaxKind.BarToken, num(0)), v);
    case "uint32":
      return f.createStrictEquality(f.createBinaryExpression(v, ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken, num(0)), v);
    case "number":
      return f.createStrictEquality(f.createTypeOfExpression(v), f.createStringLiteral("number"));
    case "bigint": {
      const wrap = f.createCallExpression(f.createPropertyAccessExpression(f.createIdentifier("BigInt"), test.signed ? "asIntN" : "asUintN"), undefined, [num(64), v]);
      return f.createLogicalAnd(f.createStrictEquality(f.createTypeOfExpression(v), f.createStringLiteral("bigint")), f.createStrictEquality(wrap, v));
    }
  }
}

/**
 * inlineWrite stores a scalar inline when the value fits, else through the path's codec
 * (which throws the TypedRangeError): through the hoisted DataView,
 *   (_w$1 = addr, _v$2 = value, (_v$2 | 0) === _v$2 ? x$dv.setInt32(_w$1, _v$2, x$le) : x$p0.wr(x$h, _w$1, _v$2, path, location))
 * or, in a versioned loop's fast copy (`array`), the memory's typed array: `... ? x$i32[_w$1 >> 2] = _v$2 : ...`.
 */
function inlineWrite(fs: FileState, c: CompiledChain, value: TS.Expression, address: TS.Expression, kind: string, array: boolean): TS.Expression {
  const f = fs.f;
  const w = tempName(fs, "_w");
  const v = tempName(fs, "_v");
  let store: TS.Expression;
  if (array) {
    store = f.createAssignment(f.createElementAccessExpression(refField(fs, c.local, c.refAgain, kind), arrayIndex(fs, w, kind)), v);
  } else {
    const [getter, ordered] = DATAVIEW_ACCESSORS[kind]!;
    const dv = refField(fs, c.local, c.refAgain, "dv");
    const setArgs = ordered ? [w, v, refField(fs, c.local, c.refAgain, "le")] : [w, v];
    store = f.createCallExpression(f.createPropertyAccessExpression(dv, getter.replace(/^get/, "set")), undefined, setArgs);
  }
  const slow = f.createCallExpression(f.createPropertyAccessExpression(c.path, "wr"), undefined, [handleOf(fs, c), w, v, f.createStringLiteral(c.pathText), f.createStringLiteral(c.location)]);
  return f.createParenthesizedExpression(f.createCommaListExpression([
    f.createAssignment(w, address), f.createAssignment(v, value), f.createConditionalExpression(fitTest(fs, kind, v), undefined, store, undefined, slow),
  ]));
}

/**
 * checkedIndex checks an index against a count. A plain variable is tested inline and
 * the runtime called only to throw: `(i >>> 0 === i && i < n ? i : __typedc$ix(i, n, path, location))`
 * (measured faster in V8 than `(test || fail(), i)`). Any other expression (evaluated
 * once) goes through `__typedc$ix`, which returns it; in a versioned loop's fast copy it is
 * first put in a temporary and tested inline too (`(_i$1 = idx[k], <test of _i$1>)`: W3's
 * random reads went from 2.2× to about 1.3× the hand-written limit).
 */
function checkedIndex(fs: FileState, index: TS.Expression, count: TS.Expression, template: TS.Expression, location: TS.Expression): TS.Expression {
  const { ts } = fs.st;
  const f = fs.f;
  if (!ts.isIdentifier(index)) {
    if (fs.fastLoop === undefined) return rtCall(fs, "ix", [index, count, template, location]);
    const temp = tempName(fs, "_i");
    return f.createParenthesizedExpression(f.createCommaListExpression([f.createAssignment(temp, index), inlineIndexTest(fs, () => f.createIdentifier(temp.text), count, template, location)]));
  }
  // Clones of the index (not new names): a module transform rewrites each copy as it does the
  // original (CommonJS: an imported `SLOT` is `slot_1.SLOT`), TypeScript's own pattern for a reused name.
  return inlineIndexTest(fs, () => cloneName(fs, index), count, template, location);
}

/** inlineIndexTest is `(i < n && i >= 0 && (i | 0) === i ? i : __typedc$ix(i, n, path, location))` for a name `id()`. */
function inlineIndexTest(fs: FileState, id: () => TS.Expression, count: TS.Expression, template: TS.Expression, location: TS.Expression): TS.Expression {
  const { ts } = fs.st;
  const f = fs.f;
  const call = rtCall(fs, "ix", [id(), count, template, location]);
  const isInteger = f.createStrictEquality(f.createBinaryExpression(id(), ts.SyntaxKind.BarToken, f.createNumericLiteral(0)), id());
  // i < n first: it is the loop's own condition in the common loop, which V8 can fold.
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
