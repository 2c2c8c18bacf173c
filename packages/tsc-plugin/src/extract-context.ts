import type * as TS from "typescript";
import type { Diagnostic } from "@typedc/core";

/** UserDecl is a top-level declaration that can become a NamedType: an interface, a type alias or an enum. */
export type UserDecl = TS.InterfaceDeclaration | TS.TypeAliasDeclaration | TS.EnumDeclaration;

/**
 * ExtractContext is what one conversion pass shares across the extractor's modules:
 * the TypeScript module it was given, the checker, and where results go.
 */
export interface ExtractContext {
  readonly ts: typeof TS;
  readonly checker: TS.TypeChecker;
  /** Every user mistake found so far, in source order per declaration. */
  readonly diagnostics: Diagnostic[];
  /** Declarations this pass referenced by name (they become NamedTypes too). */
  readonly referenced: UserDecl[];
  /** nameOf gives the DeclSet name of a user declaration (`Name` or a qualified `Name$2`). */
  readonly nameOf: (decl: UserDecl) => string;
  /** Cache of `isRuntimeFile` answers, keyed by file name. */
  readonly runtimeFiles: Map<string, boolean>;
  /** isForeignFile tells whether a file is a default library or an external library's (not the user's code). */
  readonly isForeignFile: (file: TS.SourceFile) => boolean;
}

/** newContext makes an empty ExtractContext for one pass. */
export function newContext(
  ts: typeof TS,
  checker: TS.TypeChecker,
  nameOf: (decl: UserDecl) => string,
  runtimeFiles: Map<string, boolean>,
  isForeignFile: (file: TS.SourceFile) => boolean,
): ExtractContext {
  const diagnostics: Diagnostic[] = [];
  return { ts, checker, diagnostics, referenced: [], nameOf, runtimeFiles, isForeignFile };
}

/** isUserDecl tells whether a node is an interface, type alias or enum declaration. */
export function isUserDecl(ts: typeof TS, node: TS.Node): node is UserDecl {
  return ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node) || ts.isEnumDeclaration(node);
}
