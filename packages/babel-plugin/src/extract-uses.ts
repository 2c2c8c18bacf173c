import { VISITOR_KEYS } from "@babel/types";
import type * as t from "@babel/types";
import type { UserDecl } from "./extract-ast.js";
import type { DeclContext, ExtractContext } from "./extract-context.js";
import type { ModuleFile } from "./extract-module.js";
import { resolveTypeName } from "./extract-resolve.js";

/** SIGNATURES are the node types whose parameter and result types have no layout (the TS extractor's `isSignature`). */
const SIGNATURES: ReadonlySet<string> = new Set([
  "TSFunctionType",
  "TSConstructorType",
  "TSCallSignatureDeclaration",
  "TSConstructSignatureDeclaration",
  "TSIndexSignature",
  "TSTypeQuery",
]);

/** isSignature tells whether a node is a function-like type or member (a method signature, not a get/set accessor). */
function isSignature(node: t.Node): boolean {
  return SIGNATURES.has(node.type) || (node.type === "TSMethodSignature" && node.kind === "method");
}

/** typeParametersOf is the names of a declaration's type parameters. */
export function typeParametersOf(decl: UserDecl): ReadonlySet<string> {
  if (decl.type === "TSEnumDeclaration" || decl.typeParameters == null) return new Set();
  return new Set(decl.typeParameters.params.map((p) => p.name));
}

/**
 * usesCTypes tells whether a declaration names a C type of `@typedc/runtime` where it would
 * take part in a layout: `__typed<...>` (a binding's annotation) and function types, methods and
 * signatures (`type Cb = (x: i32) => void` is plain TypeScript) do not count.
 */
export function usesCTypes(ctx: ExtractContext, decl: UserDecl, file: ModuleFile): boolean {
  const inner: DeclContext = { ...ctx, diagnostics: [], referenced: [], scope: { file, typeParameters: typeParametersOf(decl) } };
  const visit = (node: t.Node): boolean => {
    if (isSignature(node)) return false;
    if (node.type === "TSTypeReference") {
      const target = resolveTypeName(inner, node.typeName);
      if (target.kind === "runtime") return target.name !== "__typed";
    }
    return someChild(node, visit);
  };
  return someChild(decl, visit);
}

/** someChild tells whether `test` holds for any direct child node (Babel's visitor keys). */
function someChild(node: t.Node, test: (child: t.Node) => boolean): boolean {
  for (const key of VISITOR_KEYS[node.type] ?? []) {
    const value = (node as unknown as Record<string, unknown>)[key];
    const children = Array.isArray(value) ? value : [value];
    for (const child of children) {
      if (child !== null && typeof child === "object" && typeof (child as t.Node).type === "string" && test(child as t.Node)) return true;
    }
  }
  return false;
}
