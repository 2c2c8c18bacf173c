/**
 * Code generation for one planned access chain on Babel nodes (the tsc plugin's
 * emit-access.ts, docs/compiler.md "Lowerings"): the address from the bound format's
 * offsets and strides, reads, writes, pointer hops, and index checks that are constant
 * strings until they throw.
 */
import t = require("@babel/types"); // not `import * as`: its interop getter sat in front of every `t.…` (docs/babel.md, "Speed")
import { ARRAY_VIEW_SHIFTS, DATAVIEW_ACCESSORS, FIT_TESTS, hopKey, type AccessPlan, type IndexCheck, type ValueInfo } from "@typedc/core";
import type { Chain } from "./gen-chain.js";
import { localRef, pathExprs, pathField, prop, refExpr, refField, rtCall, tempName, type FileState, type LocalRef } from "./gen-file-state.js";
import { compactText } from "./gen-state.js";
import { isProvenIndex } from "./gen-loop-bounds.js";
import { arrayAccess, elementAddress } from "./gen-loop-version.js";

/** CompiledChain is where a planned chain ends: the ref, the path of the last hop, the byte address, and messages. */
export interface CompiledChain {
  readonly local: LocalRef;
  /** A fresh expression of the chain's ref at each call. */
  readonly refAgain: () => t.Expression;
  readonly path: t.Expression;
  readonly address: t.Expression;
  readonly pathText: string;
  readonly location: string;
  /** A call root, visited: evaluated first, into the ref's temporary (see withRoot). */
  readonly rootInit?: t.Expression;
  /** Hops of the plan (more than one: the chain dereferences a pointer). */
  readonly hops: number;
}


/** spellPath spells a chain from its root, index `marked` (if any) as `#`. */
function spellPath(fs: FileState, chain: Chain, stepCount: number, marked: number): string {
  let s = chain.rootText;
  for (let k = 0; k < stepCount; k++) {
    const step = chain.steps[k]!;
    if (step.step.kind === "member") s += `.${step.step.name}`;
    else s += `[${k === marked ? "#" : compactText(fs.st, step.index!)}]`;
  }
  return s;
}

const clone = <T extends t.Node>(n: T): T => t.cloneNode(n, true);

/** compileChain builds the address of the first `stepCount` steps of a chain; `indexExprs` are the visited index expressions. */
export function compileChain(fs: FileState, chain: Chain, plan: AccessPlan, indexExprs: readonly t.Expression[], location: string, stepCount = chain.steps.length, rootInit?: t.Expression): CompiledChain {
  const r = localRef(fs, chain.binding);
  // The ref itself is named only where an access needs it (a bound-once binding uses hoisted fields).
  const refAgain = (): t.Expression => refExpr(fs, r);
  const keys = plan.hops.map((h) => hopKey(h.segments));
  const paths = pathExprs(fs, r, refAgain, keys);
  const checks = fs.st.options.boundsChecks;
  const pathText = spellPath(fs, chain, stepCount, -1);
  const str = (s: string) => t.stringLiteral(s);
  let address: t.Expression = refField(fs, r, refAgain, "a");
  let stepIndex = 0;
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
      const derefPath = spellPath(fs, chain, stepsSoFar, -1);
      address = rtCall(fs, "pderef", [refAgain(), clone(paths[j - 1]!), address, str(derefPath), str(location)]);
    }
    let areaCheck = false;
    hop.indices.forEach((check: IndexCheck, k: number) => {
      const step = nextIndexStep();
      let index = indexExprs[indexCount++]!;
      // A literal index into an array whose count is the same in every format is checked here, once.
      const literal = index.type === "NumericLiteral" && check.kind === "count" && index.value < check.count && Number.isInteger(index.value);
      // In a versioned loop's fast copy, `xs[i]` with the counter is in range by the loop's guard, and
      // `xs$a + i * stride` is the element address the loop steps (gen-loop-version.ts).
      const stepped = check.kind === "rootLength" && chain.rootCall === undefined && j === 0 && k === 0 ? elementAddress(fs, chain.binding, chain.steps[step]!.index!) : undefined;
      if (stepped !== undefined) {
        address = t.identifier(stepped);
        return;
      }
      // `for (let i = 0; i < xs.length; i++) ... xs[i]`: the index is proven in range (gen-loop-bounds.ts).
      const proven = check.kind === "rootLength" && isProvenIndex(fs.st, chain, chain.steps[step]!.index!);
      if (checks && !literal && !proven) {
        const template = str(spellPath(fs, chain, stepCount, step));
        if (check.kind === "area") {
          areaCheck = true;
          index = rtCall(fs, "ixf", [index, template, str(location)]);
        } else {
          const count = check.kind === "count" ? t.numericLiteral(check.count) : refField(fs, r, refAgain, "length");
          index = checkedIndex(fs, index, count, template, str(location));
        }
      }
      const stride = k < 4 ? pathField(fs, r, P, `s${k}`) : t.memberExpression(prop(clone(P), "s"), t.numericLiteral(k - 4), true);
      address = t.binaryExpression("+", address, t.binaryExpression("*", index, stride));
    });
    if (hop.segments.some((s) => s !== "[]")) address = t.binaryExpression("+", address, pathField(fs, r, P, "o"));
    if (areaCheck) address = rtCall(fs, "ca", [refField(fs, r, refAgain, "h"), address, prop(clone(P), "size"), str(pathText), str(location)]);
    stepsSoFar += hop.segments.length;
  }
  return { local: r, refAgain, path: paths[paths.length - 1]!, address, pathText, location, rootInit, hops: plan.hops.length };
}

