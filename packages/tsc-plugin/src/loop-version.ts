/**
 * Loop versioning (docs/compiler.md, "Loop versioning"). A counted loop
 *   for (let i = A; i < B; i++) body
 * whose body reads or writes typed fields is emitted in copies behind one guard, tested
 * once before the loop:
 *   - the range, `A >>> 0 === A && B <= xs$length` for each root `xs` the body indexes with
 *     the counter (`xs[i]...`): every such index is in range, so the fast copies drop its
 *     check and step the element address (`xs$e$1 += xs$stride`);
 *   - the alignment, `__typedc$tal(xs$h, xs$a, xs$p0, ...)` for each root whose scalars the
 *     fast copy reads and writes through the memory's typed arrays (`xs$i32[addr >> 2]`):
 *     the format's byte order is the host's and every such field is aligned.
 * Range and alignment: the typed-array copy (and the `precompile` formats' copies, chosen by
 * value); range only: the DataView copy; neither: the usual copy, checked per access, so an
 * out-of-range loop still throws at its first bad access, naming it. Decided from syntax only
 * (the counter, `A` and `B` are not assigned in the body, which holds no nested loop,
 * function or class, and the loop has no label), like every other rule of the transformer,
 * so the Babel plugin makes the same decision.
 */
import type * as TS from "typescript";
import { bindingOfIdentifier, type Binding } from "./bindings.js";
import { chainOf } from "./chain.js";
import { assignsIn } from "./loop-bounds.js";
import { forShape, lengthRootOf } from "./loop-shape.js";
import { addArrayPath, elementAddressName, needsDataViewCopy, newFastLoopState, precompiledLiterals, visitCopy, visitTwice, type FastLoopState } from "@typedc/core";
import { cloneName, localRef, refField, rtCall, type FileState, type LocalRef } from "./file-state.js";
import { declarationOf } from "./program-state.js";
import type { Visitor } from "./transformer.js";

/** FastLoop is the state of the fast copy while it is visited (FileState.fastLoop; core/plan/loop-copies.ts). */
export type FastLoop = FastLoopState<TS.Node, Binding, LocalRef>;

/** CountedLoop is what the guard is built from: the counter, its start and its bound. */
interface CountedLoop {
  readonly counter: string;
  readonly start: TS.Expression;
  readonly bound: TS.Expression;
  /** The bound is `xs.length` of this typed root (already proven by loop-bounds.ts). */
  readonly boundRoot?: Binding;
  /** The bound cannot change while the loop runs (a literal, a name never reassigned, or a typed root's length): it may prove indices. */
  readonly invariant: boolean;
}

/** countedLoop matches `for (let i = A; i < B; i++ | ++i | i += 1)` with A a non-negative integer literal or a name, B a literal, a name or `x.length`. */
function countedLoop(st: FileState["st"], loop: TS.ForStatement): CountedLoop | undefined {
  const { ts } = st;
  const shape = forShape(ts, loop);
  if (shape === undefined || !shape.isLet) return undefined;
  const { counter, start, bound } = shape;
  const startOk = ts.isNumericLiteral(start) ? Number.isSafeInteger(Number(start.text)) : ts.isIdentifier(start) && start.text !== counter;
  const lengthRoot = lengthRootOf(ts, bound);
  if (!startOk || !(ts.isNumericLiteral(bound) || (ts.isIdentifier(bound) && bound.text !== counter) || lengthRoot !== undefined)) return undefined;
  let boundRoot: Binding | undefined;
  if (lengthRoot !== undefined) {
    const b = bindingOfIdentifier(st, lengthRoot);
    if (b?.kind === "object" && !b.mutable) boundRoot = b;
  }
  const invariant = ts.isNumericLiteral(bound) || boundRoot !== undefined || (ts.isIdentifier(bound) && neverReassigned(st, bound));
  return { counter, start, bound, boundRoot, invariant };
}

/**
 * neverReassigned tells whether a name is a `const`, or a parameter or `let` that nothing in
 * its scope assigns (a call in the loop body could otherwise change the bound).
 */
