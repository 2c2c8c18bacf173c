/**
 * The function shape an annotation gives the calls of what it types (the tsc plugin's
 * call-shape.ts; docs/compiler.md, "Known limits"): a function type written out, a type literal
 * with call signatures, or a type reference followed to a type alias or an interface (same file,
 * imported, re-exported). Calls through it are followed only when the shape is plain: no type
 * arguments or parameters on the way, an interface without `extends`, declared once, with exactly
 * one call signature. Otherwise a return written `__typed<T>` is reported (1218 at a call, 1217 on
 * a member), never read from a handle without fields.
 */
import type * as t from "@babel/types";
import { annotatedType, unparen, unwrapExport, type TypeDecl } from "./extract-ast.js";
import { resolveTypeName } from "./extract-resolve.js";
import { fileOfNode, parentOf, runtimeNameOf, sourceOfModule, type GenState } from "./gen-state.js";

/** CallShape is what calls through a type return: the return type of each call signature (in the file that writes it), and whether typedc follows them. */
export interface CallShape {
  readonly returnTypes: readonly t.TSType[];
  /** Exactly one signature, reached without type arguments, type parameters, `extends` or merged declarations. */
  readonly followed: boolean;
  /** The shape is written in the annotation itself (no type reference followed). */
  readonly direct: boolean;
}

/** MAX_HOPS bounds alias-of-alias chains (a cycle is a TypeScript error; it gives no shape here). */
const MAX_HOPS = 16;

/** callShapeOf is the call shape of a type, or undefined when it has no call signature typedc can see by syntax. */
export function callShapeOf(st: GenState, type: t.TSType): CallShape | undefined {
  let node = unparen(type);
  let followed = true;
  for (let hops = 0; hops <= MAX_HOPS; hops++) {
    const direct = hops === 0;
    if (node.type === "TSFunctionType") {
      const ret = annotatedType(node.typeAnnotation);
      return ret === undefined ? undefined : { returnTypes: [ret], followed, direct };
    }
    if (node.type === "TSTypeLiteral") return signatures(node.members, followed, direct);
    if (node.type !== "TSTypeReference") return undefined;
    if (node.typeParameters != null) followed = false;
    const target = typeDeclsOf(st, node.typeName);
    if (target !== undefined && "constraint" in target) {
      // A type parameter: what calls of it return is only known from its constraint, and not followed.
      if (target.constraint == null) return undefined;
      followed = false;
      node = unparen(target.constraint);
      continue;
    }
    const decls = target;
    const first = decls?.[0];
    if (first === undefined) return undefined;
    if (decls!.length > 1 || (first.type !== "ClassDeclaration" && first.type !== "TSEnumDeclaration" && first.typeParameters != null)) followed = false;
    if (first.type === "TSTypeAliasDeclaration") {
      node = unparen(first.typeAnnotation);
      continue;
    }
    const interfaces = decls!.filter((d): d is t.TSInterfaceDeclaration => d.type === "TSInterfaceDeclaration");
    if (interfaces.length === 0) return undefined;
    if (interfaces.some((d) => (d.extends?.length ?? 0) > 0)) followed = false;
    return signatures(interfaces.flatMap((d) => d.body.body), followed, false);
  }
  return undefined;
}

/** signatures is the call shape of an interface's or a type literal's members (undefined without a call signature). */
function signatures(members: readonly t.TSTypeElement[], followed: boolean, direct: boolean): CallShape | undefined {
  const calls = members.filter((m): m is t.TSCallSignatureDeclaration => m.type === "TSCallSignatureDeclaration");
  if (calls.length === 0) return undefined;
  const returnTypes = calls.map((c) => annotatedType(c.typeAnnotation)).filter((r): r is t.TSType => r !== undefined);
  return { returnTypes, followed: followed && calls.length === 1 && returnTypes.length === 1, direct };
}

/** isTypedReturn tells whether a return type is written `__typed<T>` (by the name only: T is not converted). */
export function isTypedReturn(st: GenState, type: t.TSType): type is t.TSTypeReference {
  return type.type === "TSTypeReference" && type.typeParameters?.params.length === 1 && runtimeNameOf(st, type.typeName) === "__typed";
}

/** TypeParameterTarget is a type name that stands for a type parameter, with its constraint (`extends`). */
type TypeParameterTarget = { readonly constraint: t.TSType | null | undefined };

/**
 * typeDeclsOf is the declarations a type name stands for where it is written: a type parameter
 * of an enclosing declaration (with its constraint); a type declared in an enclosing block or namespace body comes first (TypeScript's
 * block scoping), then the module's own declarations and its imports (the extractor's
 * resolveTypeName, in the module of the name). The file that declares them is read, so the
 * names in them resolve in their own module.
 */
function typeDeclsOf(st: GenState, name: t.Identifier | t.TSQualifiedName): readonly TypeDecl[] | TypeParameterTarget | undefined {
  if (name.type === "Identifier") {
    const local = localTypeDecls(st, name);
    if (local !== "module") return local;
  }
  const file = fileOfNode(st, name);
  const ctx = file === st.file || file.module === undefined ? st.ctx : { ...st.ctx, scope: { file: file.module, typeParameters: new Set<string>() } };
  const target = resolveTypeName(ctx, name);
  if (target.kind !== "decl") return undefined;
  sourceOfModule(st, target.file.root);
  return target.file.symbolOf.get(target.decl)?.decls;
}

/** localTypeDecls looks a type name up in the declarations around it: a type parameter, the type declarations of a block, or "module" when none holds it. */
function localTypeDecls(st: GenState, name: t.Identifier): readonly TypeDecl[] | TypeParameterTarget | "module" {
  for (let n = parentOf(st, name); n !== undefined && n.type !== "Program"; n = parentOf(st, n)) {
    const params = (n as { typeParameters?: t.Node | null }).typeParameters;
    const param = params?.type === "TSTypeParameterDeclaration" ? params.params.find((p) => p.name === name.name) : undefined;
    if (param !== undefined) return { constraint: param.constraint };
    const body = n.type === "BlockStatement" || n.type === "TSModuleBlock" || n.type === "StaticBlock" ? n.body : undefined;
    const found = body?.map(unwrapExport).filter((s): s is TypeDecl => isTypeDecl(s) && s.id?.name === name.name);
    if (found !== undefined && found.length > 0) return found;
  }
  return "module";
}

/** isTypeDecl tells whether a statement declares a type (interface, alias, enum, class). */
function isTypeDecl(s: t.Node): s is TypeDecl {
  return s.type === "TSInterfaceDeclaration" || s.type === "TSTypeAliasDeclaration" || s.type === "TSEnumDeclaration" || s.type === "ClassDeclaration";
}
