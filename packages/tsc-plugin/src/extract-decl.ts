import type * as TS from "typescript";
import { Diagnostics, type EnumMember, type NamedType } from "@typedc/core";
import { isUserDecl, type ExtractContext, type UserDecl } from "./extract-context.js";
import { locOf, textOf } from "./extract-loc.js";
import { convertMembers, recordChainOf, recordOf } from "./extract-record.js";
import { report } from "./extract-report.js";
import type { Site } from "./extract-site.js";
import { convertType } from "./extract-type.js";

/** canonicalDecl is the declaration that stands for a (possibly merged) symbol: its first interface, alias or enum. */
export function canonicalDecl(ctx: ExtractContext, decl: UserDecl): UserDecl {
  const symbol = ctx.checker.getSymbolAtLocation(decl.name);
  const first = symbol?.declarations?.find((d) => isUserDecl(ctx.ts, d));
  return first !== undefined && isUserDecl(ctx.ts, first) ? first : decl;
}

/** convertDecl maps one top-level declaration to a NamedType called `name`, reporting what has no C layout. */
export function convertDecl(ctx: ExtractContext, decl: UserDecl, name: string): NamedType | undefined {
  const { ts } = ctx;
  reportMerged(ctx, decl);
  if (ts.isEnumDeclaration(decl)) return convertEnum(ctx, decl, name);
  if (decl.typeParameters !== undefined && decl.typeParameters.length > 0) {
    report(ctx, Diagnostics._0_declares_type_parameters_a_typed_struct_cannot_be_generic_Declare_one_struct_per_instantiation, [name], decl.typeParameters[0]!);
  }
  const loc = locOf(decl.name);
  if (ts.isInterfaceDeclaration(decl)) {
    for (const clause of decl.heritageClauses ?? []) {
      for (const base of clause.types) {
        report(ctx, Diagnostics.Interface_0_extends_1_extends_has_no_C_meaning_Add_a_member_base_1_instead, [name, textOf(base)], base);
      }
    }
    const fields = convertMembers(ctx, decl.members, name);
    return { kind: "record", name, record: { kind: "struct", packed: false, fields }, loc };
  }
  const site: Site = { kind: "type", name, owner: name };
  const chain = recordChainOf(ctx, decl.type);
  if (chain !== undefined) {
    const record = recordOf(ctx, chain, site, name);
    return record === undefined ? undefined : { kind: "record", name, record, loc };
  }
  // `type T = S` names S again (a C typedef); `type pid_t = i32` aliases a scalar (SPEC §2).
  const target = convertType(ctx, decl.type, site);
  return target === undefined ? undefined : { kind: "alias", name, target, loc };
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
