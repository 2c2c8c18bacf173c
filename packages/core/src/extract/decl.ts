import { Diagnostics } from "../diagnostics/messages.generated.js";
import type { NamedType } from "../ir/ctype.js";
import { convertMembers, recordChainOf, recordOfChain } from "./record.js";
import type { Site } from "./site.js";
import type { TypeSyntax } from "./syntax.js";
import { convertType } from "./type.js";

/**
 * TypeDeclSyntax is an interface or type alias declaration as the conversion rules see it. Enums
 * are not here: their member values come from each front-end's own evaluator, so each converts them.
 */
export type TypeDeclSyntax<N> = {
  /** The declared name, where the NamedType is located. */
  readonly nameNode: N;
  /** The first of the declaration's type parameters, if it has any (a typed struct cannot be generic). */
  readonly firstTypeParameter: N | undefined;
} & (
  | { readonly kind: "interface"; readonly bases: readonly N[]; readonly members: readonly N[] }
  | { readonly kind: "alias"; readonly type: N }
);

/** convertTypeDecl maps an interface or type alias to a NamedType called `name`, reporting what has no C layout. */
export function convertTypeDecl<N>(syntax: TypeSyntax<N>, decl: TypeDeclSyntax<N>, name: string): NamedType | undefined {
  if (decl.firstTypeParameter !== undefined) {
    syntax.report(Diagnostics._0_declares_type_parameters_a_typed_struct_cannot_be_generic_Declare_one_struct_per_instantiation, [name], decl.firstTypeParameter);
  }
  const loc = syntax.locOf(decl.nameNode);
  if (decl.kind === "interface") {
    for (const base of decl.bases) {
      syntax.report(Diagnostics.Interface_0_extends_1_extends_has_no_C_meaning_Add_a_member_base_1_instead, [name, syntax.textOf(base)], base);
    }
    const fields = convertMembers(syntax, decl.members, name);
    return { kind: "record", name, record: { kind: "struct", packed: false, fields }, loc };
  }
  const site: Site = { kind: "type", name, owner: name };
  const chain = recordChainOf(syntax, decl.type);
  if (chain !== undefined) {
    const record = recordOfChain(syntax, chain, site, name);
    return record === undefined ? undefined : { kind: "record", name, record, loc };
  }
  // `type T = S` names S again (a C typedef); `type pid_t = i32` aliases a scalar (SPEC §2).
  const target = convertType(syntax, decl.type, site);
  return target === undefined ? undefined : { kind: "alias", name, target, loc };
}
