/**
 * Loop versioning on Babel's tree (the tsc plugin's loop-version.ts; docs/compiler.md,
 * "Loop versioning"). A counted loop `for (let i = A; i < B; i++) body` whose body reads or
 * writes typed fields is emitted twice, `if (<guard>) <fast copy> else <usual copy>`, with
 * the same decisions, names and order as the tsc plugin.
 */
import t = require("@babel/types"); // not `import * as`: its interop getter sat in front of every `t.…` (docs/babel.md, "Speed")
import { addArrayPath, elementAddressName, needsDataViewCopy, newFastLoopState, precompiledLiterals, visitCopy, visitTwice, type FastLoopState } from "@typedc/core";
import { bindingOfIdentifier, type Binding } from "./gen-bindings.js";
import { chainOf } from "./gen-chain.js";
import { localRef, refField, rtCall, type FileState, type LocalRef } from "./gen-file-state.js";
import { assignsIn } from "./gen-loop-bounds.js";
import { forShape, isName, lengthRootOf } from "./gen-loop-shape.js";
import { localDeclarationOf } from "./gen-scope.js";
import { fileOfNode, isFunctionLike, parentOf, type GenState } from "./gen-state.js";
import { visitEachChild, type Visitor } from "./gen-transform.js";

/** FastLoop is the state of the fast copy while it is visited (FileState.fastLoop; core/plan/loop-copies.ts). */
export type FastLoop = FastLoopState<t.Node, Binding, LocalRef>;

/** CountedLoop is what the guard is built from: the counter, its start and its bound. */
interface CountedLoop {
  readonly counter: string;
  readonly start: t.NumericLiteral | t.Identifier;
  readonly bound: t.Expression;
  /** The bound is `xs.length` of this typed root. */
  readonly boundRoot?: Binding;
  /** The bound cannot change while the loop runs: it may prove indices. */
  readonly invariant: boolean;
}

/** countedLoop matches `for (let i = A; i < B; i++ | ++i | i += 1)` (the tsc plugin's countedLoop). */
function countedLoop(st: GenState, loop: t.ForStatement): CountedLoop | undefined {
  const shape = forShape(loop);
  if (shape === undefined || !shape.isLet) return undefined;
  const { counter, start, bound } = shape;
  const startOk = start.type === "NumericLiteral" ? Number.isSafeInteger(start.value) : start.type === "Identifier" && start.name !== counter;
  const lengthRoot = lengthRootOf(bound);
  if (!startOk || !(bound.type === "NumericLiteral" || (bound.type === "Identifier" && bound.name !== counter) || lengthRoot !== undefined)) return undefined;
  let boundRoot: Binding | undefined;
  if (lengthRoot !== undefined) {
    const b = bindingOfIdentifier(st, lengthRoot);
    if (b?.kind === "object" && !b.mutable) boundRoot = b;
  }
  const invariant = bound.type === "NumericLiteral" || boundRoot !== undefined || (bound.type === "Identifier" && neverReassigned(st, bound));
  return { counter, start: start as t.NumericLiteral | t.Identifier, bound, boundRoot, invariant };
}

/** STATEMENT_HOLDERS declare `let` statements in their lists (TypeScript's Block, SourceFile, CaseClause, ModuleBlock). */
const STATEMENT_HOLDERS: ReadonlySet<string> = new Set(["Program", "BlockStatement", "SwitchCase", "TSModuleBlock", "StaticBlock"]);

/** neverReassigned tells whether a name is a `const`, or a parameter or `let` that nothing in its scope assigns. */
function neverReassigned(st: GenState, id: t.Identifier): boolean {
  const d = localDeclarationOf(st, id);
  if (d === undefined) return false;
  const parent = parentOf(st, d);
  if (d.type === "Identifier" || d.type === "AssignmentPattern") {
    // A parameter: nothing in its function's body assigns it.
    const fn = d.type === "AssignmentPattern" ? parentOf(st, d) : parent;
    if (!isFunctionLike(fn)) return false;
    const body = (fn as { body?: t.Node | null }).body;
    return body != null && !assignsIn(st, body, id.name);
  }
  if (d.type !== "VariableDeclarator" || parent?.type !== "VariableDeclaration") return false;
  if (parent.kind === "const") return true;
  if (parent.kind !== "let") return false; // `var`: function-scoped, not followed
  let scope = parentOf(st, parent);
  if (scope?.type === "ExportNamedDeclaration") scope = parentOf(st, scope);
  return scope !== undefined && STATEMENT_HOLDERS.has(scope.type) && !assignsIn(st, scope, id.name, d);
}

