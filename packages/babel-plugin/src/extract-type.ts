import type * as t from "@babel/types";
import { Diagnostics, type CType } from "@typedc/core";
import { typeArgsOf, unparen, type UserDecl } from "./extract-ast.js";
import type { DeclContext } from "./extract-context.js";
import { integerLiteralOf } from "./extract-literal.js";
import type { ModuleFile } from "./extract-module.js";
import { convertRecordChain, recordChainOf } from "./extract-record.js";
import { report, text } from "./extract-report.js";
import { resolveTypeName } from "./extract-resolve.js";
import type { RuntimeTypeName } from "./extract-runtime.js";
import { reportNoLayout, suggestionFor, type Site } from "./extract-site.js";
import { usesCTypes } from "./extract-uses.js";

/** TYPE_ARITY is how many type arguments each runtime type takes, with an example for messages (the TS extractor's table). */
const TYPE_ARITY: Readonly<Record<string, readonly [number, string]>> = {
  ptr: [1, "ptr<Task>"],
  array: [2, "array<u8, 16>"],
  union: [1, "union<{ a: u32; b: f32 }>"],
  bits: [2, "bits<u32, 3>"],
  packed: [1, "packed<{ a: u8; b: u32 }>"],
  aligned: [2, "aligned<u64, 8>"],
  atomic: [1, "atomic<i32>"],
  __typed: [1, "__typed<Task>"],
};

/** runtimeGenericOf is the runtime type a reference names (`aligned` in `aligned<u64, 8>`), if it names one. */
export function runtimeGenericOf(ctx: DeclContext, node: t.TSType): RuntimeTypeName | undefined {
  if (node.type !== "TSTypeReference") return undefined;
  const target = resolveTypeName(ctx, node.typeName);
  return target.kind === "runtime" ? target.name : undefined;
}

/**
 * convertType maps a type that is not a field's whole type (an array element, a pointer target,
 * an alias body) to a CType; there every `aligned<T, N>` is type-level (SPEC §2) and `bits` is an error.
 * It returns undefined after reporting when the type has no C layout.
 */
export function convertType(ctx: DeclContext, node: t.TSType, site: Site): CType | undefined {
  const inner = unparen(node);
  const chain = recordChainOf(ctx, inner);
  if (chain !== undefined) return convertRecordChain(ctx, chain, site);
  if (inner.type === "TSTypeReference") return convertReference(ctx, inner, site);
  reportNoLayout(ctx, site, inner, suggestionFor(inner));
  return undefined;
}

/** convertReference maps a named type reference: a runtime C type or a user declaration. */
function convertReference(ctx: DeclContext, node: t.TSTypeReference, site: Site): CType | undefined {
  const target = resolveTypeName(ctx, node.typeName);
  switch (target.kind) {
    case "runtime":
      return convertRuntime(ctx, node, target.name, site);
    case "decl":
      return convertDeclReference(ctx, node, target.decl, target.file, site);
    case "typeParameter":
      return undefined; // reported once, at the generic declaration (1007)
    case "unparsable":
      ctx.program.reportSyntaxError(target.fileName);
      return undefined;
    case "unresolvedImport":
      report(ctx, Diagnostics.Cannot_resolve_module_0_from_which_1_is_imported, [target.moduleName, text(ctx, node.typeName)], node);
      return undefined;
    case "notInRuntime":
      report(ctx, Diagnostics.Module_typedc_runtime_exports_no_type_0_Import_its_C_types_i32_array_ptr_from_it_or_declare_0_in_your_own_code, [target.name], node);
      return undefined;
    case "unknown":
      report(ctx, Diagnostics.Cannot_find_C_type_0, [text(ctx, node.typeName)], node);
      return undefined;
    case "lib":
    case "other":
      reportNoLayout(ctx, site, node, suggestionFor(node));
      return undefined;
  }
}

/**
 * convertDeclReference maps a reference to an interface, alias or enum to `{ kind: "named" }`.
 * An interface or alias of an external library counts only if it uses C types itself.
 */
function convertDeclReference(ctx: DeclContext, node: t.TSTypeReference, decl: UserDecl, file: ModuleFile, site: Site): CType | undefined {
  if (file.foreign && decl.type !== "TSEnumDeclaration" && !usesCTypes(ctx, decl, file)) {
    reportNoLayout(ctx, site, node, suggestionFor(node));
    return undefined;
  }
  ctx.referenced.push(decl);
  return { kind: "named", name: ctx.nameOf(decl) };
}

