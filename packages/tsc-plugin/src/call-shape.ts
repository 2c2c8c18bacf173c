/**
 * The function shape an annotation gives the calls of what it types (docs/compiler.md, "Known
 * limits"; the Babel plugin's gen-call-shape.ts, by the same rules): a function type written out,
 * a type literal with call signatures, or a type reference followed to a type alias or an
 * interface (same file, imported, re-exported). Calls through it are followed only when the
 * shape is plain: no type arguments or parameters on the way, an interface without `extends`,
 * declared once, with exactly one call signature. Otherwise a return written `__typed<T>` is
 * reported (1218 at a call, 1217 on a member), never read from a handle without fields.
 *
 * Names resolve with the extractor's resolveTypeName, limited to what the Babel plugin sees
 * without a checker: declarations of the same file (a namespace's only inside it, unless named
 * through it), and of other files only at the top of a module, or through a namespace.
 */
import type * as TS from "typescript";
import { resolveTypeName } from "./extract-resolve.js";
import { runtimeNameOf, type ProgramState } from "./program-state.js";

/** CallShape is what calls through a type return: the return type of each call signature (in the file that writes it), and whether typedc follows them. */
export interface CallShape {
  readonly returnTypes: readonly TS.TypeNode[];
  /** Exactly one signature, reached without type arguments, type parameters, `extends` or merged declarations. */
  readonly followed: boolean;
  /** The shape is written in the annotation itself (no type reference followed). */
  readonly direct: boolean;
}

/** MAX_HOPS bounds alias-of-alias chains (a cycle is a TypeScript error; it gives no shape here). */
const MAX_HOPS = 16;

/** callShapeOf is the call shape of a type, or undefined when it has no call signature typedc can see by syntax. */
export function callShapeOf(st: ProgramState, type: TS.TypeNode): CallShape | undefined {
  const { ts } = st;
  let node = unparen(ts, type);
  let followed = true;
  for (let hops = 0; hops <= MAX_HOPS; hops++) {
    const direct = hops === 0;
    if (ts.isFunctionTypeNode(node)) return { returnTypes: [node.type], followed, direct };
    if (ts.isTypeLiteralNode(node)) return signatures(ts, node.members, followed, direct);
    if (!ts.isTypeReferenceNode(node)) return undefined;
    if (node.typeArguments !== undefined) followed = false;
    const target = typeDeclsOf(st, node.typeName);
    if (target !== undefined && "constraint" in target) {
      // A type parameter: what calls of it return is only known from its constraint, and not followed.
      if (target.constraint === undefined) return undefined;
      followed = false;
      node = unparen(ts, target.constraint);
      continue;
    }
    const decls = target;
    const first = decls?.[0];
    if (first === undefined) return undefined;
    if (decls!.length > 1 || ((ts.isTypeAliasDeclaration(first) || ts.isInterfaceDeclaration(first)) && first.typeParameters !== undefined)) followed = false;
    if (ts.isTypeAliasDeclaration(first)) {
      node = unparen(ts, first.type);
      continue;
    }
    const interfaces = decls!.filter(ts.isInterfaceDeclaration);
    if (interfaces.length === 0) return undefined;
    if (interfaces.some((d) => (d.heritageClauses?.length ?? 0) > 0)) followed = false;
    return signatures(ts, interfaces.flatMap((d) => [...d.members]), followed, false);
  }
  return undefined;
}

/** signatures is the call shape of an interface's or a type literal's members (undefined without a call signature). */
function signatures(ts: typeof TS, members: readonly TS.TypeElement[], followed: boolean, direct: boolean): CallShape | undefined {
  const calls = members.filter(ts.isCallSignatureDeclaration);
  if (calls.length === 0) return undefined;
  const returnTypes = calls.map((c) => c.type).filter((r): r is TS.TypeNode => r !== undefined);
  return { returnTypes, followed: followed && calls.length === 1 && returnTypes.length === 1, direct };
}

/** unparen strips parentheses around a type node. */
export function unparen(ts: typeof TS, type: TS.TypeNode): TS.TypeNode {
  while (ts.isParenthesizedTypeNode(type)) type = type.type;
  return type;
}

/** isTypedReturn tells whether a return type is written `__typed<T>` (by the name only: T is not converted). */
export function isTypedReturn(st: ProgramState, type: TS.TypeNode): type is TS.TypeReferenceNode {
  const { ts } = st;
  return ts.isTypeReferenceNode(type) && type.typeArguments?.length === 1 && runtimeNameOf(st, type.typeName) === "__typed";
}

/** TypeDecl is a declaration a type name can stand for (TypeScript's binder: interfaces, aliases, enums, classes). */
type TypeDecl = TS.InterfaceDeclaration | TS.TypeAliasDeclaration | TS.EnumDeclaration | TS.ClassLikeDeclaration;

/** TypeParameterTarget is a type name that stands for a type parameter, with its constraint (`extends`). */
type TypeParameterTarget = { readonly constraint: TS.TypeNode | undefined };

/** typeDeclsOf is the declarations a type name stands for (merged ones together) as the Babel plugin can find them, or the type parameter it names. */
function typeDeclsOf(st: ProgramState, name: TS.EntityName): readonly TypeDecl[] | TypeParameterTarget | undefined {
  const { ts } = st;
  const target = resolveTypeName(st.ctx, name);
  if (target.kind === "typeParameter") {
    const decl = st.checker.getSymbolAtLocation(name)?.declarations?.[0];
    return decl !== undefined && ts.isTypeParameterDeclaration(decl) ? { constraint: decl.constraint } : undefined;
  }
  if (target.kind !== "decl" || !visibleBySyntax(ts, target.decl, name)) return undefined;
  const symbol = st.checker.getSymbolAtLocation(target.decl.name);
  return (symbol?.declarations ?? [target.decl]).filter((d): d is TypeDecl => ts.isInterfaceDeclaration(d) || ts.isTypeAliasDeclaration(d) || ts.isEnumDeclaration(d) || ts.isClassLike(d));
}

/**
 * visibleBySyntax tells whether the Babel plugin, without a checker, finds `decl` for `name`: in
 * the same file, where no namespace body around `decl` leaves `name` out (a qualified name reaches
 * into it); in another file, at the top of a module, or through a namespace.
 */
function visibleBySyntax(ts: typeof TS, decl: TS.Node, name: TS.EntityName): boolean {
  const file = decl.getSourceFile();
  const qualified = ts.isQualifiedName(name);
  if (file !== name.getSourceFile()) return ts.isExternalModule(file) && (decl.parent === file || qualified);
  if (qualified) return true;
  for (let n = decl.parent; n !== undefined; n = n.parent) {
    if (ts.isModuleBlock(n) && !(n.pos <= name.pos && name.end <= n.end)) return false;
  }
  return true;
}
