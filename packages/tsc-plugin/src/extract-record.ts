import type * as TS from "typescript";
import { Diagnostics, type CType, type Field, type RecordType } from "@typedc/core";
import type { ExtractContext } from "./extract-context.js";
import { locOf, textOf } from "./extract-loc.js";
import { report } from "./extract-report.js";
import { recordOwnerOf, type Site } from "./extract-site.js";
import { alignmentOf, bitWidthOf, convertType, hasArity, runtimeGenericOf, unparen } from "./extract-type.js";

/**
 * RecordChain is an object type literal with the record attributes wrapped directly around it
 * (SPEC §2): `packed<{...}>`, `aligned<{...}, N>`, `union<{...}>`, in any nesting order.
 */
export interface RecordChain {
  readonly literal: TS.TypeLiteralNode;
  readonly union: boolean;
  readonly packed: boolean;
  /** The N argument of every `aligned` in the chain (several: the largest wins, as in C). */
  readonly alignNodes: readonly TS.TypeNode[];
}

/** recordChainOf reads the record attributes around an object type literal, or undefined when the node is not one. */
export function recordChainOf(ctx: ExtractContext, node: TS.TypeNode): RecordChain | undefined {
  const { ts } = ctx;
  let union = false;
  let packed = false;
  const alignNodes: TS.TypeNode[] = [];
  let current = unparen(ts, node);
  for (;;) {
    if (ts.isTypeLiteralNode(current)) return { literal: current, union, packed, alignNodes };
    const name = runtimeGenericOf(ctx, current);
    const args = ts.isTypeReferenceNode(current) ? (current.typeArguments ?? []) : [];
    if (name === "union" && args.length === 1) union = true;
    else if (name === "packed" && args.length === 1) packed = true;
    else if (name === "aligned" && args.length === 2) alignNodes.push(args[1]!);
    else return undefined;
    current = unparen(ts, args[0]!);
  }
}

/** convertRecordChain maps a record chain to an inline `{ kind: "record" }` CType. */
export function convertRecordChain(ctx: ExtractContext, chain: RecordChain, site: Site): CType | undefined {
  const record = recordOf(ctx, chain, site, recordOwnerOf(site));
  return record === undefined ? undefined : { kind: "record", record };
}

/** recordOf maps a record chain to a RecordType whose fields belong to `owner` (for messages). */
export function recordOf(ctx: ExtractContext, chain: RecordChain, site: Site, owner: string): RecordType | undefined {
  const aligns = chain.alignNodes.map((n) => alignmentOf(ctx, n, site));
  const fields = convertMembers(ctx, chain.literal.members, owner);
  if (aligns.some((a) => a === undefined)) return undefined;
  const byteAlign = aligns.length === 0 ? undefined : Math.max(...(aligns as number[]));
  return {
    kind: chain.union ? "union" : "struct",
    packed: chain.packed,
    ...(byteAlign !== undefined ? { byteAlign } : {}),
    fields,
  };
}

/** C_IDENTIFIER matches a C identifier (GNU C also accepts `$`). */
const C_IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** convertMembers maps the members of an interface or object literal to Fields, reporting members with no C layout. */
export function convertMembers(ctx: ExtractContext, members: readonly TS.TypeElement[], owner: string): Field[] {
  const { ts } = ctx;
  const fields: Field[] = [];
  for (const member of members) {
    if (ts.isPropertySignature(member)) {
      const field = convertProperty(ctx, member, owner);
      if (field !== undefined) fields.push(field);
    } else if (ts.isMethodSignature(member) || ts.isGetAccessorDeclaration(member) || ts.isSetAccessorDeclaration(member)) {
      report(ctx, Diagnostics._0_is_a_method_a_typed_struct_holds_data_only_Use_ptr_void_for_a_function_pointer, [textOf(member.name)], member);
    } else if (ts.isIndexSignatureDeclaration(member)) {
      report(ctx, Diagnostics.Index_signature_in_0_a_typed_struct_has_a_fixed_set_of_fields_Declare_each_field_or_use_array_T_N, [owner], member);
    } else {
      report(ctx, Diagnostics._0_has_a_call_or_construct_signature_a_typed_struct_holds_data_only_Use_a_field_of_type_ptr_void_for_a_function_pointer, [owner], member);
    }
  }
  return fields;
}