/** handleOf is the handle of the chain's ref: `x$h` (hoisted) or `x$r.h`. */
export function handleOf(fs: FileState, c: CompiledChain): t.Expression {
  return refField(fs, c.local, c.refAgain, "h");
}

/** DATAVIEW_READS: the DataView getter of each fixed-size scalar, and whether it takes the byte order (core/plan). */
const DATAVIEW_READS = DATAVIEW_ACCESSORS;

/**
 * readOf is `P.rd(h, address, path, location)`, a hoisted DataView read, `__typedc$r_i32(h, address)`
 * (plan `fast`), or in a versioned loop's fast copy the memory's typed array (`x$i32[addr >> 2]`, plan `arrayView`).
 */
export function readOf(fs: FileState, c: CompiledChain, address: t.Expression = c.address, value?: ValueInfo): t.Expression {
  const fast = value?.fast;
  if (value?.arrayView !== undefined && arrayAccess(fs, c.local, c.path, c.hops)) {
    return t.memberExpression(refField(fs, c.local, c.refAgain, value.arrayView), arrayIndex(address, value.arrayView), true);
  }
  if (fast !== undefined && c.local.hoist) {
    const [getter, ordered] = DATAVIEW_READS[fast]!;
    const dv = refField(fs, c.local, c.refAgain, "dv");
    return t.callExpression(prop(dv, getter), ordered ? [address, refField(fs, c.local, c.refAgain, "le")] : [address]);
  }
  if (fast !== undefined) return rtCall(fs, `r_${fast}`, [handleOf(fs, c), address]);
  return t.callExpression(prop(clone(c.path), "rd"), [handleOf(fs, c), address, t.stringLiteral(c.pathText), t.stringLiteral(c.location)]);
}

/** arrayIndex is the element index of byte address `address` in typed array `view`: `address >> shift` (the tsc plugin's arrayIndex). */
function arrayIndex(address: t.Expression, view: string): t.Expression {
  const shift = ARRAY_VIEW_SHIFTS[view]!;
  return shift === 0 ? address : t.binaryExpression(">>", address, t.numericLiteral(shift));
}

/** writeOf is `P.wr(h, address, value, path, location)`, an inline fit-checked store, `__typedc$w_i32(...)`, or `__typedc$setr(P, ...)` when the value is used. */
export function writeOf(fs: FileState, c: CompiledChain, value: t.Expression, used: boolean, address: t.Expression = c.address, info?: ValueInfo): t.Expression {
  const fast = info?.fast;
  // The handle is taken first, as the tsc plugin does (its hoisted `x$h` is declared even when the inline store does not use it).
  const args = [handleOf(fs, c), address, value, t.stringLiteral(c.pathText), t.stringLiteral(c.location)];
  if (used) return rtCall(fs, "setr", [clone(c.path), ...args]);
  if (info?.arrayView !== undefined && arrayAccess(fs, c.local, c.path, c.hops)) return inlineWrite(fs, c, value, address, info.arrayView, true);
  if (fast !== undefined && c.local.hoist) return inlineWrite(fs, c, value, address, fast, false);
  if (fast !== undefined) return rtCall(fs, `w_${fast}`, [handleOf(fs, c), address, value, clone(c.path), t.stringLiteral(c.pathText), t.stringLiteral(c.location)]);
  return t.callExpression(prop(clone(c.path), "wr"), args);
}

/** objectOf materialises a record or array as a CompiledRef: `__typedc$sub(ref, address, P.t, path)`. */
export function objectOf(fs: FileState, c: CompiledChain): t.Expression {
  return rtCall(fs, "sub", [c.refAgain(), c.address, prop(clone(c.path), "t"), t.stringLiteral(c.pathText)]);
}

/** pointerReadOf is `__typedc$pget(ref, P, address, path, location)`. */
export function pointerReadOf(fs: FileState, c: CompiledChain): t.Expression {
  return rtCall(fs, "pget", [c.refAgain(), clone(c.path), c.address, t.stringLiteral(c.pathText), t.stringLiteral(c.location)]);
}

/** pointerWriteOf is `__typedc$pset(ref, P, address, value, path)`. */
export function pointerWriteOf(fs: FileState, c: CompiledChain, value: t.Expression): t.Expression {
  return rtCall(fs, "pset", [c.refAgain(), clone(c.path), c.address, value, t.stringLiteral(c.pathText)]);
}