/** hasArity reports 1014 unless a runtime type has the right number of type arguments. */
export function hasArity(ctx: DeclContext, node: t.TSTypeReference, name: RuntimeTypeName): boolean {
  const [count, example] = TYPE_ARITY[name] ?? [0, name];
  if ((typeArgsOf(node)?.length ?? 0) === count) return true;
  report(ctx, Diagnostics._0_takes_1_type_argument_s_such_as_2, [name, count, example], node);
  return false;
}

/** convertRuntime maps a C type of `@typedc/runtime` (SPEC §2 table) outside a field's outermost wrappers. */
function convertRuntime(ctx: DeclContext, node: t.TSTypeReference, name: RuntimeTypeName, site: Site): CType | undefined {
  if (!hasArity(ctx, node, name)) return undefined;
  const args = typeArgsOf(node) ?? [];
  switch (name) {
    case "ptr":
      return convertPointer(ctx, args[0]!, site);
    case "array":
      return convertArray(ctx, args[0]!, args[1]!, site);
    case "aligned": {
      const byteAlign = alignmentOf(ctx, args[1]!, site);
      const base = convertType(ctx, args[0]!, site);
      return base === undefined || byteAlign === undefined ? undefined : { kind: "aligned", base, byteAlign };
    }
    case "atomic": {
      const base = convertType(ctx, args[0]!, site);
      return base === undefined ? undefined : { kind: "atomic", base };
    }
    case "union": // a record chain was tried first, so this is not around an object literal
      report(ctx, Diagnostics.union_in_0_needs_an_object_type_literal_such_as_union_a_u32_b_f32, [site.name], node);
      return undefined;
    case "packed": // not around a record literal and not a field's member attribute
      report(ctx, Diagnostics.packed_in_0_has_no_C_meaning_here_Put_it_around_a_record_literal_packed_or_on_a_whole_field_type_x_packed_u64, [site.name], node);
      return undefined;
    case "bits":
      report(ctx, Diagnostics.bits_in_0_is_only_allowed_as_the_type_of_a_field_such_as_flags_bits_u32_3, [site.name], node);
      return undefined;
    case "__typed":
      reportNoLayout(ctx, site, node, text(ctx, args[0]!));
      return undefined;
    default:
      return { kind: "scalar", name };
  }
}

/** convertPointer maps `ptr<T>`; `ptr<void>` has a null target (SPEC §2: also function and opaque pointers). */
function convertPointer(ctx: DeclContext, target: t.TSType, site: Site): CType | undefined {
  if (unparen(target).type === "TSVoidKeyword") return { kind: "pointer", target: null };
  const targetType = convertType(ctx, target, site);
  return targetType === undefined ? undefined : { kind: "pointer", target: targetType };
}

/** convertArray maps `array<T, N>`; N must be a non-negative integer literal (0: flexible array member). */
function convertArray(ctx: DeclContext, element: t.TSType, countNode: t.TSType, site: Site): CType | undefined {
  const count = integerLiteralOf(countNode);
  if (!count.ok) {
    report(ctx, Diagnostics.Array_length_in_0_must_be_a_non_negative_integer_literal_such_as_array_T_16_got_1, [site.name, text(ctx, countNode)], countNode);
  }
  const elementType = convertType(ctx, element, site);
  return elementType === undefined || !count.ok ? undefined : { kind: "array", element: elementType, count: count.value };
}

/** alignmentOf reads the N of `aligned<T, N>`: a positive integer literal (powers of two are checked in core/ir/check.ts). */
export function alignmentOf(ctx: DeclContext, node: t.TSType, site: Site): number | undefined {
  const literal = integerLiteralOf(node);
  if (literal.ok && literal.value > 0) return literal.value;
  report(ctx, Diagnostics.Alignment_in_0_must_be_a_positive_integer_literal_such_as_aligned_T_8_got_1, [site.name, text(ctx, node)], node);
  return undefined;
}

/** bitWidthOf reads the W of `bits<Base, W>`: a non-negative integer literal. */
export function bitWidthOf(ctx: DeclContext, node: t.TSType, site: Site): number | undefined {
  const literal = integerLiteralOf(node);
  if (literal.ok) return literal.value;
  report(ctx, Diagnostics.Bit_width_in_0_must_be_a_non_negative_integer_literal_such_as_bits_u32_3_got_1, [site.name, text(ctx, node)], node);
  return undefined;
}
