/**
 * core/extract: the rules that turn `__typed` declarations' annotation syntax into C types
 * (SPEC §2), written once over the TypeSyntax adapter that each front-end implements on its own
 * tree (tsc-plugin: TypeScript's, babel-plugin: Babel's). No ABI facts or layout here.
 */
export type { TypeSyntax, TypeNodeKind, MemberSyntax, ReferenceTarget, RuntimeTypeName, GenericTypeName } from "./syntax.js";
export { GENERIC_TYPE_NAMES, isCIdentifier } from "./syntax.js";
export type { Site } from "./site.js";
export { convertType as convertTypeSyntax } from "./type.js";
export { convertTypeDecl, type TypeDeclSyntax } from "./decl.js";
