import type * as t from "@babel/types";
import { convertTypeDecl, Diagnostics, type EnumMember, type NamedType, type TypeDeclSyntax } from "@typedc/core";
import { isUserDecl, type UserDecl } from "./extract-ast.js";
import type { DeclContext, ExtractContext } from "./extract-context.js";
import type { BabelProgram } from "./extract-program.js";
import { report, text } from "./extract-report.js";
import { locOf, rawTextOf } from "./extract-text.js";
import { BabelTypeSyntax } from "./extract-type.js";
import { typeParametersOf } from "./extract-uses.js";

/** canonicalDecl is the declaration that stands for a (possibly merged) symbol: its first interface, alias or enum. */
export function canonicalDecl(program: BabelProgram, decl: UserDecl): UserDecl {
  const symbol = program.fileOf(decl).symbolOf.get(decl);
  return symbol?.decls.find(isUserDecl) ?? decl;
}

/** declContext is a context whose names resolve in a declaration's module and type parameters. */
export function declContext(ctx: ExtractContext, decl: UserDecl): DeclContext {
  return { ...ctx, scope: { file: ctx.program.fileOf(decl), typeParameters: typeParametersOf(decl) } };
}

/**
 * convertDecl maps one top-level declaration to a NamedType called `name`, reporting what has no C
 * layout: enums here (their values come from the enum evaluator), interfaces and aliases by core's rules.
 */
export function convertDecl(outer: ExtractContext, decl: UserDecl, name: string): NamedType | undefined {
  const ctx = declContext(outer, decl);
  reportMerged(ctx, decl);
  if (decl.type === "TSEnumDeclaration") return convertEnum(ctx, decl, name);
  return convertTypeDecl(new BabelTypeSyntax(ctx), typeDeclSyntaxOf(decl), name);
}

/** typeDeclSyntaxOf is an interface or type alias as core's conversion rules see it. */
function typeDeclSyntaxOf(decl: t.TSInterfaceDeclaration | t.TSTypeAliasDeclaration): TypeDeclSyntax<t.Node> {
  const firstTypeParameter = decl.typeParameters?.params[0];
  if (decl.type === "TSInterfaceDeclaration") {
    return { kind: "interface", nameNode: decl.id, firstTypeParameter, bases: decl.extends ?? [], members: decl.body.body };
  }
  return { kind: "alias", nameNode: decl.id, firstTypeParameter, type: decl.typeAnnotation };
}

/** reportMerged reports 1021 at every later declaration merged into the same symbol (interface merging, enum merging). */
function reportMerged(ctx: DeclContext, decl: UserDecl): void {
  const symbol = ctx.scope.file.symbolOf.get(decl);
  const decls = (symbol?.decls ?? []).filter(isUserDecl);
  for (const later of decls.slice(1)) {
    report(ctx, Diagnostics._0_is_declared_more_than_once_a_typed_struct_or_enum_must_have_a_single_declaration, [decl.id.name], later.id);
  }
}

/** convertEnum maps a TS enum to a C enum; every member needs an integer constant value (computed as TypeScript's checker does). */
function convertEnum(ctx: DeclContext, decl: t.TSEnumDeclaration, name: string): NamedType {
  const members: EnumMember[] = [];
  const values = ctx.enums.valuesOf(decl, ctx.scope.file);
  decl.members.forEach((member, i) => {
    const memberName = rawTextOf(ctx.scope.file.source, member.id).replace(/^["']|["']$/g, "");
    const value = values[i];
    if (typeof value === "number" && Number.isSafeInteger(value)) {
      members.push({ name: memberName, value });
    } else {
      const shown = value === undefined ? text(ctx, member.initializer ?? member.id) : String(value);
      report(ctx, Diagnostics.Enum_member_0_has_value_1_a_C_enum_needs_an_integer_constant_such_as_0_1, [memberName, shown], member);
    }
  });
  return { kind: "enum", name, members, loc: locOf(ctx.scope.file.source, decl.id) };
}