/** convertProperty maps one property signature to a Field (with its member attributes), or undefined after reporting. */
function convertProperty(ctx: ExtractContext, member: TS.PropertySignature, owner: string): Field | undefined {
  const { ts } = ctx;
  const nameNode = member.name;
  // A quoted name must still be a C identifier (C11 6.4.2.1), so that every format can name the member.
  const isCName = ts.isIdentifier(nameNode) || ((ts.isStringLiteral(nameNode) || ts.isNumericLiteral(nameNode)) && C_IDENTIFIER.test(nameNode.text));
  if (!isCName) {
    report(ctx, Diagnostics.A_field_of_0_has_a_computed_or_non_identifier_name_a_C_member_needs_a_plain_name_such_as_len_u32, [owner], nameNode);
    return undefined;
  }
  const name = nameNode.text;
  if (member.questionToken !== undefined) {
    report(ctx, Diagnostics.Field_0_is_optional_a_field_of_a_typed_struct_always_exists_in_memory_Remove_the, [name], member);
  }
  if (member.type === undefined) {
    report(ctx, Diagnostics.Field_0_has_no_type_annotation_Write_its_C_type_such_as_0_i32, [name], member);
    return undefined;
  }
  const site: Site = { kind: "field", name, owner };
  const converted = convertFieldType(ctx, member.type, site);
  if (converted === undefined) return undefined;
  return { name, ...converted, loc: locOf(member) };
}

/** FieldType is a field's CType with its member attributes. */
type FieldType = { type: CType; memberAlign?: number; memberPacked?: boolean };

/**
 * convertFieldType maps a field's whole type. SPEC §2: the outermost `aligned<T, N>` is the member
 * attribute `aligned(N)`, a `packed<T>` directly under it (or outermost) the member attribute
 * `packed`, and what they wrap may be `bits<Base, W>`; wrappers directly around an object literal
 * are record attributes instead.
 */
function convertFieldType(ctx: ExtractContext, node: TS.TypeNode, site: Site): FieldType | undefined {
  const { ts } = ctx;
  let current = unparen(ts, node);
  const chain = recordChainOf(ctx, current);
  if (chain !== undefined) {
    const type = convertRecordChain(ctx, chain, site);
    return type === undefined ? undefined : { type };
  }
  let memberAlign: number | undefined;
  let memberPacked = false;
  let ok = true;
  // A wrapper with the wrong number of arguments is left to convertType, which reports it once.
  const alignedArgs = wrapperArgs(ctx, current, "aligned", 2);
  if (alignedArgs !== undefined) {
    memberAlign = alignmentOf(ctx, alignedArgs[1]!, site);
    ok = memberAlign !== undefined;
    current = unparen(ts, alignedArgs[0]!);
  }
  const packedArgs = wrapperArgs(ctx, current, "packed", 1);
  if (packedArgs !== undefined) {
    memberPacked = true;
    current = unparen(ts, packedArgs[0]!);
  }
  const type = runtimeGenericOf(ctx, current) === "bits" ? convertBits(ctx, current as TS.TypeReferenceNode, site) : convertType(ctx, current, site);
  if (type === undefined || !ok) return undefined;
  return {
    type,
    ...(memberAlign !== undefined ? { memberAlign } : {}),
    ...(memberPacked ? { memberPacked } : {}),
  };
}

/** wrapperArgs is the type arguments of a runtime wrapper (`aligned`, `packed`) when the node is one with `count` of them. */
function wrapperArgs(ctx: ExtractContext, node: TS.TypeNode, name: "aligned" | "packed", count: number): readonly TS.TypeNode[] | undefined {
  if (runtimeGenericOf(ctx, node) !== name) return undefined;
  const args = (node as TS.TypeReferenceNode).typeArguments;
  return args !== undefined && args.length === count ? args : undefined;
}

/** convertBits maps `bits<Base, W>` (a field's type only; the base is checked in core/ir/check.ts). */
function convertBits(ctx: ExtractContext, node: TS.TypeReferenceNode, site: Site): CType | undefined {
  if (!hasArity(ctx, node, "bits")) return undefined;
  const [baseNode, widthNode] = node.typeArguments!;
  const bitWidth = bitWidthOf(ctx, widthNode!, site);
  const base = convertType(ctx, baseNode!, site);
  return base === undefined || bitWidth === undefined ? undefined : { kind: "bits", base, bitWidth };
}
