import type * as t from "@babel/types";
import { Diagnostics, type CType, type Field, type RecordType } from "@typedc/core";
import { typeArgsOf, unparen } from "./extract-ast.js";
import type { DeclContext } from "./extract-context.js";
import { report } from "./extract-report.js";
import { recordOwnerOf, type Site } from "./extract-site.js";
import { locOf } from "./extract-text.js";
import { alignmentOf, bitWidthOf, convertType, hasArity, runtimeGenericOf } from "./extract-type.js";

/**
 * RecordChain is an object type literal with the record attributes wrapped directly around it
 * (SPEC §2): `packed<{...}>`, `aligned<{...}, N>`, `union<{...}>`, in any nesting order.
 */
export interface RecordChain {
  readonly literal: t.TSTypeLiteral;
  readonly union: boolean;
  readonly packed: boolean;
  /** The N argument of every `aligned` in the chain (several: the largest wins, as in C). */
  readonly alignNodes: readonly t.TSType[];
}

/** recordChainOf reads the record attributes around an object type literal, or undefined when the node is not one. */
export function recordChainOf(ctx: DeclContext, node: t.TSType): RecordChain | undefined {
  let union = false;
  let packed = false;
  const alignNodes: t.TSType[] = [];
  let current = unparen(node);
  for (;;) {
    if (current.type === "TSTypeLiteral") return { literal: current, union, packed, alignNodes };
    const name = runtimeGenericOf(ctx, current);
    const args = current.type === "TSTypeReference" ? (typeArgsOf(current) ?? []) : [];
    if (name === "union" && args.length === 1) union = true;
    else if (name === "packed" && args.length === 1) packed = true;
    else if (name === "aligned" && args.length === 2) alignNodes.push(args[1]!);
    else return undefined;
    current = unparen(args[0]!);
  }
}

/** convertRecordChain maps a record chain to an inline `{ kind: "record" }` CType. */
export function convertRecordChain(ctx: DeclContext, chain: RecordChain, site: Site): CType | undefined {
  const record = recordOf(ctx, chain, site, recordOwnerOf(site));
  return record === undefined ? undefined : { kind: "record", record };
}

