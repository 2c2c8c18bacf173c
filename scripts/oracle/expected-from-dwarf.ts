/**
 * expectedFromDwarf turns clang's debug info for one ABI into SPEC §7's `--json`
 * object, pairing each IR record with its DWARF structure/union (and each IR field
 * with its DW_TAG_member, in order) so names and `_anonN` members line up.
 */
import type { DeclSet, RecordType } from "../../packages/core/src/ir/ctype.js";
import { isPadName } from "../../packages/core/src/ir/ctype.js";
import type { LayoutFieldJson, LayoutJson } from "../../packages/core/src/layout/json.js";
import { dieName, dieNumber, dieType, typeByteSize, type Die, type DwarfUnit } from "./dwarf.js";

/** ALIGN_PREFIX and SIZE_PREFIX name the enumerators that carry `_Alignof`/`sizeof` of each named record into DWARF. */
export const ALIGN_PREFIX = "__typedc_align__";
export const SIZE_PREFIX = "__typedc_size__";

/** oracleSuffix returns C that puts `_Alignof` and `sizeof` of every listed type into enumerators (DWARF keeps enumerator values). */
export function oracleSuffix(cNames: ReadonlyMap<string, string>): string {
  const lines: string[] = [];
  for (const [name, cName] of cNames) {
    lines.push(`  ${ALIGN_PREFIX}${name} = _Alignof(${cName}),`, `  ${SIZE_PREFIX}${name} = sizeof(${cName}),`);
  }
  return `\n/* Layout oracle: alignment and size of each named record. */\nenum __typedc_oracle {\n${lines.join("\n")}\n};\n`;
}

/**
 * expectedFromDwarf returns `{ name: LayoutJson }` for `names` (records, or aliases naming one),
 * reading sizes and offsets from DWARF and alignments from the oracle enumerators.
 */
export function expectedFromDwarf(
  unit: DwarfUnit,
  decls: DeclSet,
  names: readonly string[],
  enumerators: ReadonlyMap<string, number>,
): Record<string, LayoutJson> {
  const out: Record<string, LayoutJson> = {};
  for (const name of names) {
    const { die, record } = findRecord(unit, decls, name);
    const size = typeByteSize(unit, die);
    const align = enumerators.get(ALIGN_PREFIX + name);
    if (align === undefined) throw new Error(`no alignment enumerator for ${name}`);
    if (enumerators.get(SIZE_PREFIX + name) !== size) throw new Error(`${name}: sizeof disagrees with DW_AT_byte_size`);
    out[name] = { kind: record.kind, size, align, fields: fieldsFromDwarf(unit, die, record, name) };
  }
  return out;
}

// findRecord finds the DWARF entry of a named record, following a typedef chain for an alias.
function findRecord(unit: DwarfUnit, decls: DeclSet, name: string): { die: Die; record: RecordType } {
  const t = decls.types[name];
  if (t === undefined) throw new Error(`unknown type ${name}`);
  if (t.kind === "record") {
    const tag = t.record.kind === "struct" ? "DW_TAG_structure_type" : "DW_TAG_union_type";
    const die = unit.root.children.find((d) => d.tag === tag && dieName(d) === name && !d.attrs.has("DW_AT_declaration"));
    if (die === undefined) throw new Error(`no complete ${tag} '${name}' in DWARF`);
    return { die, record: t.record };
  }
  if (t.kind !== "alias" || (t.target.kind !== "named" && t.target.kind !== "record")) {
    throw new Error(`${name} is not a record or an alias of one`);
  }
  const typedef = unit.root.children.find((d) => d.tag === "DW_TAG_typedef" && dieName(d) === name);
  if (typedef === undefined) throw new Error(`no typedef '${name}' in DWARF`);
  let die: Die | undefined = typedef;
  while (die !== undefined && die.tag === "DW_TAG_typedef") die = dieType(unit, die);
  if (die === undefined) throw new Error(`typedef ${name} names void`);
  // `export type T = { ... }` is `typedef struct { ... } T;`: the record is the typedef's own.
  if (t.target.kind === "record") return { die, record: t.target.record };
  // The typedef must really name that record in clang's view, not just in the IR.
  const target = findRecord(unit, decls, t.target.name);
  if (die.offset !== target.die.offset) throw new Error(`typedef ${name} does not name ${t.target.name} in DWARF`);
  return target;
}

// fieldsFromDwarf pairs the IR's members (minus `_padN`, which C does not name) with DW_TAG_member entries.
function fieldsFromDwarf(unit: DwarfUnit, die: Die, record: RecordType, where: string): LayoutFieldJson[] {
  const members = die.children.filter((c) => c.tag === "DW_TAG_member");
  const fields = record.fields.filter((f) => !isPadName(f.name));
  if (members.length !== fields.length) {
    throw new Error(`${where}: ${fields.length} IR members but ${members.length} DWARF members`);
  }
  return fields.map((f, i) => {
    const member = members[i]!;
    const memberName = dieName(member);
    if (memberName !== undefined && memberName !== f.name) throw new Error(`${where}: member ${i} is '${memberName}', IR says '${f.name}'`);
    if (memberName === undefined && f.type.kind !== "record") throw new Error(`${where}: member '${f.name}' is unnamed in DWARF`);
    const typeDie = dieType(unit, member);
    if (typeDie === undefined) throw new Error(`${where}.${f.name}: member without a type`);
    const size = typeByteSize(unit, typeDie);
    const out: { -readonly [K in keyof LayoutFieldJson]: LayoutFieldJson[K] } = { name: f.name, offset: 0, size };
    const bitSize = dieNumber(member, "DW_AT_bit_size");
    if (bitSize !== undefined) {
      // DWARF 5 bit-fields: DW_AT_data_bit_offset from the start of the record (SPEC §7 bitOffset).
      const bitOffset = dieNumber(member, "DW_AT_data_bit_offset");
      if (bitOffset === undefined) throw new Error(`${where}.${f.name}: bit-field without DW_AT_data_bit_offset`);
      out.offset = Math.floor(bitOffset / 8);
      out.bitOffset = bitOffset;
      out.bitSize = bitSize;
    } else {
      out.offset = dieNumber(member, "DW_AT_data_member_location") ?? 0;
    }
    if (f.type.kind === "record") {
      const inner = f.type.record;
      out.inline = { kind: inner.kind, size, fields: fieldsFromDwarf(unit, typeDie, inner, `${where}.${f.name}`) };
    }
    return out;
  });
}
