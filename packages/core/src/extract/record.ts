import { Diagnostics } from "../diagnostics/messages.generated.js";
import type { CType, Field, RecordType } from "../ir/ctype.js";
import { recordOwnerOf, type Site } from "./site.js";
import { unparen, type TypeSyntax } from "./syntax.js";
import { alignmentOf, bitWidthOf, convertType, hasArity, runtimeGenericOf } from "./type.js";

/**
 * RecordChain is an object type literal with the record attributes wrapped directly around it
 * (SPEC §2): `packed<{...}>`, `aligned<{...}, N>`, `union<{...}>`, in any nesting order.
 */
export interface RecordChain<N> {
  readonly literal: N;
  readonly union: boolean;
  readonly packed: boolean;
  /** The N argument of every `aligned` in the chain (several: the largest wins, as in C). */
  readonly alignNodes: readonly N[];
}

/** recordChainOf reads the record attributes around an object type literal, or undefined when the node is not one. */
export function recordChainOf<N>(syntax: TypeSyntax<N>, node: N): RecordChain<N> | undefined {
  let union = false;
  let packed = false;
  const alignNodes: N[] = [];
  let current = unparen(syntax, node);
  for (;;) {
    const kind = syntax.kindOf(current);
    if (kind === "object") return { literal: current, union, packed, alignNodes };
    if (kind !== "reference") return undefined;
    const name = syntax.runtimeNameOf(current);
    const args = syntax.typeArgumentsOf(current) ?? [];
    if (name === "union" && args.length === 1) union = true;
    else if (name === "packed" && args.length === 1) packed = true;
    else if (name === "aligned" && args.length === 2) alignNodes.push(args[1]!);
    else return undefined;
    current = unparen(syntax, args[0]!);
  }
}

/** convertRecordChain maps a record chain to an inline `{ kind: "record" }` CType. */
export function convertRecordChain<N>(syntax: TypeSyntax<N>, chain: RecordChain<N>, site: Site): CType | undefined {
  const record = recordOfChain(syntax, chain, site, recordOwnerOf(site));
  return record === undefined ? undefined : { kind: "record", record };
}

/** recordOfChain maps a record chain to a RecordType whose fields belong to `owner` (for messages). */
export function recordOfChain<N>(syntax: TypeSyntax<N>, chain: RecordChain<N>, site: Site, owner: string): RecordType | undefined {
  const aligns = chain.alignNodes.map((n) => alignmentOf(syntax, n, site));
  const fields = convertMembers(syntax, syntax.membersOf(chain.literal), owner);
  if (aligns.some((a) => a === undefined)) return undefined;
  const byteAlign = aligns.length === 0 ? undefined : Math.max(...(aligns as number[]));
  return {
    kind: chain.union ? "union" : "struct",
    packed: chain.packed,
    ...(byteAlign !== undefined ? { byteAlign } : {}),
    fields,
  };
}

/** convertMembers maps the members of an interface or object literal to Fields, reporting members with no C layout. */
export function convertMembers<N>(syntax: TypeSyntax<N>, members: readonly N[], owner: string): Field[] {
  const fields: Field[] = [];
  for (const member of members) {
    const field = convertMember(syntax, member, owner);
    if (field !== undefined) fields.push(field);
  }
  return fields;
}