function neverReassigned(st: FileState["st"], id: TS.Identifier): boolean {
  const { ts } = st;
  const d = declarationOf(st, id);
  if (d === undefined || d.getSourceFile() !== id.getSourceFile()) return false; // an import: not followed
  if (ts.isParameter(d)) {
    const body = (d.parent as TS.FunctionLikeDeclaration).body;
    return ts.isIdentifier(d.name) && body !== undefined && !assignsIn(ts, body, id.text);
  }
  if (!ts.isVariableDeclaration(d) || !ts.isVariableDeclarationList(d.parent)) return false;
  if ((d.parent.flags & ts.NodeFlags.Const) !== 0) return true;
  if ((d.parent.flags & ts.NodeFlags.Let) === 0) return false; // `var`: function-scoped, not followed
  const list = d.parent;
  const scope = list.parent.parent; // the block, function body or file declaring the statement
  return scope !== undefined && ts.isVariableStatement(list.parent) && !assignsIn(ts, scope, id.text, d);
}

/** isFunction: a function with a body of its own (declaration, expression, arrow, method, accessor, constructor). */
function isFunction(ts: typeof TS, n: TS.Node): boolean {
  return ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n) || ts.isArrowFunction(n) || ts.isMethodDeclaration(n) ||
    ts.isConstructorDeclaration(n) || ts.isGetAccessorDeclaration(n) || ts.isSetAccessorDeclaration(n);
}

/** bodyIsSimple: no nested loop, function or class (each would multiply or capture the copies); types are not looked into. */
function bodyIsSimple(ts: typeof TS, body: TS.Node): boolean {
  const visit = (n: TS.Node): boolean | undefined => {
    if (ts.isTypeNode(n)) return undefined;
    if (ts.isIterationStatement(n, false) || isFunction(ts, n) || ts.isClassLike(n)) return false;
    return ts.forEachChild(n, visit);
  };
  return visit(body) ?? true;
}

