import type * as TS from "typescript";
import type { ExtractContext } from "./extract-context.js";
import { resolveTypeName } from "./extract-resolve.js";

/**
 * usesCTypes tells whether a declaration names a C type of `@typedc/runtime` anywhere in its body
 * (`__typed<...>` and what it wraps do not count: a binding's annotation is not a field layout).
 */
export function usesCTypes(ctx: ExtractContext, decl: TS.Node): boolean {
  const { ts } = ctx;
  const visit = (node: TS.Node): boolean => {
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
