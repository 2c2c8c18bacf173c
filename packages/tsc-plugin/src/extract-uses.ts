import type * as TS from "typescript";
import type { ExtractContext } from "./extract-context.js";
import { resolveTypeName } from "./extract-resolve.js";

/**
 * usesCTypes tells whether a declaration names a C type of `@typedc/runtime` where it would
 * take part in a layout: `__typed<...>` (a binding's annotation) and function types, methods and
 * signatures (`type Cb = (x: i32) => void` is plain TypeScript) do not count.
 */
export function usesCTypes(ctx: ExtractContext, decl: TS.Node): boolean {
  const { ts } = ctx;
  const visit = (node: TS.Node): boolean => {
    if (isSignature(ts, node)) return false;
    if (ts.isTypeReferenceNode(node)) {
      const target = resolveTypeName(ctx, node.typeName);
      if (target.kind === "runtime") {
        if (target.name === "__typed") return false;
        return true;
      }
    }
    return ts.forEachChild(node, visit) ?? false;
  };
  return ts.forEachChild(decl, visit) ?? false;
}

/** isSignature tells whether a node is a function-like type or member, whose parameter types have no layout. */
function isSignature(ts: typeof TS, node: TS.Node): boolean {
  return (
    ts.isFunctionTypeNode(node) ||
    ts.isConstructorTypeNode(node) ||
    ts.isMethodSignature(node) ||
    ts.isCallSignatureDeclaration(node) ||
    ts.isConstructSignatureDeclaration(node) ||
    ts.isIndexSignatureDeclaration(node) ||
    ts.isTypeQueryNode(node)
  );
}