/** provableRoots are the bound-once roots the body indexes with the counter at their first step (`xs[i]...`). */
function provableRoots(fs: FileState, body: TS.Node, counter: string): Set<Binding> {
  const { ts } = fs.st;
  const out = new Set<Binding>();
  const visit = (n: TS.Node): void => {
    if (ts.isElementAccessExpression(n) && ts.isIdentifier(n.argumentExpression) && n.argumentExpression.text === counter) {
      const chain = chainOf(fs.st, n);
      if (chain !== undefined && chain.steps.length === 1 && chain.rootCall === undefined && declaredBefore(chain.binding, body.parent as TS.ForStatement)) {
        const r = localRef(fs, chain.binding);
        if (r.hoist && r.loop === undefined) out.add(chain.binding);
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(body);
  return out;
}

/** declaredBefore tells whether a binding is bound once outside the loop (its ref and hoisted fields are in scope of the guard). */
function declaredBefore(b: Binding, loop: TS.IterationStatement): boolean {
  const d = b.decl;
  return !b.mutable && (d.getSourceFile() !== loop.getSourceFile() || d.end <= loop.pos || d.pos >= loop.end);
}

/** LayoutVariant is one precompiled copy: the hoisted names it writes as literals, with their values in its layout. */
export interface LayoutVariant {
  readonly literals: ReadonlyMap<string, number>;
}

/** layoutVariants are the precompiled copies of a used fast copy, one per distinct layout of the `precompile` formats (core/plan's layoutLiterals). */
export function layoutVariants(fs: FileState, fast: FastLoop): LayoutVariant[] {
  return precompiledLiterals(fs.st.decls, fast, fs.st.options.precompile).map((literals) => ({ literals }));
}

/** layoutCheck is a precompiled copy's test: every hoisted name has its literal's value (`recs$p0o === 0 && recs$stride === 40`). */
export function layoutCheck(fs: FileState, variant: LayoutVariant): TS.Expression {
  const f = fs.f;
  return [...variant.literals].map(([name, value]) => f.createStrictEquality(f.createIdentifier(name), f.createNumericLiteral(value))).reduce((a, b) => f.createLogicalAnd(a, b));
}

/** withVariants chooses among the precompiled copies of a fast copy, by their layout checks, before the generic fast copy. */
export function withVariants(fs: FileState, variants: readonly { variant: LayoutVariant; copy: TS.Statement }[], generic: TS.Statement): TS.Statement {
  const f = fs.f;
  return variants.reduceRight<TS.Statement>((otherwise, { variant, copy }) => f.createIfStatement(layoutCheck(fs, variant), f.createBlock([copy]), f.createBlock([otherwise])), generic);
}

/** versionable tells whether a loop may be versioned: the option is on, not inside another's copy, not labelled, a simple body. */
export function versionable(fs: FileState, node: TS.IterationStatement): boolean {
  const { ts } = fs.st;
  return fs.st.options.versionLoops && fs.fastLoop === undefined && !ts.isLabeledStatement(node.parent) && bodyIsSimple(ts, node.statement);
}

/** visitFor versions a counted loop over typed fields; undefined when the loop is compiled as usual. */
export function visitFor(v: Visitor, node: TS.ForStatement): TS.Statement | undefined {
  const { fs } = v;
  const { st, f } = fs;
  const { ts } = st;
  if (!versionable(fs, node)) return undefined;
  const loop = countedLoop(st, node);
  if (loop === undefined) return undefined;
  const names = [loop.counter, ...[loop.start, loop.bound].filter(ts.isIdentifier).map((e) => e.text)];
  if (names.some((n) => assignsIn(ts, node.statement, n))) return undefined;
  const bounds = loop.invariant ? provableRoots(fs, node.statement, loop.counter) : new Set<Binding>();
  const state = (literals?: ReadonlyMap<string, number>, noArrays?: boolean) => newFastLoopState<TS.Node, Binding, LocalRef>(node, loop.counter, bounds, undefined, literals, noArrays);
  const fast = state();
  const visitOnce = () => ts.visitEachChild(node, v.visit, fs.context);
  const finish = (copy: FastLoop) => (out: TS.ForStatement) => withElementAddresses(v, out, loop, copy);
  const copyOf = (copy: FastLoop): TS.Statement => visitCopy(fs, copy, visitOnce, finish(copy));
  const moreCopies = () => ({
    variants: layoutVariants(fs, fast).map((variant) => ({ variant, copy: copyOf(state(variant.literals)) })),
    dataView: needsDataViewCopy(fast) ? copyOf(state(undefined, true)) : undefined,
  });
  const { fastOut, usualOut, used, extra } = visitTwice(fs, fast, visitOnce, finish(fast), moreCopies);
  if (!used) return usualOut;
  const { range, alignment } = guardOf(v, loop, fast);
  const arrays = withVariants(fs, extra?.variants ?? [], fastOut);
  const aligned = alignment === undefined ? arrays : f.createIfStatement(alignment, f.createBlock([arrays]), f.createBlock([extra?.dataView ?? usualOut]));
  return range === undefined ? aligned : f.createIfStatement(range, f.createBlock([aligned]), f.createBlock([usualOut]));
}

/** withTemps declares the fast copy's temporaries with `let` at the top of a loop body. */
export function withTemps(fs: FileState, body: TS.Statement, fast: FastLoop): TS.Statement {
  const { ts } = fs.st;
  const f = fs.f;
  if (fast.temps.length === 0) return body;
  const temps = f.createVariableStatement(undefined, f.createVariableDeclarationList(fast.temps.map((t) => f.createVariableDeclaration(t)), ts.NodeFlags.Let));
  return f.createBlock(ts.isBlock(body) ? [temps, ...body.statements] : [temps, body], true);
}

/**
 * withElementAddresses finishes the fast copy: declares its temporaries at the top of its body,
 * and declares and steps the element address of each proven root in its head.
 */
function withElementAddresses(v: Visitor, node: TS.ForStatement, loop: CountedLoop, fast: FastLoop): TS.ForStatement {
  const { fs } = v;
  const { ts } = fs.st;
  const f = fs.f;
  node = f.updateForStatement(node, node.initializer, node.condition, node.incrementor, withTemps(fs, node.statement, fast));
  if (fast.proven.size === 0) return node;
  const list = node.initializer as TS.VariableDeclarationList;
  const start = ts.isNumericLiteral(loop.start) ? f.createNumericLiteral(loop.start.text) : cloneName(fs, loop.start as TS.Identifier);
  const decls = [...list.declarations];
  let step: TS.Expression = node.incrementor!;
  for (const [r, e] of fast.proven) {
    const first = ts.isNumericLiteral(loop.start) && loop.start.text === "0"
      ? field(fs, r, "a")
      : f.createAdd(field(fs, r, "a"), f.createMultiply(start, field(fs, r, "stride")));
    decls.push(f.createVariableDeclaration(e, undefined, undefined, first));
    step = f.createComma(step, f.createAssignment(f.createIdentifier(e), f.createAdd(f.createIdentifier(e), field(fs, r, "stride"))));
  }
  return f.updateForStatement(node, f.updateVariableDeclarationList(list, decls), node.condition, step, node.statement);
}

/**
 * guardOf is the loop's guard in two parts: `range`, the counter's range for the proven roots,
 * and `alignment`, the typed arrays' `__typedc$tal` terms (each undefined when it has no terms).
 */
function guardOf(v: Visitor, loop: CountedLoop, fast: FastLoop): { range?: TS.Expression; alignment?: TS.Expression } {
  const { fs } = v;
  const { ts } = fs.st;
  const f = fs.f;
  const same = (e: TS.Expression): TS.Expression => (ts.isIdentifier(e) ? cloneName(fs, e) : ts.isNumericLiteral(e) ? f.createNumericLiteral(e.text) : v.expr(e));
  const range: TS.Expression[] = [];
  if (fast.proven.size > 0) {
    if (!ts.isNumericLiteral(loop.start)) {
      range.push(f.createStrictEquality(f.createBinaryExpression(same(loop.start), ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken, f.createNumericLiteral(0)), same(loop.start)));
    }
    for (const r of fast.proven.keys()) if (r.binding !== loop.boundRoot) range.push(f.createLessThanEquals(same(loop.bound), field(fs, r, "length")));
  }
  const all = (terms: TS.Expression[]) => (terms.length === 0 ? undefined : terms.reduce((a, b) => f.createLogicalAnd(a, b)));
  return { range: all(range), alignment: all(alignmentTerms(fs, fast)) };
}

/** alignmentTerms are the guard's `__typedc$tal(h, a, paths…)` calls, one per root read through typed arrays (a for...of variable: its array's `it.h`, `it.a`). */
export function alignmentTerms(fs: FileState, fast: FastLoop): TS.Expression[] {
  const f = fs.f;
  const terms: TS.Expression[] = [];
  for (const [r, paths] of fast.arrays) {
    const it = fast.forOf?.variable === r ? fast.forOf.it : undefined;
    const handle = it !== undefined ? f.createPropertyAccessExpression(f.createIdentifier(it), "h") : field(fs, r, "h");
    const base = it !== undefined ? f.createPropertyAccessExpression(f.createIdentifier(it), "a") : field(fs, r, "a");
    terms.push(rtCall(fs, "tal", [handle, base, ...[...paths].map((p) => f.createIdentifier(p))]));
  }
  return terms;
}

function field(fs: FileState, r: LocalRef, name: string): TS.Expression {
  return refField(fs, r, () => fs.f.createIdentifier(r.refName), name);
}

/**
 * elementAddress is, in the fast copy, the name of the element address that stands for
 * `xs$a + i * stride` when index `index` of root `binding` is the loop's counter (in range by
 * the guard, or by `i < xs.length`); undefined elsewhere.
 */
export function elementAddress(fs: FileState, binding: Binding, index: TS.Expression): string | undefined {
  const loop = fs.fastLoop;
  if (loop === undefined || !loop.provable.has(binding) || !fs.st.ts.isIdentifier(index) || index.text !== loop.counter) return undefined;
  return elementAddressName(fs, loop, localRef(fs, binding));
}

/** arrayAccess tells whether, in the fast copy, a scalar of root `r` at hoisted path `path` goes through a typed array (and registers the path for the guard). */
export function arrayAccess(fs: FileState, r: LocalRef, path: TS.Expression, hops: number): boolean {
  const loop = fs.fastLoop;
  if (loop === undefined || loop.noArrays === true || !r.hoist || hops !== 1 || !fs.st.ts.isIdentifier(path)) return false;
  // A for...of variable: only the versioned loop's own (its paths are in the loop's block); any other root: bound once before the loop.
  if (r.loop !== undefined ? loop.forOf?.variable !== r : !declaredBefore(r.binding, loop.loop as TS.IterationStatement)) return false;
  addArrayPath(loop, r, path.text);
  return true;
}
