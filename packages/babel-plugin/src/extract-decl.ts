import type * as t from "@babel/types";
import { Diagnostics, type EnumMember, type NamedType } from "@typedc/core";
import { isUserDecl, type UserDecl } from "./extract-ast.js";
import type { DeclContext, ExtractContext } from "./extract-context.js";
import type { BabelProgram } from "./extract-program.js";
import { convertMembers, recordChainOf, recordOf } from "./extract-record.js";
import { report, text } from "./extract-report.js";
import type { Site } from "./extract-site.js";
import { locOf, rawTextOf } from "./extract-text.js";
import { convertType } from "./extract-type.js";
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

/** convertDecl maps one top-level declaration to a NamedType called `name`, reporting what has no C layout (the TS extractor's rules). */
export function convertDecl(outer: ExtractContext, decl: UserDecl, name: string): NamedType | undefined {
  const ctx = declContext(outer, decl);
  reportMerged(ctx, decl);
  if (decl.type === "TSEnumDeclaration") return convertEnum(ctx, decl, name);
  const typeParams = decl.typeParameters?.params ?? [];
  if (typeParams.length > 0) {
    report(ctx, Diagnostics._0_declares_type_parameters_a_typed_struct_cannot_be_generic_Declare_one_struct_per_instantiation, [name], typeParams[0]!);
  }
  const loc = locOf(ctx.scope.file.source, decl.id);
  if (decl.type === "TSInterfaceDeclaration") {
    for (const base of decl.extends ?? []) {
      report(ctx, Diagnostics.Interface_0_extends_1_extends_has_no_C_meaning_Add_a_member_base_1_instead, [name, text(ctx, base)], base);
    }
    const fields = convertMembers(ctx, decl.body.body, name);
    return { kind: "record", name, record: { kind: "struct", packed: false, fields }, loc };
  }
  const site: Site = { kind: "type", name, owner: name };
  const chain = recordChainOf(ctx, decl.typeAnnotation);
  if (chain !== undefined) {
    const record = recordOf(ctx, chain, site, name);
    return record === undefined ? undefined : { kind: "record", name, record, loc };
  }
  // `type T = S` names S again (a C typedef); `type pid_t = i32` aliases a scalar (SPEC §2).
  const target = convertType(ctx, decl.typeAnnotation, site);
  return target === undefined ? undefined : { kind: "alias", name, target, loc };
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
