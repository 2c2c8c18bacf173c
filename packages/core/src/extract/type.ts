import { Diagnostics } from "../diagnostics/messages.generated.js";
import type { CType } from "../ir/ctype.js";
import { integerLiteralOf } from "./literal.js";
import { convertRecordChain, recordChainOf } from "./record.js";
import { reportNoLayout, suggestionFor, type Site } from "./site.js";
import { unparen, type RuntimeTypeName, type TypeSyntax } from "./syntax.js";

/** TYPE_ARITY is how many type arguments each runtime type takes, with an example for messages. */
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
export function runtimeGenericOf<N>(syntax: TypeSyntax<N>, node: N): RuntimeTypeName | undefined {
  return syntax.kindOf(node) === "reference" ? syntax.runtimeNameOf(node) : undefined;
}

/**
 * convertType maps a type that is not a field's whole type (an array element, a pointer target,
 * an alias body) to a CType; there every `aligned<T, N>` is type-level (SPEC §2) and `bits` is an error.
 * It returns undefined after reporting when the type has no C layout.
 */
export function convertType<N>(syntax: TypeSyntax<N>, node: N, site: Site): CType | undefined {
  const inner = unparen(syntax, node);
  const kind = syntax.kindOf(inner);
  if (kind === "missing") return undefined; // its syntax error is the diagnostic (1005)
  const chain = recordChainOf(syntax, inner);
  if (chain !== undefined) return convertRecordChain(syntax, chain, site);
  if (kind === "reference") return convertReference(syntax, inner, site);
  reportNoLayout(syntax, site, inner, suggestionFor(syntax, inner));
  return undefined;
}

/** convertReference maps a named type reference: a runtime C type or a user declaration. */
function convertReference<N>(syntax: TypeSyntax<N>, node: N, site: Site): CType | undefined {
  const target = syntax.referenceOf(node);
  switch (target.kind) {
    case "runtime":
      return convertRuntime(syntax, node, target.name, site);
    case "named": // the adapter decided it has C layout and recorded it as referenced (see TypeSyntax.referenceOf)
      return { kind: "named", name: target.name };
    case "reportedElsewhere":
      return undefined;
    case "unresolvedImport":
      syntax.report(Diagnostics.Cannot_resolve_module_0_from_which_1_is_imported, [target.moduleName, syntax.textOf(syntax.typeNameOf(node))], node);
      return undefined;
    case "notInRuntime":
      syntax.report(Diagnostics.Module_typedc_runtime_exports_no_type_0_Import_its_C_types_i32_array_ptr_from_it_or_declare_0_in_your_own_code, [target.name], node);
      return undefined;
    case "unknown":
      syntax.report(Diagnostics.Cannot_find_C_type_0, [syntax.textOf(syntax.typeNameOf(node))], node);
      return undefined;
    case "noLayout":
      reportNoLayout(syntax, site, node, suggestionFor(syntax, node));
      return undefined;
  }
}

/** hasArity reports 1014 unless a runtime type has the right number of type arguments. */
export function hasArity<N>(syntax: TypeSyntax<N>, node: N, name: RuntimeTypeName): boolean {
  const [count, example] = TYPE_ARITY[name] ?? [0, name];
  if ((syntax.typeArgumentsOf(node)?.length ?? 0) === count) return true;
  syntax.report(Diagnostics._0_takes_1_type_argument_s_such_as_2, [name, count, example], node);
  return false;
}

/** convertRuntime maps a C type of `@typedc/runtime` (SPEC §2 table) outside a field's outermost wrappers. */
function convertRuntime<N>(syntax: TypeSyntax<N>, node: N, name: RuntimeTypeName, site: Site): CType | undefined {
  if (!hasArity(syntax, node, name)) return undefined;
  const args = syntax.typeArgumentsOf(node) ?? [];
  switch (name) {
    case "ptr":
      return convertPointer(syntax, args[0]!, site);
    case "array":
      return convertArray(syntax, args[0]!, args[1]!, site);
    case "aligned": {
      const byteAlign = alignmentOf(syntax, args[1]!, site);
      const base = convertType(syntax, args[0]!, site);
      return base === undefined || byteAlign === undefined ? undefined : { kind: "aligned", base, byteAlign };
    }
    case "atomic": {
      const base = convertType(syntax, args[0]!, site);
      return base === undefined ? undefined : { kind: "atomic", base };
    }
    case "union": // a record chain was tried first, so this is not around an object literal
      syntax.report(Diagnostics.union_in_0_needs_an_object_type_literal_such_as_union_a_u32_b_f32, [site.name], node);
      return undefined;
    case "packed": // not around a record literal and not a field's member attribute
      syntax.report(Diagnostics.packed_in_0_has_no_C_meaning_here_Put_it_around_a_record_literal_packed_or_on_a_whole_field_type_x_packed_u64, [site.name], node);
      return undefined;
    case "bits":
      syntax.report(Diagnostics.bits_in_0_is_only_allowed_as_the_type_of_a_field_such_as_flags_bits_u32_3, [site.name], node);
      return undefined;
    case "__typed":
      reportNoLayout(syntax, site, node, syntax.textOf(args[0]!));
      return undefined;
    default:
      return { kind: "scalar", name };
  }
}

/** convertPointer maps `ptr<T>`; `ptr<void>` has a null target (SPEC §2: also function and opaque pointers). */
function convertPointer<N>(syntax: TypeSyntax<N>, target: N, site: Site): CType | undefined {
  if (syntax.kindOf(unparen(syntax, target)) === "void") return { kind: "pointer", target: null };
  const targetType = convertType(syntax, target, site);
  return targetType === undefined ? undefined : { kind: "pointer", target: targetType };
}

/** convertArray maps `array<T, N>`; N must be a non-negative integer literal (0: flexible array member). */
function convertArray<N>(syntax: TypeSyntax<N>, element: N, countNode: N, site: Site): CType | undefined {
  const count = integerLiteralOf(syntax, countNode);
  if (!count.ok) {
    syntax.report(Diagnostics.Array_length_in_0_must_be_a_non_negative_integer_literal_such_as_array_T_16_got_1, [site.name, syntax.textOf(countNode)], countNode);
  }
  const elementType = convertType(syntax, element, site);
  return elementType === undefined || !count.ok ? undefined : { kind: "array", element: elementType, count: count.value };
}

/** alignmentOf reads the N of `aligned<T, N>`: a positive integer literal (powers of two are checked in core/ir/check.ts). */
export function alignmentOf<N>(syntax: TypeSyntax<N>, node: N, site: Site): number | undefined {
  const literal = integerLiteralOf(syntax, node);
  if (literal.ok && literal.value > 0) return literal.value;
  syntax.report(Diagnostics.Alignment_in_0_must_be_a_positive_integer_literal_such_as_aligned_T_8_got_1, [site.name, syntax.textOf(node)], node);
  return undefined;
}

/** bitWidthOf reads the W of `bits<Base, W>`: a non-negative integer literal. */
export function bitWidthOf<N>(syntax: TypeSyntax<N>, node: N, site: Site): number | undefined {
  const literal = integerLiteralOf(syntax, node);
  if (literal.ok) return literal.value;
  syntax.report(Diagnostics.Bit_width_in_0_must_be_a_non_negative_integer_literal_such_as_bits_u32_3_got_1, [site.name, syntax.textOf(node)], node);
  return undefined;
}