/** isTypeNode: a TypeScript type (not looked into). */
function isTypeNode(n: t.Node): boolean {
  return n.type === "TSTypeAnnotation" || n.type === "TSTypeParameterInstantiation" || t.isTSType(n);
}

/** bodyIsSimple: no nested loop, function or class; types are not looked into. */
function bodyIsSimple(body: t.Node): boolean {
  const visit = (n: t.Node): boolean => {
    if (isTypeNode(n)) return true;
    if (t.isLoop(n) || t.isFunction(n) || t.isClass(n)) return false;
    for (const key of t.VISITOR_KEYS[n.type] ?? []) {
      const child = (n as any)[key];
      if (Array.isArray(child)) {
        for (const c of child) if (c != null && !visit(c)) return false;
      } else if (child != null && typeof child === "object" && !visit(child)) return false;
    }
    return true;
  };
  return visit(body);
}

/** declaredBefore tells whether a binding is bound once outside the loop (its ref and hoisted fields are in scope of the guard). */
function declaredBefore(st: GenState, b: Binding, loop: t.ForStatement | t.ForOfStatement): boolean {
  const d = b.decl;
  return !b.mutable && (fileOfNode(st, d) !== st.file || d.end! <= loop.start! || d.start! >= loop.end!);
}

/** provableRoots are the bound-once roots the body indexes with the counter at their first step (`xs[i]...`). */
function provableRoots(fs: FileState, loop: t.ForStatement, counter: string): Set<Binding> {
  const out = new Set<Binding>();
  const visit = (n: t.Node): void => {
    if ((n.type === "MemberExpression" || n.type === "OptionalMemberExpression") && n.computed && isName(n.property, counter)) {
      const chain = chainOf(fs.st, n);
      if (chain !== undefined && chain.steps.length === 1 && chain.rootCall === undefined && declaredBefore(fs.st, chain.binding, loop)) {
        const r = localRef(fs, chain.binding);
        if (r.hoist && r.loop === undefined) out.add(chain.binding);
      }
    }
    for (const key of t.VISITOR_KEYS[n.type] ?? []) {
      const child = (n as any)[key];
      if (Array.isArray(child)) {
        for (const c of child) if (c != null) visit(c);
      } else if (child != null && typeof child === "object") visit(child);
    }
  };
  visit(loop.body);
  return out;
}

/** LayoutVariant is one precompiled copy: the hoisted names it writes as literals, with their values in its layout. */
export interface LayoutVariant {
  readonly literals: ReadonlyMap<string, number>;
}

/** layoutVariants are the precompiled copies of a used fast copy, one per distinct layout of the `precompile` formats (core/plan's layoutLiterals). */
export function layoutVariants(fs: FileState, fast: FastLoop): LayoutVariant[] {
  return precompiledLiterals(fs.st.decls, fast, fs.st.options.precompile).map((literals) => ({ literals }));
}

/** layoutCheck is a precompiled copy's test: every hoisted name has its literal's value. */
function layoutCheck(variant: LayoutVariant): t.Expression {
  return [...variant.literals].map(([name, value]) => t.binaryExpression("===", t.identifier(name), t.numericLiteral(value)) as t.Expression).reduce((a, b) => t.logicalExpression("&&", a, b));
}

