import { topLevelUserDecls, type UserDecl } from "./extract-ast.js";
import type { ExtractContext } from "./extract-context.js";
import { canonicalDecl, convertDecl } from "./extract-decl.js";
import type { ModuleFile } from "./extract-module.js";
import type { BabelProgram } from "./extract-program.js";
import { usesCTypes } from "./extract-uses.js";

/**
 * findCandidates decides which declarations are typed structs — the TS extractor's rule
 * (documented on its `extractDecls`), step for step — and returns them in naming order: root files
 * first, in the order given, then the other files in program order; declaration order within a file.
 *
 * `trial` makes a fresh context whose `nameOf` is the plain declared name; conversions run in
 * it only to learn their diagnostics and the declarations they reference.
 */
export function findCandidates(program: BabelProgram, roots: readonly ModuleFile[], trial: () => ExtractContext): UserDecl[] {
  const rootDecls = roots.flatMap((file) => topLevelUserDecls(file.program));
  const canonicalRoots = rootDecls.filter((d) => canonicalDecl(program, d) === d);
  const accepted = new Set<UserDecl>();
  const queue: UserDecl[] = [];
  const accept = (decl: UserDecl): void => {
    const canonical = canonicalDecl(program, decl);
    if (accepted.has(canonical)) return;
    accepted.add(canonical);
    queue.push(canonical);
  };
  // Everything a candidate references by value or through a pointer is a candidate too.
  const drain = (): void => {
    for (let decl = queue.shift(); decl !== undefined; decl = queue.shift()) {
      const ctx = trial();
      convertDecl(ctx, decl, decl.id.name);
      ctx.referenced.forEach(accept);
    }
  };
  // Rule 1: a declaration that names a C type of @typedc/runtime is a struct candidate.
  const probe = trial();
  for (const decl of canonicalRoots) {
    if (decl.type !== "TSEnumDeclaration" && usesCTypes(probe, decl, program.fileOf(decl))) accept(decl);
  }
  const typedFiles = new Set([...accepted].map((d) => program.fileOf(d).root));
  drain();
  // Rule 3: a root declaration with a C layout and no diagnostics that refers only to
  // candidates is one as well, if one of them is not an enum or its file has a rule-1 candidate;
  // so is an enum of integer constants in such a file.
  for (let changed = true; changed; ) {
    changed = false;
    for (const decl of canonicalRoots) {
      if (accepted.has(decl) || !isCleanlyTyped(program, decl, trial(), accepted, typedFiles)) continue;
      accept(decl);
      drain();
      changed = true;
    }
  }
  return orderDecls(program, [...accepted], roots);
}

/**
 * isCleanlyTyped tells whether a declaration converts without diagnostics and refers only to
 * accepted declarations, at least one of them a struct or alias unless its file is a typed one.
 */
function isCleanlyTyped(
  program: BabelProgram,
  decl: UserDecl,
  ctx: ExtractContext,
  accepted: ReadonlySet<UserDecl>,
  typedFiles: ReadonlySet<ModuleFile>,
): boolean {
  const named = convertDecl(ctx, decl, decl.id.name);
  if (named === undefined || ctx.diagnostics.length > 0) return false;
  const inTypedFile = typedFiles.has(program.fileOf(decl).root);
  if (decl.type === "TSEnumDeclaration") return inTypedFile && decl.members.length > 0;
  const refersToStruct = ctx.referenced.some((r) => r.type !== "TSEnumDeclaration");
  const refersToAny = ctx.referenced.length > 0;
  return (refersToStruct || (inTypedFile && refersToAny)) && ctx.referenced.every((r) => accepted.has(canonicalDecl(program, r)));
}

/** orderDecls sorts declarations: root files in the given order, then other files in program order, then by position. */
function orderDecls(program: BabelProgram, decls: UserDecl[], roots: readonly ModuleFile[]): UserDecl[] {
  const fileRank = new Map<ModuleFile, number>();
  roots.forEach((file, i) => fileRank.set(file, i));
  program.files.forEach((file, i) => {
    if (!fileRank.has(file)) fileRank.set(file, roots.length + i);
  });
  const rank = (d: UserDecl): number => fileRank.get(program.fileOf(d).root) ?? Number.MAX_SAFE_INTEGER;
  return decls.sort((a, b) => rank(a) - rank(b) || a.start! - b.start!);
}