/** convertMember maps one member to a Field (with its member attributes), or undefined after reporting. */
function convertMember<N>(syntax: TypeSyntax<N>, member: N, owner: string): Field | undefined {
  const view = syntax.memberOf(member);
  switch (view.kind) {
    case "method":
      syntax.report(Diagnostics._0_is_a_method_a_typed_struct_holds_data_only_Use_ptr_void_for_a_function_pointer, [view.nameText], member);
      return undefined;
    case "indexSignature":
      syntax.report(Diagnostics.Index_signature_in_0_a_typed_struct_has_a_fixed_set_of_fields_Declare_each_field_or_use_array_T_N, [owner], member);
      return undefined;
    case "callSignature":
      syntax.report(Diagnostics._0_has_a_call_or_construct_signature_a_typed_struct_holds_data_only_Use_a_field_of_type_ptr_void_for_a_function_pointer, [owner], member);
      return undefined;
    case "badName":
      syntax.report(Diagnostics.A_field_of_0_has_a_computed_or_non_identifier_name_a_C_member_needs_a_plain_name_such_as_len_u32, [owner], view.nameNode);
      return undefined;
    case "property":
      break;
  }
  const { name } = view;
  if (view.optional) {
    syntax.report(Diagnostics.Field_0_is_optional_a_field_of_a_typed_struct_always_exists_in_memory_Remove_the, [name], member);
  }
  if (view.type === undefined) {
    syntax.report(Diagnostics.Field_0_has_no_type_annotation_Write_its_C_type_such_as_0_i32, [name], member);
    return undefined;
  }
  const site: Site = { kind: "field", name, owner };
  const converted = convertFieldType(syntax, view.type, site);
  if (converted === undefined) return undefined;
  return { name, ...converted, loc: syntax.locOf(member) };
}

/** FieldType is a field's CType with its member attributes. */
type FieldType = { type: CType; memberAlign?: number; memberPacked?: boolean };

/**
 * convertFieldType maps a field's whole type. SPEC §2: the outermost `aligned<T, N>` is the member
 * attribute `aligned(N)`, a `packed<T>` directly under it (or outermost) the member attribute
 * `packed`, and what they wrap may be `bits<Base, W>`; wrappers directly around an object literal
 * are record attributes instead.
 */
function convertFieldType<N>(syntax: TypeSyntax<N>, node: N, site: Site): FieldType | undefined {
  let current = unparen(syntax, node);
  const chain = recordChainOf(syntax, current);
  if (chain !== undefined) {
    const type = convertRecordChain(syntax, chain, site);
    return type === undefined ? undefined : { type };
  }
  let memberAlign: number | undefined;
  let memberPacked = false;
  let ok = true;
  // A wrapper with the wrong number of arguments is left to convertType, which reports it once.
  const alignedArgs = wrapperArgs(syntax, current, "aligned", 2);
  if (alignedArgs !== undefined) {
    memberAlign = alignmentOf(syntax, alignedArgs[1]!, site);
    ok = memberAlign !== undefined;
    current = unparen(syntax, alignedArgs[0]!);
  }
  const packedArgs = wrapperArgs(syntax, current, "packed", 1);
  if (packedArgs !== undefined) {
    memberPacked = true;
    current = unparen(syntax, packedArgs[0]!);
  }
  const type = runtimeGenericOf(syntax, current) === "bits" ? convertBits(syntax, current, site) : convertType(syntax, current, site);
  if (type === undefined || !ok) return undefined;
  return {
    type,
    ...(memberAlign !== undefined ? { memberAlign } : {}),
    ...(memberPacked ? { memberPacked } : {}),
  };
}

/** wrapperArgs is the type arguments of a runtime wrapper (`aligned`, `packed`) when the node is one with `count` of them. */
function wrapperArgs<N>(syntax: TypeSyntax<N>, node: N, name: "aligned" | "packed", count: number): readonly N[] | undefined {
  if (runtimeGenericOf(syntax, node) !== name) return undefined;
  const args = syntax.typeArgumentsOf(node);
  return args !== undefined && args.length === count ? args : undefined;
}

/** convertBits maps `bits<Base, W>` (a field's type only; the base is checked in core/ir/check.ts). */
function convertBits<N>(syntax: TypeSyntax<N>, node: N, site: Site): CType | undefined {
  if (!hasArity(syntax, node, "bits")) return undefined;
  const [baseNode, widthNode] = syntax.typeArgumentsOf(node)!;
  const bitWidth = bitWidthOf(syntax, widthNode!, site);
  const base = convertType(syntax, baseNode!, site);
  return base === undefined || bitWidth === undefined ? undefined : { kind: "bits", base, bitWidth };
}