/** fitTest is the expression of a fixed-size scalar's fit test (core/plan's FIT_TESTS): true exactly when `v` stores without loss. */
function fitTest(fast: string, v: () => t.Expression): t.Expression {
  const test = FIT_TESTS[fast]!;
  switch (test.kind) {
    case "shift":
      return t.binaryExpression("===", t.binaryExpression(">>", t.binaryExpression("<<", v(), t.numericLiteral(test.bits)), t.numericLiteral(test.bits)), v());
    case "mask":
      return t.binaryExpression("===", t.binaryExpression("&", v(), t.numericLiteral(test.mask)), v());
    case "int32":
      return t.binaryExpression("===", t.binaryExpression("|", v(), t.numericLiteral(0)), v());
    case "uint32":
      return t.binaryExpression("===", t.binaryExpression(">>>", v(), t.numericLiteral(0)), v());
    case "number":
      return t.binaryExpression("===", t.unaryExpression("typeof", v()), t.stringLiteral("number"));
    case "bigint": {
      const wrap = t.callExpression(t.memberExpression(t.identifier("BigInt"), t.identifier(test.signed ? "asIntN" : "asUintN")), [t.numericLiteral(64), v()]);
      return t.logicalExpression("&&", t.binaryExpression("===", t.unaryExpression("typeof", v()), t.stringLiteral("bigint")), t.binaryExpression("===", wrap, v()));
    }
  }
}

/**
 * inlineWrite: `(_w$1 = addr, _v$2 = value, fits(_v$2) ? x$dv.setInt32(_w$1, _v$2, x$le) : P.wr(x$h, _w$1, _v$2, path, location))`,
 * or in a versioned loop's fast copy (`array`) `... ? x$i32[_w$1 >> 2] = _v$2 : ...`.
 */
function inlineWrite(fs: FileState, c: CompiledChain, value: t.Expression, address: t.Expression, kind: string, array: boolean): t.Expression {
  const w = tempName(fs, "_w");
  const v = tempName(fs, "_v");
  const W = () => t.identifier(w);
  const V = () => t.identifier(v);
  let store: t.Expression;
  if (array) store = t.assignmentExpression("=", t.memberExpression(refField(fs, c.local, c.refAgain, kind), arrayIndex(W(), kind), true), V());
  else {
    const [getter, ordered] = DATAVIEW_READS[kind]!;
    const dv = refField(fs, c.local, c.refAgain, "dv");
    const setArgs = ordered ? [W(), V(), refField(fs, c.local, c.refAgain, "le")] : [W(), V()];
    store = t.callExpression(prop(dv, getter.replace(/^get/, "set")), setArgs);
  }
  const slow = t.callExpression(prop(clone(c.path), "wr"), [handleOf(fs, c), W(), V(), t.stringLiteral(c.pathText), t.stringLiteral(c.location)]);
  return t.sequenceExpression([t.assignmentExpression("=", W(), address), t.assignmentExpression("=", V(), value), t.conditionalExpression(fitTest(kind, V), store, slow)]);
}

/**
 * checkedIndex: a plain variable is tested inline (`(i < n && i >= 0 && (i | 0) === i ? i : __typedc$ix(i, n, path, location))`);
 * any other index goes through `__typedc$ix`, which returns it, except in a versioned loop's fast copy, where it is
 * first put in a temporary and tested inline (`(_i$1 = idx[k], <test of _i$1>)`), as the tsc plugin does.
 */
function checkedIndex(fs: FileState, index: t.Expression, count: t.Expression, template: t.StringLiteral, location: t.StringLiteral): t.Expression {
  if (index.type !== "Identifier") {
    if (fs.fastLoop === undefined) return rtCall(fs, "ix", [index, count, template, location]);
    const temp = tempName(fs, "_i");
    return t.sequenceExpression([t.assignmentExpression("=", t.identifier(temp), index), inlineIndexTest(fs, () => t.identifier(temp), count, template, location)]);
  }
  const name = index.name;
  return inlineIndexTest(fs, () => t.identifier(name), count, template, location);
}

/** inlineIndexTest is `(i < n && i >= 0 && (i | 0) === i ? i : __typedc$ix(i, n, path, location))` for a name `id()`. */
function inlineIndexTest(fs: FileState, id: () => t.Expression, count: t.Expression, template: t.StringLiteral, location: t.StringLiteral): t.Expression {
  const call = rtCall(fs, "ix", [id(), count, template, location]);
  // i < n first: it is the loop's own condition in the common loop, which V8 can fold.
  const isInteger = t.binaryExpression("===", t.binaryExpression("|", id(), t.numericLiteral(0)), id());
  const test = t.logicalExpression("&&", t.logicalExpression("&&", t.binaryExpression("<", id(), clone(count)), t.binaryExpression(">=", id(), t.numericLiteral(0))), isInteger);
  return t.conditionalExpression(test, id(), call);
}

/** withRoot opens a call root before the access that uses it: `(_r$1 = __typedc$cref(pick(2)), <access>)`. */
export function withRoot(fs: FileState, c: CompiledChain, access: t.Expression): t.Expression {
  if (c.rootInit === undefined || c.local.temp === undefined) return access;
  return t.sequenceExpression([t.assignmentExpression("=", t.identifier(c.local.temp), rtCall(fs, "cref", [c.rootInit])), access]);
}
