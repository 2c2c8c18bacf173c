import type { Diagnostic } from "../diagnostics/types.js";
import { createDiagnostic } from "../diagnostics/create.js";
import { Diagnostics } from "../diagnostics/messages.generated.js";
import type { CType, DeclSet, NamedType, SourceLoc } from "./ctype.js";

/** ValueEdge says that a type holds another by value (not through a pointer), at a field path. */
interface ValueEdge {
  readonly target: string;
  readonly path: readonly string[];
  readonly loc?: SourceLoc;
}

/**
 * checkCycles reports every type that contains itself by value (2004): C forbids a struct
 * member of incomplete type, so a cycle must pass through a `ptr<>`. Each cycle is reported
 * once, at its first-declared type, with the field path that leads back to it.
 */
export function checkCycles(decls: DeclSet): Diagnostic[] {
  const names = Object.keys(decls.types);
  const rank = new Map(names.map((name, i) => [name, i]));
  const edges = new Map(names.map((name) => [name, valueEdgesOf(decls.types[name]!)]));
  const diagnostics: Diagnostic[] = [];
  for (const [i, start] of names.entries()) {
    const path = cycleFrom(start, edges, (name) => (rank.get(name) ?? -1) > i);
    if (path === undefined) continue;
    const fieldPath = path.flatMap((e) => e.path).join(".");
    const through = fieldPath !== "" ? fieldPath : path.map((e) => e.target).join(" -> ");
    const loc = path[0]!.loc ?? decls.types[start]!.loc;
    diagnostics.push(createDiagnostic(Diagnostics.Type_0_contains_itself_by_value_through_1_Use_ptr_0_to_refer_to_it, [start, through], loc));
  }
  return diagnostics;
}

/** cycleFrom finds (breadth first) a chain of value edges from `start` back to it through types `mayVisit` allows. */
function cycleFrom(start: string, edges: ReadonlyMap<string, readonly ValueEdge[]>, mayVisit: (name: string) => boolean): ValueEdge[] | undefined {
  const via = new Map<string, { from: string; edge: ValueEdge }>();
  const queue = [start];
  for (let node = queue.shift(); node !== undefined; node = queue.shift()) {
    for (const edge of edges.get(node) ?? []) {
      if (edge.target === start) return [...chainTo(node, start, via), edge];
      if (!mayVisit(edge.target) || via.has(edge.target)) continue;
      via.set(edge.target, { from: node, edge });
      queue.push(edge.target);
    }
  }
  return undefined;
}

/** chainTo rebuilds the edges that lead from `start` to `node` in a breadth-first search. */
function chainTo(node: string, start: string, via: ReadonlyMap<string, { from: string; edge: ValueEdge }>): ValueEdge[] {
  const chain: ValueEdge[] = [];
  for (let current = node; current !== start; ) {
    const step = via.get(current)!;
    chain.unshift(step.edge);
    current = step.from;
  }
  return chain;
}

/** valueEdgesOf lists the named types a declaration holds by value (fields, array elements, inline records, alias targets). */
function valueEdgesOf(decl: NamedType): ValueEdge[] {
  const out: ValueEdge[] = [];
  if (decl.kind === "record") for (const f of decl.record.fields) collect(f.type, [f.name], f.loc ?? decl.loc, out);
  if (decl.kind === "alias") collect(decl.target, [], decl.loc, out);
  return out;
}

/** collect adds the by-value references inside a type; a pointer ends the walk (it breaks cycles). */
function collect(type: CType, path: readonly string[], loc: SourceLoc | undefined, out: ValueEdge[]): void {
  switch (type.kind) {
    case "named":
      out.push({ target: type.name, path, ...(loc !== undefined ? { loc } : {}) });
      return;
    case "array":
      return collect(type.element, path, loc, out);
    case "record":
      for (const f of type.record.fields) collect(f.type, [...path, f.name], f.loc ?? loc, out);
      return;
    case "bits":
    case "atomic":
    case "aligned":
      return collect(type.base, path, loc, out);
    case "pointer":
    case "scalar":
      return;
  }
}
