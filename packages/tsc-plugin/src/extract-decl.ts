import type * as TS from "typescript";
import { convertTypeDecl, Diagnostics, type EnumMember, type NamedType, type TypeDeclSyntax } from "@typedc/core";
import { isUserDecl, type ExtractContext, type UserDecl } from "./extract-context.js";
import { locOf, textOf } from "./extract-loc.js";
import { report } from "./extract-report.js";
import { TsTypeSyntax } from "./extract-type.js";

/** canonicalDecl is the declaration that stands for a (possibly merged) symbol: its first interface, alias or enum. */
export function canonicalDecl(ctx: ExtractContext, decl: UserDecl): UserDecl {
  const symbol = ctx.checker.getSymbolAtLocation(decl.name);
  const first = symbol?.declarations?.find((d) => isUserDecl(ctx.ts, d));
  return first !== undefined && isUserDecl(ctx.ts, first) ? first : decl;
}

/**
 * convertDecl maps one top-level declaration to a NamedType called `name`, reporting what has no C
 * layout: enums here (their values come from the checker), interfaces and aliases by core's rules.
 */
export function convertDecl(ctx: ExtractContext, decl: UserDecl, name: string): NamedType | undefined {
  const { ts } = ctx;
  reportMerged(ctx, decl);
  if (ts.isEnumDeclaration(decl)) return convertEnum(ctx, decl, name);
  return convertTypeDecl(new TsTypeSyntax(ctx), typeDeclSyntaxOf(ts, decl), name);
}

/** typeDeclSyntaxOf is an interface or type alias as core's conversion rules see it. */
function typeDeclSyntaxOf(ts: typeof TS, decl: TS.InterfaceDeclaration | TS.TypeAliasDeclaration): TypeDeclSyntax<TS.Node> {
  const firstTypeParameter = decl.typeParameters?.[0];
  if (ts.isInterfaceDeclaration(decl)) {
    const bases = (decl.heritageClauses ?? []).flatMap((clause) => clause.types);
    return { kind: "interface", nameNode: decl.name, firstTypeParameter, bases, members: decl.members };
  }
  return { kind: "alias", nameNode: decl.name, firstTypeParameter, type: decl.type };
}

/** reportMerged reports 1021 at every later declaration merged into the same symbol (interface merging, enum merging). */
function reportMerged(ctx: ExtractContext, decl: UserDecl): void {
  const symbol = ctx.checker.getSymbolAtLocation(decl.name);
  const decls = (symbol?.declarations ?? []).filter((d) => isUserDecl(ctx.ts, d)) as UserDecl[];
  for (const later of decls.slice(1)) {
    report(ctx, Diagnostics._0_is_declared_more_than_once_a_typed_struct_or_enum_must_have_a_single_declaration, [decl.name.text], later.name);
  }
}

/** convertEnum maps a TS enum to a C enum; every member needs an integer constant value (computed by the checker). */
function convertEnum(ctx: ExtractContext, decl: TS.EnumDeclaration, name: string): NamedType {
  const members: EnumMember[] = [];
  for (const member of decl.members) {
    const memberName = textOf(member.name).replace(/^["']|["']$/g, "");
    const value = ctx.checker.getConstantValue(member);
    if (typeof value === "number" && Number.isSafeInteger(value)) {
      members.push({ name: memberName, value });
    } else {
      const shown = value === undefined ? textOf(member.initializer ?? member.name) : String(value);
      report(ctx, Diagnostics.Enum_member_0_has_value_1_a_C_enum_needs_an_integer_constant_such_as_0_1, [memberName, shown], member);
    }
  }
  return { kind: "enum", name, members, loc: locOf(decl.name) };
}