/** withVariants chooses among the precompiled copies of a fast copy, by their layout checks, before the generic fast copy. */
export function withVariants(variants: readonly { variant: LayoutVariant; copy: t.Statement }[], generic: t.Statement): t.Statement {
  return variants.reduceRight<t.Statement>((otherwise, { variant, copy }) => t.ifStatement(layoutCheck(variant), t.blockStatement([copy]), t.blockStatement([otherwise])), generic);
}

/** versionable tells whether a loop may be versioned: the option is on, not inside another's copy, not labelled, a simple body. */
export function versionable(fs: FileState, node: t.ForStatement | t.ForOfStatement): boolean {
  return fs.st.options.versionLoops && fs.fastLoop === undefined && parentOf(fs.st, node)?.type !== "LabeledStatement" && bodyIsSimple(node.body);
}

/** visitFor versions a counted loop over typed fields; undefined when the loop is compiled as usual. */
export function visitFor(v: Visitor, node: t.ForStatement): t.Node | undefined {
  const { fs } = v;
  const { st } = fs;
  if (!versionable(fs, node)) return undefined;
  const loop = countedLoop(st, node);
  if (loop === undefined) return undefined;
  const names = [loop.counter, ...[loop.start, loop.bound].filter((e): e is t.Identifier => e.type === "Identifier").map((e) => e.name)];
  if (names.some((n) => assignsIn(st, node.body, n))) return undefined;
  const bounds = loop.invariant ? provableRoots(fs, node, loop.counter) : new Set<Binding>();
  const state = (literals?: ReadonlyMap<string, number>, noArrays?: boolean) => newFastLoopState<t.Node, Binding, LocalRef>(node, loop.counter, bounds, undefined, literals, noArrays);
  const fast = state();
  const visitOnce = () => visitEachChild(v, node) as t.ForStatement;
  const finish = (copy: FastLoop) => (out: t.ForStatement) => withElementAddresses(fs, out, loop, copy);
  // Deep copies: the copies must not share nodes (later plugins, such as preset-typescript, rewrite nodes in place).
  const copyOf = (copy: FastLoop): t.Statement => t.cloneNode(visitCopy(fs, copy, visitOnce, finish(copy)), true);
  const moreCopies = () => ({
    variants: layoutVariants(fs, fast).map((variant) => ({ variant, copy: copyOf(state(variant.literals)) })),
    dataView: needsDataViewCopy(fast) ? copyOf(state(undefined, true)) : undefined,
  });
  const { fastOut, usualOut, used, extra } = visitTwice(fs, fast, visitOnce, finish(fast), moreCopies);
  if (!used) return usualOut;
  const { range, alignment } = guardOf(v, loop, fast);
  const arrays = withVariants(extra?.variants ?? [], t.cloneNode(fastOut, true));
  const aligned = alignment === undefined ? arrays : t.ifStatement(alignment, t.blockStatement([arrays]), t.blockStatement([extra?.dataView ?? usualOut]));
  return range === undefined ? aligned : t.ifStatement(range, t.blockStatement([aligned]), t.blockStatement([usualOut]));
}

function field(fs: FileState, r: LocalRef, name: string): t.Expression {
  return refField(fs, r, () => t.identifier(r.refName), name);
}

/** withTemps declares the fast copy's temporaries with `let` at the top of a loop body. */
export function withTemps(body: t.Statement, fast: FastLoop): t.Statement {
  if (fast.temps.length === 0) return body;
  const temps = t.variableDeclaration("let", fast.temps.map((n) => t.variableDeclarator(t.identifier(n))));
  return t.blockStatement(body.type === "BlockStatement" ? [temps, ...body.body] : [temps, body]);
}

