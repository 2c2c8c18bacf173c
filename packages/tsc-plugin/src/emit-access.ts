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
import { localRef, pathExprs, refExpr, rtCall, type FileState } from "./file-state.js";

/** CompiledChain is where a planned chain ends: the ref, the path of the last hop, the byte address, and messages. */
export interface CompiledChain {
  readonly ref: TS.Expression;
  readonly path: TS.Expression;
  readonly address: TS.Expression;
  /** The access path as the source spells it (`tasks[i].se.vruntime`). */
  readonly pathText: string;
  readonly location: string;
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
export function compileChain(fs: FileState, chain: Chain, plan: AccessPlan, indexExprs: readonly TS.Expression[], location: string, stepCount = chain.steps.length): CompiledChain {
  const f = fs.f;
  const r = localRef(fs, chain.binding);
  const ref = refExpr(fs, r);
  const refAgain = (): TS.Expression => (r.inline ? ref : refExpr(fs, r));
  const keys = plan.hops.map((h) => hopKey(h.segments));
  const paths = pathExprs(fs, r, refAgain(), keys);
  const checks = fs.st.options.boundsChecks;
  const pathText = spellPath(chain, stepCount, -1);
  const str = (s: string) => f.createStringLiteral(s);
  let address: TS.Expression = f.createPropertyAccessExpression(refAgain(), "a");
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
      if (checks) {
        const template = str(spellPath(chain, stepCount, step));
        if (check.kind === "area") {
          areaCheck = true;
          index = rtCall(fs, "ixf", [index, template, str(location)]);
        } else {
          const count = check.kind === "count" ? f.createNumericLiteral(check.count) : f.createPropertyAccessExpression(refAgain(), "length");
          index = rtCall(fs, "ix", [index, count, template, str(location)]);
        }
      }
      const stride = k < 4 ? f.createPropertyAccessExpression(P, `s${k}`) : f.createElementAccessExpression(f.createPropertyAccessExpression(P, "s"), k - 4);
      address = f.createBinaryExpression(address, f.createToken(fs.st.ts.SyntaxKind.PlusToken), f.createBinaryExpression(index, f.createToken(fs.st.ts.SyntaxKind.AsteriskToken), stride));
    });
    if (hop.segments.some((s) => s !== "[]")) {
      address = f.createBinaryExpression(address, f.createToken(fs.st.ts.SyntaxKind.PlusToken), f.createPropertyAccessExpression(P, "o"));
    }
    if (areaCheck) {
      address = rtCall(fs, "ca", [f.createPropertyAccessExpression(refAgain(), "h"), address, f.createPropertyAccessExpression(P, "size"), str(pathText), str(location)]);
    }
    stepsSoFar += hop.segments.length;
  }
  return { ref: refAgain(), path: paths[paths.length - 1]!, address, pathText, location };
}

/** handleOf is `<ref>.h`. */
export function handleOf(fs: FileState, c: CompiledChain): TS.Expression {
  return fs.f.createPropertyAccessExpression(c.ref, "h");
}

/** readOf is `P.rd(ref.h, address, path, location)` (scalar, bit-field, atomic). */
export function readOf(fs: FileState, c: CompiledChain, address: TS.Expression = c.address): TS.Expression {
  const f = fs.f;
  return f.createCallExpression(f.createPropertyAccessExpression(c.path, "rd"), undefined, [handleOf(fs, c), address, f.createStringLiteral(c.pathText), f.createStringLiteral(c.location)]);
}

/** writeOf is `P.wr(ref.h, address, value, path, location)`, or `__typedc.setr(P, ...)` (returns the value) when the assignment's value is used. */
export function writeOf(fs: FileState, c: CompiledChain, value: TS.Expression, used: boolean, address: TS.Expression = c.address): TS.Expression {
  const f = fs.f;
  const args = [handleOf(fs, c), address, value, f.createStringLiteral(c.pathText), f.createStringLiteral(c.location)];
  if (used) return rtCall(fs, "setr", [c.path, ...args]);
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