/** recordOf maps a record chain to a RecordType whose fields belong to `owner` (for messages). */
export function recordOf(ctx: DeclContext, chain: RecordChain, site: Site, owner: string): RecordType | undefined {
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
export function convertMembers(ctx: DeclContext, members: readonly t.TSTypeElement[], owner: string): Field[] {
  const fields: Field[] = [];
  for (const member of members) {
    if (member.type === "TSPropertySignature") {
      const field = convertProperty(ctx, member, owner);
      if (field !== undefined) fields.push(field);
    } else if (member.type === "TSMethodSignature") {
      report(ctx, Diagnostics._0_is_a_method_a_typed_struct_holds_data_only_Use_ptr_void_for_a_function_pointer, [keyText(ctx, member)], member);
    } else if (member.type === "TSIndexSignature") {
      report(ctx, Diagnostics.Index_signature_in_0_a_typed_struct_has_a_fixed_set_of_fields_Declare_each_field_or_use_array_T_N, [owner], member);
    } else {
      report(ctx, Diagnostics._0_has_a_call_or_construct_signature_a_typed_struct_holds_data_only_Use_a_field_of_type_ptr_void_for_a_function_pointer, [owner], member);
    }
  }
  return fields;
}

/** KeyedMember is a member with a name: a property or a method signature. */
type KeyedMember = t.TSPropertySignature | t.TSMethodSignature;

/**
 * keySpan is where a member's name is written: for a computed name the brackets are included, as
 * TypeScript's ComputedPropertyName node spans `[k]` where Babel's key is only `k`.
 */
function keySpan(ctx: DeclContext, member: KeyedMember): { start: number; end: number } {
  const key = member.key;
  if (!member.computed) return { start: key.start!, end: key.end! };
  const source = ctx.scope.file.source.text;
  const open = source.lastIndexOf("[", key.start! - 1);
  const close = source.indexOf("]", key.end!);
  if (open < member.start! || close < 0) throw new Error("assert: computed member name without brackets");
  return { start: open, end: close + 1 };
}

/** keyText is a member's name as written (`run`, `[k]`), whitespace collapsed. */
function keyText(ctx: DeclContext, member: KeyedMember): string {
  const { start, end } = keySpan(ctx, member);
  const raw = ctx.scope.file.source.text.slice(start, end).replace(/\s+/g, " ");
  return raw.length > 60 ? `${raw.slice(0, 57)}...` : raw;
}

/** cNameOf is a property's C member name: an identifier, or a quoted name that is a C identifier (C11 6.4.2.1); undefined otherwise. */
function cNameOf(member: t.TSPropertySignature): string | undefined {
  const key = member.key;
  if (member.computed) return undefined;
  if (key.type === "Identifier") return key.name;
  if (key.type === "StringLiteral" && C_IDENTIFIER.test(key.value)) return key.value;
  return undefined;
}

/** convertProperty maps one property signature to a Field (with its member attributes), or undefined after reporting. */
function convertProperty(ctx: DeclContext, member: t.TSPropertySignature, owner: string): Field | undefined {
  const name = cNameOf(member);
  if (name === undefined) {
    const { start, end } = keySpan(ctx, member);
    const node = { type: "Identifier", name: "", start, end } as t.Identifier;
    report(ctx, Diagnostics.A_field_of_0_has_a_computed_or_non_identifier_name_a_C_member_needs_a_plain_name_such_as_len_u32, [owner], node);
    return undefined;
  }
  if (member.optional) {
    report(ctx, Diagnostics.Field_0_is_optional_a_field_of_a_typed_struct_always_exists_in_memory_Remove_the, [name], member);
  }
  const annotation = member.typeAnnotation?.typeAnnotation;
  if (annotation === undefined) {
    report(ctx, Diagnostics.Field_0_has_no_type_annotation_Write_its_C_type_such_as_0_i32, [name], member);
    return undefined;
  }
  const site: Site = { kind: "field", name, owner };
  const converted = convertFieldType(ctx, annotation, site);
  if (converted === undefined) return undefined;
  return { name, ...converted, loc: locOf(ctx.scope.file.source, member) };
}

/** FieldType is a field's CType with its member attributes. */
type FieldType = { type: CType; memberAlign?: number; memberPacked?: boolean };

/**
 * convertFieldType maps a field's whole type. SPEC §2: the outermost `aligned<T, N>` is the member
 * attribute `aligned(N)`, a `packed<T>` directly under it (or outermost) the member attribute
 * `packed`, and what they wrap may be `bits<Base, W>`; wrappers directly around an object literal
 * are record attributes instead.
 */
function convertFieldType(ctx: DeclContext, node: t.TSType, site: Site): FieldType | undefined {
  let current = unparen(node);
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
    current = unparen(alignedArgs[0]!);
  }
  const packedArgs = wrapperArgs(ctx, current, "packed", 1);
  if (packedArgs !== undefined) {
    memberPacked = true;
    current = unparen(packedArgs[0]!);
  }
  const type = runtimeGenericOf(ctx, current) === "bits" ? convertBits(ctx, current as t.TSTypeReference, site) : convertType(ctx, current, site);
  if (type === undefined || !ok) return undefined;
  return {
    type,
    ...(memberAlign !== undefined ? { memberAlign } : {}),
    ...(memberPacked ? { memberPacked } : {}),
  };
}

/** wrapperArgs is the type arguments of a runtime wrapper (`aligned`, `packed`) when the node is one with `count` of them. */
function wrapperArgs(ctx: DeclContext, node: t.TSType, name: "aligned" | "packed", count: number): readonly t.TSType[] | undefined {
  if (runtimeGenericOf(ctx, node) !== name) return undefined;
  const args = typeArgsOf(node as t.TSTypeReference);
  return args !== undefined && args.length === count ? args : undefined;
}

/** convertBits maps `bits<Base, W>` (a field's type only; the base is checked in core/ir/check.ts). */
function convertBits(ctx: DeclContext, node: t.TSTypeReference, site: Site): CType | undefined {
  if (!hasArity(ctx, node, "bits")) return undefined;
  const [baseNode, widthNode] = typeArgsOf(node)!;
  const bitWidth = bitWidthOf(ctx, widthNode!, site);
  const base = convertType(ctx, baseNode!, site);
  return base === undefined || bitWidth === undefined ? undefined : { kind: "bits", base, bitWidth };
}