/** withElementAddresses finishes the fast copy: its temporaries at the top of its body, each proven root's element address in its head. */
function withElementAddresses(fs: FileState, node: t.ForStatement, loop: CountedLoop, fast: FastLoop): t.ForStatement {
  node = { ...node, body: withTemps(node.body, fast) };
  if (fast.proven.size === 0) return node;
  const list = node.init as t.VariableDeclaration;
  const start = (): t.Expression => (loop.start.type === "NumericLiteral" ? t.numericLiteral(loop.start.value) : t.identifier(loop.start.name));
  const decls = [...list.declarations];
  let step: t.Expression = node.update!;
  for (const [r, e] of fast.proven) {
    const first = loop.start.type === "NumericLiteral" && loop.start.value === 0
      ? field(fs, r, "a")
      : t.binaryExpression("+", field(fs, r, "a"), t.binaryExpression("*", start(), field(fs, r, "stride")));
    decls.push(t.variableDeclarator(t.identifier(e), first));
    step = t.sequenceExpression([...(step.type === "SequenceExpression" ? step.expressions : [step]), t.assignmentExpression("=", t.identifier(e), t.binaryExpression("+", t.identifier(e), field(fs, r, "stride")))]);
  }
  return { ...node, init: { ...list, declarations: decls }, update: step };
}

/** guardOf is the loop's guard in two parts: the counter's range for the proven roots, and the typed arrays' alignment (the tsc plugin's guardOf). */
function guardOf(v: Visitor, loop: CountedLoop, fast: FastLoop): { range?: t.Expression; alignment?: t.Expression } {
  const { fs } = v;
  const same = (e: t.Expression): t.Expression =>
    e.type === "Identifier" ? t.identifier(e.name) : e.type === "NumericLiteral" ? t.numericLiteral(e.value) : t.cloneNode(v.expr(e), true);
  const range: t.Expression[] = [];
  if (fast.proven.size > 0) {
    if (loop.start.type !== "NumericLiteral") range.push(t.binaryExpression("===", t.binaryExpression(">>>", same(loop.start), t.numericLiteral(0)), same(loop.start)));
    for (const r of fast.proven.keys()) if (r.binding !== loop.boundRoot) range.push(t.binaryExpression("<=", same(loop.bound), field(fs, r, "length")));
  }
  const all = (terms: t.Expression[]) => (terms.length === 0 ? undefined : terms.reduce((a, b) => t.logicalExpression("&&", a, b)));
  return { range: all(range), alignment: all(alignmentTerms(fs, fast)) };
}

/** alignmentTerms are the guard's `__typedc$tal(h, a, paths…)` calls, one per root read through typed arrays (a for...of variable: its array's `it.h`, `it.a`). */
export function alignmentTerms(fs: FileState, fast: FastLoop): t.Expression[] {
  const terms: t.Expression[] = [];
  for (const [r, paths] of fast.arrays) {
    const it = fast.forOf?.variable === r ? fast.forOf.it : undefined;
    const handle = it !== undefined ? t.memberExpression(t.identifier(it), t.identifier("h")) : field(fs, r, "h");
    const base = it !== undefined ? t.memberExpression(t.identifier(it), t.identifier("a")) : field(fs, r, "a");
    terms.push(rtCall(fs, "tal", [handle, base, ...[...paths].map((p) => t.identifier(p))]));
  }
  return terms;
}

/** elementAddress is, in the fast copy, the name of the element address that stands for `xs$a + i * stride` (the tsc plugin's elementAddress). */
export function elementAddress(fs: FileState, binding: Binding, index: t.Node): string | undefined {
  const loop = fs.fastLoop;
  if (loop === undefined || !loop.provable.has(binding) || !isName(index, loop.counter)) return undefined;
  return elementAddressName(fs, loop, localRef(fs, binding));
}

/** arrayAccess tells whether, in the fast copy, a scalar of root `r` at hoisted path `path` goes through a typed array (and registers the path for the guard). */
export function arrayAccess(fs: FileState, r: LocalRef, path: t.Expression, hops: number): boolean {
  const loop = fs.fastLoop;
  if (loop === undefined || loop.noArrays === true || !r.hoist || hops !== 1 || path.type !== "Identifier") return false;
  // A for...of variable: only the versioned loop's own; any other root: bound once before the loop.
  if (r.loop !== undefined ? loop.forOf?.variable !== r : !declaredBefore(fs.st, r.binding, loop.loop as t.ForStatement | t.ForOfStatement)) return false;
  addArrayPath(loop, r, path.name);
  return true;
}
