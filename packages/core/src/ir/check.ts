import { createDiagnostic } from "../diagnostics/create.js";
import type { DiagnosticMessage } from "../diagnostics/message.js";
import { Diagnostics } from "../diagnostics/messages.generated.js";
import type { Diagnostic } from "../diagnostics/types.js";
import { isAnonName, isPadName, type CType, type DeclSet, type Field, type NamedType, type RecordType, type SourceLoc } from "./ctype.js";
import { checkCycles } from "./check-cycles.js";
import { ENUM_BIT_WIDTH, bitFieldLimitOf, isAtomicScalar } from "./check-scalars.js";
import { underlyingOf } from "./check-underlying.js";
import { printCType } from "./spell.js";

/** INT32_MIN and UINT32_MAX bound an enumerator: it must fit `int` or `unsigned int` (C11 6.7.2.2, GCC's enum rule). */
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
const UINT32_MAX = 2 ** 32 - 1;

/** Checker carries the DeclSet being checked and collects diagnostics. */
interface Checker {
  readonly decls: DeclSet;
  readonly out: Diagnostic[];
}

/**
 * checkDecls validates the type model that the layout engine relies on, for every ABI at once:
 * bit-field bases and widths, zero widths only on `_padN`, cycles by value, flexible array
 * members, power-of-two alignments, `atomic` on integers, `_anonN` members, enumerator ranges,
 * duplicate members and references to unknown names. Locations come from the IR.
 */
export function checkDecls(decls: DeclSet): Diagnostic[] {
  const checker: Checker = { decls, out: [] };
  for (const decl of Object.values(decls.types)) checkNamed(checker, decl);
  return [...checker.out, ...checkCycles(decls)];
}

/** report adds one catalog diagnostic. */
function report(c: Checker, message: DiagnosticMessage, args: readonly (string | number)[], loc: SourceLoc | undefined): void {
  c.out.push(createDiagnostic(message, args, loc));
}

/** checkNamed checks one top-level declaration. */
function checkNamed(c: Checker, decl: NamedType): void {
  switch (decl.kind) {
    case "record":
      return checkRecord(c, decl.record, decl.name, decl.loc);
    case "enum":
      return checkEnum(c, decl);
    case "alias":
      return checkInner(c, decl.target, decl.name, decl.loc);
  }
}

/** checkEnum: at least one enumerator (C11 6.7.2.2), and all values representable in `int` or all in `unsigned int`. */
function checkEnum(c: Checker, decl: NamedType & { kind: "enum" }): void {
  if (decl.members.length === 0) report(c, Diagnostics.Enum_0_has_no_members_a_C_enum_needs_at_least_one_enumerator, [decl.name], decl.loc);
  const hasNegative = decl.members.some((m) => m.value < 0);
  for (const m of decl.members) {
    const fits = hasNegative ? m.value >= INT32_MIN && m.value <= INT32_MAX : m.value >= 0 && m.value <= UINT32_MAX;
    if (!fits) report(c, Diagnostics.Enumerator_0_1_does_not_fit_in_a_32_bit_int_or_unsigned_int, [`${decl.name}.${m.name}`, m.value], decl.loc);
  }
}

/** checkRecord checks a struct or union body: its alignment, each field, and duplicate member names. */
function checkRecord(c: Checker, record: RecordType, owner: string, loc: SourceLoc | undefined): void {
  if (record.byteAlign !== undefined) checkAlignment(c, record.byteAlign, owner, loc);
  record.fields.forEach((field, i) => {
    const isLast = i === record.fields.length - 1;
    checkField(c, field, record.kind, isLast, owner, field.loc ?? loc);
  });
  checkDuplicates(c, record, owner, loc);
}

/** checkField checks one member: the rules that hold only at a field's own type (bits, flexible arrays, `_anonN`). */
function checkField(c: Checker, field: Field, recordKind: "struct" | "union", isLast: boolean, owner: string, loc: SourceLoc | undefined): void {
  const where = `${owner}.${field.name}`;
  if (field.memberAlign !== undefined) checkAlignment(c, field.memberAlign, where, loc);
  if (isAnonName(field.name) && field.type.kind !== "record") {
    report(c, Diagnostics.Field_0_is_named_like_an_anonymous_member_but_its_type_is_not_an_inline_record_Write_or_union_or_rename_the_field, [field.name], loc);
  }
  const type = field.type;
  if (type.kind === "bits") return checkBits(c, field.name, type, where, loc);
  if (type.kind === "array" && type.count === 0) {
    // C11 6.7.2.1p18: only the last member of a struct may be a flexible array member.
    if (recordKind === "union") report(c, Diagnostics.Flexible_array_member_0_is_not_allowed_in_a_union, [field.name], loc);
    else if (!isLast) report(c, Diagnostics.Flexible_array_member_0_must_be_the_last_field_of_a_struct, [field.name], loc);
    return checkInner(c, type.element, where, loc);
  }
  if (type.kind === "record") return checkRecord(c, type.record, where, loc);
  checkInner(c, type, where, loc);
}

