import type * as t from "@babel/types";

/** UserDecl is a top-level declaration that can become a NamedType: an interface, a type alias or an enum. */
export type UserDecl = t.TSInterfaceDeclaration | t.TSTypeAliasDeclaration | t.TSEnumDeclaration;

/** TypeDecl is a declaration with a type meaning that a name can resolve to (TypeScript's binder: interfaces, aliases, enums, classes). */
export type TypeDecl = UserDecl | t.ClassDeclaration;

/** isUserDecl tells whether a node is an interface, type alias or enum declaration. */
export function isUserDecl(node: t.Node): node is UserDecl {
  return node.type === "TSInterfaceDeclaration" || node.type === "TSTypeAliasDeclaration" || node.type === "TSEnumDeclaration";
}

/** unwrapExport is the declaration inside `export …` / `export default …`, or the statement itself. */
export function unwrapExport(statement: t.Statement): t.Node {
  if ((statement.type === "ExportNamedDeclaration" || statement.type === "ExportDefaultDeclaration") && statement.declaration) {
    return statement.declaration;
  }
  return statement;
}

/** topLevelUserDecls lists a file's top-level interfaces, aliases and enums (exported or not), as TypeScript's `file.statements` holds them. */
export function topLevelUserDecls(program: t.Program): UserDecl[] {
  return program.body.map(unwrapExport).filter(isUserDecl);
}

/** unparen strips parentheses around a type node (`TSParenthesizedType`). */
export function unparen(node: t.TSType): t.TSType {
  let inner = node;
  while (inner.type === "TSParenthesizedType") inner = inner.typeAnnotation;
  return inner;
}

/** annotatedType is the type of a type annotation (Babel wraps it in a TSTypeAnnotation; Flow's are not ours), or undefined. */
export function annotatedType(annotation: t.Node | null | undefined): t.TSType | undefined {
  return annotation?.type === "TSTypeAnnotation" ? (annotation as t.TSTypeAnnotation).typeAnnotation : undefined;
}

/** typeArgsOf is the type arguments of a type reference (`[u8, 16]` in `array<u8, 16>`), or undefined when it has none. */
export function typeArgsOf(node: t.TSTypeReference): readonly t.TSType[] | undefined {
  return node.typeParameters?.params;
}

/** declName is the declared name of a user declaration. */
export function declName(decl: UserDecl): string {
  return decl.id.name;
}
