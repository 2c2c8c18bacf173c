/**
 * The state and visiting protocol of versioned loops' copies (docs/compiler.md, "Loop
 * versioning"), generic over the front-end's nodes, bindings and refs so that the tsc and
 * Babel plugins share them: which fast copy is being visited, what it used, and how each copy
 * is visited so that diagnostics, temporaries and ref declarations come out once.
 */

/** FastLoopState is the state of one fast copy of a loop while it is visited (the front-end's FileState.fastLoop). */
export interface FastLoopState<Node, Binding, Ref> {
  readonly loop: Node;
  readonly counter: string;
  /** Roots indexed by the counter that the guard may prove in range (`B <= length`). */
  readonly provable: ReadonlySet<Binding>;
  /**
   * Roots whose counter index the fast copy uses, each with the name of its element address,
   * stepped with the counter in the loop head (`xs$e$1 = xs$a + A * xs$stride`, `xs$e$1 += xs$stride`).
   */
  readonly proven: Map<Ref, string>;
  /** Roots read or written through typed arrays, with the hoisted paths whose alignment the guard tests. */
  readonly arrays: Map<Ref, Set<string>>;
  /** Temporaries of the fast copy, declared with `let` at the top of its body (tempName). */
  readonly temps: string[];
  /** Refs anchored inside the loop that the fast copy declared (refDeclarations): the usual copy declares them again. */
  readonly declared: [Node, Ref[]][];
  /** A `for...of` loop: its variable and the iterated array's ref (the guard tests `it.h`, `it.a`). */
  readonly forOf?: { readonly variable: Ref; readonly it: string };
  /** A precompiled copy: the values its hoisted offsets and strides are written as (hoistedOrLiteral). */
  readonly literals?: ReadonlyMap<string, number>;
  /** The DataView copy: proven indices and stepped addresses, but no typed arrays. */
  readonly noArrays?: boolean;
}

/** newFastLoopState is a fast copy's state before its visit. */
export function newFastLoopState<Node, Binding, Ref>(
  loop: Node, counter: string, provable: ReadonlySet<Binding>,
  forOf?: { readonly variable: Ref; readonly it: string }, literals?: ReadonlyMap<string, number>, noArrays?: boolean,
): FastLoopState<Node, Binding, Ref> {
  return { loop, counter, provable, proven: new Map(), arrays: new Map(), temps: [], declared: [], forOf, literals, noArrays };
}

/** CopyingFile is what visiting copies touches in a front-end's FileState. */
export interface CopyingFile<Node, Ref, Fast> {
  fastLoop: Fast | undefined;
  counter: number;
  readonly anchored: Map<Node, Ref[]>;
  readonly st: { readonly diagnostics: unknown[] };
}

/** visitCopy visits one more fast copy (a precompiled one, the DataView one): its diagnostics dropped, its refs declared again by the usual copy. */
export function visitCopy<T, Node, Binding, Ref>(fs: CopyingFile<Node, Ref, FastLoopState<Node, Binding, Ref>>, copy: FastLoopState<Node, Binding, Ref>, visitOnce: () => T, finish: (out: T) => T): T {
  const reported = fs.st.diagnostics.length;
  fs.fastLoop = copy;
  const out = finish(visitOnce());
  fs.fastLoop = undefined;
  fs.st.diagnostics.length = reported;
  for (const [anchor, refs] of copy.declared) fs.anchored.set(anchor, refs);
  return out;
}

/**
 * visitTwice visits a loop's code as the fast copy (`fast` set), then as usual. The fast copy's
 * diagnostics are dropped (the usual copy reports the same ones) and the refs it declared are
 * declared again by the usual copy. When the fast copy turns out to change nothing (no proven
 * index, no typed array), its temporaries' numbers are given back, so the usual copy is exactly
 * what an unversioned loop compiles to. `between` visits more copies of a used fast copy; they
 * come before the usual one, which declares the loop's refs last.
 */
export function visitTwice<T, R, Node, Binding, Ref>(
  fs: CopyingFile<Node, Ref, FastLoopState<Node, Binding, Ref>>, fast: FastLoopState<Node, Binding, Ref>,
  visitOnce: () => T, finishFast: (out: T) => T = (out) => out, between?: () => R,
): { fastOut: T; usualOut: T; used: boolean; extra: R | undefined } {
  const counter = fs.counter;
  let used = false;
  const fastOut = visitCopy(fs, fast, visitOnce, (out) => ((used = fast.proven.size > 0 || fast.arrays.size > 0) ? finishFast(out) : out));
  if (!used) fs.counter = counter;
  const extra = used && between !== undefined ? between() : undefined;
  return { fastOut, usualOut: visitOnce(), used, extra };
}

/** elementAddressName is root `r`'s element address in a fast copy (`xs$e$N`), named the first time the copy indexes `r` with the counter. */
export function elementAddressName<Node, Binding, Ref extends { readonly name: string }>(fs: { counter: number }, loop: FastLoopState<Node, Binding, Ref>, r: Ref): string {
  let name = loop.proven.get(r);
  if (name === undefined) loop.proven.set(r, (name = `${r.name}$e$${++fs.counter}`));
  return name;
}

/** addArrayPath records that a fast copy reads root `r` at hoisted path `path` through typed arrays (the guard tests the path's alignment). */
export function addArrayPath<Node, Binding, Ref>(loop: FastLoopState<Node, Binding, Ref>, r: Ref, path: string): void {
  let paths = loop.arrays.get(r);
  if (paths === undefined) loop.arrays.set(r, (paths = new Set()));
  paths.add(path);
}

/**
 * needsDataViewCopy tells whether a used fast copy gets a DataView twin: it proved indices and
 * read through typed arrays, so when the arrays do not line up (another byte order, a packed or
 * 32-bit layout: morphing) the twin still runs unchecked and stepped, through DataView.
 */
export function needsDataViewCopy<Node, Binding, Ref>(fast: FastLoopState<Node, Binding, Ref>): boolean {
  return fast.proven.size > 0 && fast.arrays.size > 0;
}
