import type { Diagnostic } from "@typedc/core";
import type { UserDecl } from "./extract-ast.js";
import type { EnumEvaluator } from "./extract-enum.js";
import type { ModuleFile } from "./extract-module.js";
import type { BabelProgram } from "./extract-program.js";

/** Scope is where a declaration's type names are looked up: its module and its type parameters. */
export interface Scope {
  readonly file: ModuleFile;
  readonly typeParameters: ReadonlySet<string>;
}

/**
 * ExtractContext is what one conversion pass shares across the extractor's modules (the Babel
 * counterpart of the TS extractor's context): the modules, and where results go.
 */
export interface ExtractContext {
  readonly program: BabelProgram;
  /** Enum member values, computed once per extraction. */
  readonly enums: EnumEvaluator;
  /** Every user mistake found so far, in source order per declaration. */
  readonly diagnostics: Diagnostic[];
  /** Declarations this pass referenced by name (they become NamedTypes too). */
  readonly referenced: UserDecl[];
  /** nameOf gives the DeclSet name of a user declaration (`Name` or a qualified `Name$2`). */
  readonly nameOf: (decl: UserDecl) => string;
}

/** DeclContext is an ExtractContext while one declaration is converted: names resolve in its scope. */
export interface DeclContext extends ExtractContext {
  readonly scope: Scope;
}

/** newContext makes an empty ExtractContext for one pass. */
export function newContext(program: BabelProgram, enums: EnumEvaluator, nameOf: (decl: UserDecl) => string): ExtractContext {
  return { program, enums, diagnostics: [], referenced: [], nameOf };
}