/** checkBits: the base is an integer type or an enum (C11 6.7.2.1p5), width ≤ the type's (p4), and 0 only unnamed (p4). */
function checkBits(c: Checker, name: string, type: CType & { kind: "bits" }, where: string, loc: SourceLoc | undefined): void {
  const base = underlyingOf(c.decls, type.base);
  const baseText = printCType(type.base);
  let maxBitWidth: number | null = null;
  if (base.kind === "enum") maxBitWidth = ENUM_BIT_WIDTH;
  else if (base.kind === "type" && base.type.kind === "scalar") maxBitWidth = bitFieldLimitOf(base.type.name);
  else if (base.kind === "unknown") return report(c, Diagnostics.Type_0_refers_to_unknown_type_1, [where, base.name], loc);
  if (maxBitWidth === null) {
    return report(c, Diagnostics.Bit_field_0_has_base_type_1_a_bit_field_needs_an_integer_type_or_an_enum_such_as_bits_u32_2, [name, baseText, type.bitWidth], loc);
  }
  if (type.bitWidth === 0 && !isPadName(name)) report(c, Diagnostics.Bit_field_0_has_width_0_only_an_unnamed_bit_field_pad0_pad1_can_be_0_bits_wide, [name], loc);
  if (type.bitWidth > maxBitWidth) report(c, Diagnostics.Bit_field_0_is_1_bits_wide_but_2_holds_3, [name, type.bitWidth, baseText, maxBitWidth], loc);
}

/** checkInner checks a type below a field's own type (element, target, alias body): no bits, no length-0 arrays. */
function checkInner(c: Checker, type: CType, where: string, loc: SourceLoc | undefined): void {
  switch (type.kind) {
    case "scalar":
      return;
    case "named":
      if (c.decls.types[type.name] === undefined) report(c, Diagnostics.Type_0_refers_to_unknown_type_1, [where, type.name], loc);
      return;
    case "pointer":
      if (type.target !== null) checkInner(c, type.target, where, loc);
      return;
    case "array":
      if (type.count === 0) report(c, Diagnostics.Array_0_has_length_0_where_it_cannot_be_flexible_only_the_outermost_array_type_of_a_struct_s_last_field_may_have_length_0, [where], loc);
      return checkInner(c, type.element, where, loc);
    case "record":
      return checkRecord(c, type.record, where, loc);
    case "bits":
      report(c, Diagnostics.A_bit_field_type_appears_in_0_outside_a_field_bits_Base_W_must_be_the_whole_type_of_a_struct_or_union_member, [where], loc);
      return;
    case "aligned":
      checkAlignment(c, type.byteAlign, where, loc);
      return checkInner(c, type.base, where, loc);
    case "atomic":
      checkAtomic(c, type.base, where, loc);
      return checkInner(c, type.base, where, loc);
  }
}

/** checkAtomic: `atomic<T>` needs an integer T (SPEC §2; accesses go through `Atomics`), seen through aliases; enums count. */
function checkAtomic(c: Checker, base: CType, where: string, loc: SourceLoc | undefined): void {
  const underlying = underlyingOf(c.decls, base);
  if (underlying.kind === "enum" || underlying.kind === "unknown") return; // unknown names are reported by checkInner
  if (underlying.kind === "type" && underlying.type.kind === "scalar" && isAtomicScalar(underlying.type.name)) return;
  report(c, Diagnostics.atomic_0_in_1_atomic_is_only_supported_on_integer_types_such_as_atomic_i32, [printCType(base), where], loc);
}

/** checkAlignment: `__attribute__((aligned(N)))` needs a power of two (GCC manual, Common Type/Variable Attributes). */
function checkAlignment(c: Checker, byteAlign: number, where: string, loc: SourceLoc | undefined): void {
  if (!(Number.isInteger(byteAlign) && byteAlign > 0 && (byteAlign & (byteAlign - 1)) === 0)) {
    report(c, Diagnostics.Alignment_0_in_1_is_not_a_power_of_two, [byteAlign, where], loc);
  }
}

/** checkDuplicates reports a member name used twice, counting the members of `_anonN` records as the record's own (C11 6.7.2.1p13). */
function checkDuplicates(c: Checker, record: RecordType, owner: string, loc: SourceLoc | undefined): void {
  const seen = new Set<string>();
  const visit = (fields: readonly Field[]): void => {
    for (const field of fields) {
      if (isAnonName(field.name) && field.type.kind === "record") {
        visit(field.type.record.fields);
        continue;
      }
      if (isPadName(field.name) && field.type.kind === "bits") continue;
      if (seen.has(field.name)) report(c, Diagnostics.Duplicate_member_0_in_1, [field.name, owner], field.loc ?? loc);
      seen.add(field.name);
    }
  };
  visit(record.fields);
}
