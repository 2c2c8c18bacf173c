import type * as TS from "typescript";
import { isUserDecl, type ExtractContext, type UserDecl } from "./extract-context.js";
import { canonicalDecl, convertDecl } from "./extract-decl.js";
import { usesCTypes } from "./extract-uses.js";

/**
 * findCandidates decides which declarations are typed structs (the rule documented on
 * `extractDecls`) and returns them in naming order: root files first, in the order given,
 * then the other files in program order; declaration order within a file.
 *
 * `trial` makes a fresh context whose `nameOf` is the plain declared name; conversions run in
 * it only to learn their diagnostics and the declarations they reference.
 */
export function findCandidates(
  ts: typeof TS,
  roots: readonly TS.SourceFile[],
  programFiles: readonly TS.SourceFile[],
  trial: () => ExtractContext,
): UserDecl[] {
  const probe = trial();
  const rootDecls = roots.flatMap((file) => file.statements.filter((s): s is UserDecl => isUserDecl(ts, s)));
  const canonicalRoots = rootDecls.filter((d) => canonicalDecl(probe, d) === d);
  const accepted = new Set<UserDecl>();
  const queue: UserDecl[] = [];
  const accept = (decl: UserDecl): void => {
    const canonical = canonicalDecl(probe, decl);
    if (accepted.has(canonical)) return;
    accepted.add(canonical);
    queue.push(canonical);
  };
  // Everything a candidate references by value or through a pointer is a candidate too.
  const drain = (): void => {
    for (let decl = queue.shift(); decl !== undefined; decl = queue.shift()) {
      const ctx = trial();
      convertDecl(ctx, decl, decl.name.text);
      ctx.referenced.forEach(accept);
    }
  };
  // Rule 1: a declaration that names a C type of @typedc/runtime is a struct candidate.
  for (const decl of canonicalRoots) if (!ts.isEnumDeclaration(decl) && usesCTypes(probe, decl)) accept(decl);
  const typedFiles = new Set([...accepted].map((d) => d.getSourceFile()));
  drain();
  // Rule 3: a root declaration with a C layout and no diagnostics that refers only to
  // candidates is one as well, if one of them is not an enum or its file has a rule-1 candidate;
  // so is an enum of integer constants in such a file.
  for (let changed = true; changed; ) {
    changed = false;
    for (const decl of canonicalRoots) {
      if (accepted.has(decl) || !isCleanlyTyped(ts, decl, trial(), accepted, probe, typedFiles)) continue;
      accept(decl);
      drain();
      changed = true;
    }
  }
  return orderDecls([...accepted], roots, programFiles);
}

/**
 * isCleanlyTyped tells whether a declaration converts without diagnostics and refers only to
 * accepted declarations, at least one of them a struct or alias unless its file is a typed one.
 */
function isCleanlyTyped(
  ts: typeof TS,
  decl: UserDecl,
  ctx: ExtractContext,
  accepted: ReadonlySet<UserDecl>,
  probe: ExtractContext,
  typedFiles: ReadonlySet<TS.SourceFile>,
): boolean {
  const named = convertDecl(ctx, decl, decl.name.text);
  if (named === undefined || ctx.diagnostics.length > 0) return false;
  const inTypedFile = typedFiles.has(decl.getSourceFile());
  if (ts.isEnumDeclaration(decl)) return inTypedFile && decl.members.length > 0;
  const refersToStruct = ctx.referenced.some((r) => !ts.isEnumDeclaration(r));
  const refersToAny = ctx.referenced.length > 0;
  return (refersToStruct || (inTypedFile && refersToAny)) && ctx.referenced.every((r) => accepted.has(canonicalDecl(probe, r)));
}

/** orderDecls sorts declarations: root files in the given order, then other files in program order, then by position. */
function orderDecls(decls: UserDecl[], roots: readonly TS.SourceFile[], programFiles: readonly TS.SourceFile[]): UserDecl[] {
  const fileRank = new Map<TS.SourceFile, number>();
  roots.forEach((file, i) => fileRank.set(file, i));
  programFiles.forEach((file, i) => {
    if (!fileRank.has(file)) fileRank.set(file, roots.length + i);
  });
  const rank = (d: UserDecl): number => fileRank.get(d.getSourceFile()) ?? Number.MAX_SAFE_INTEGER;
  return decls.sort((a, b) => rank(a) - rank(b) || a.pos - b.pos);
}
