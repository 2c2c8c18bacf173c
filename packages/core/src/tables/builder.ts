import type { AbiSpec, Encoding, ScalarSpec } from "../abi/spec.js";
import type { CType, DeclSet, RecordType } from "../ir/ctype.js";
import type { FieldLayout, RecordLayout } from "../layout/types.js";
import { makeMember, makeTable, makeType } from "./entries.js";
import { hashTable } from "./hash.js";
import type { TableMember, TableType, TypeSet, TypeTable } from "./schema.js";
import { resolveAliases, typeSpelling } from "./spelling.js";

/** LayoutEngine is what the table builder needs from the layout stage (core/src/layout/index.ts provides it). */
export interface LayoutEngine {
  layoutRecord(decls: DeclSet, record: RecordType, abi: AbiSpec): RecordLayout;
  sizeAlignOf(decls: DeclSet, type: CType, abi: AbiSpec): { byteSize: number; byteAlign: number };
  enumSpec(decls: DeclSet, enumName: string, abi: AbiSpec): ScalarSpec;
}

/**
 * TableWriter walks one declaration for one ABI and collects its types, one entry per
 * distinct type: structural types are interned by content (children first), named
 * records get their index before their members are walked, so `ptr<Self>` refers back.
 */
class TableWriter {
  readonly types: (TableType | undefined)[] = [];
  private readonly byContent = new Map<string, number>();
  private readonly byRecordName = new Map<string, number>();

  constructor(
    private readonly engine: LayoutEngine,
    private readonly decls: DeclSet,
    private readonly abi: AbiSpec,
  ) {}

  /** typeIndex returns the index of a type's entry, adding it and everything it refers to. */
  typeIndex(type: CType): number {
    const { resolved: t, name } = resolvedOf(this.decls, type);
    switch (t.kind) {
      case "scalar": {
        const shared = scalarEntry(this.abi, t.name, name);
        return this.intern(shared.entry, shared.key);
      }
      case "pointer": {
        const target = t.target === null ? null : this.typeIndex(t.target);
        const spec = this.abi.pointer;
        return this.intern(makeType({ tag: "pointer_type", name, byteSize: spec.byteSize, alignment: spec.byteAlign, target }));
      }
      case "array": {
        const element = this.typeIndex(t.element);
        // C11 6.5.3.4: sizeof(T[N]) = N * sizeof(T), so the stride is the element's size.
        const stride = this.engine.sizeAlignOf(this.decls, t.element, this.abi).byteSize;
        const { byteSize, byteAlign } = this.engine.sizeAlignOf(this.decls, t, this.abi);
        return this.intern(makeType({ tag: "array_type", name, byteSize, alignment: byteAlign, element, count: t.count, stride }));
      }
      case "record":
        return this.intern(this.recordType("", this.engine.layoutRecord(this.decls, t.record, this.abi)));
      case "named":
        return this.namedIndex(t.name);
      case "atomic": {
        const target = this.typeIndex(t.base);
        // _Atomic may raise size and alignment above the base type's (e.g. _Atomic long long on i386).
        const { byteSize, byteAlign } = this.engine.sizeAlignOf(this.decls, t, this.abi);
        return this.intern(makeType({ tag: "atomic_type", name, byteSize, alignment: byteAlign, target }));
      }
      case "aligned": {
        // A type-level aligned<T, N> is T with another alignment (like an aligned typedef): T's entry, renamed.
        const base = this.types[this.typeIndex(t.base)];
        if (base === undefined) throw new Error(`assert: '${name}' wraps a record whose description is not finished`);
        const { byteSize, byteAlign } = this.engine.sizeAlignOf(this.decls, t, this.abi);
        return this.intern(makeType({ ...base, name, byteSize, alignment: byteAlign }));
      }
      case "bits":
        throw new Error(`assert: '${name}' appears outside a field (bits<> is only a field's type)`);
    }
  }

  /** memberOf describes one laid-out field; a bit-field points at its base type and carries its bit position. */
  memberOf(field: FieldLayout): TableMember {
    const t = resolvedOf(this.decls, field.type).resolved;
    // Literals, not spreads: this runs once per field per format.
    if (t.kind === "bits") {
      const type = this.typeIndex(t.base);
      if (field.bitOffset === undefined) throw new Error(`assert: bit-field '${field.name}' has no bitOffset`);
      return makeMember({ name: field.name, type, dataMemberLocation: field.byteOffset, byteSize: field.byteSize, encoding: this.encodingOf(type), dataBitOffset: field.bitOffset, bitSize: field.bitSize ?? t.bitWidth });
    }
    const type = field.inline !== undefined ? this.intern(this.recordType("", field.inline)) : this.typeIndex(t);
    return makeMember({ name: field.name, type, dataMemberLocation: field.byteOffset, byteSize: field.byteSize, encoding: this.encodingOf(type) });
  }

  // recordType turns a record layout into a structure_type/union_type entry (`_padN` are not in the layout's fields).
  private recordType(name: string, layout: RecordLayout): TableType {
    const members = layout.fields.map((f) => this.memberOf(f));
    const tag = layout.kind === "union" ? "union_type" : "structure_type";
    return makeType({ tag, name, byteSize: layout.byteSize, alignment: layout.byteAlign, members });
  }

  // namedIndex adds a named record (index reserved first, for recursion through pointers) or enum.
  private namedIndex(name: string): number {
    const decl = this.decls.types[name];
    if (decl === undefined) throw new Error(`assert: type '${name}' is not declared`);
    if (decl.kind === "enum") {
      const spec = this.engine.enumSpec(this.decls, name, this.abi);
      if (spec.encoding !== "signed" && spec.encoding !== "unsigned") throw new Error(`assert: enum '${name}' has encoding ${spec.encoding}`);
      const enumerators = decl.members.map((m) => ({ name: m.name, value: m.value }));
      return this.intern(makeType({ tag: "enumeration_type", name, byteSize: spec.byteSize, alignment: spec.byteAlign, encoding: spec.encoding, enumerators }));
    }
    // A record, or an alias of a record literal (resolveAliases stops there): both name the record.
    const record = decl.kind === "record" ? decl.record : decl.target.kind === "record" ? decl.target.record : undefined;
    if (record === undefined) throw new Error(`assert: alias '${name}' reached namedIndex`);
    const known = this.byRecordName.get(name);
    if (known !== undefined) return known;
    const index = this.types.length;
    this.types.push(undefined);
    this.byRecordName.set(name, index);
    this.types[index] = this.recordType(name, this.engine.layoutRecord(this.decls, record, this.abi));
    return index;
  }

  // encodingOf is how a member of this type is read: scalars and enums by their encoding,
  // pointers as addresses, atomics as their target; arrays and records have none.
  private encodingOf(index: number): Encoding | undefined {
    const type = this.types[index];
    if (type === undefined) return undefined; // a named record still being described
    switch (type.tag) {
      case "base_type":
      case "enumeration_type":
        return type.encoding;
      case "pointer_type":
        return "address";
      case "atomic_type":
        return this.encodingOf(type.target);
      default:
        return undefined;
    }
  }

  // intern returns the index of an equal entry, or appends this one (`key`: its JSON, when known).
  private intern(entry: TableType, key: string = JSON.stringify(entry)): number {
    const known = this.byContent.get(key);
    if (known !== undefined) return known;
    const index = this.types.length;
    this.types.push(entry);
    this.byContent.set(key, index);
    return index;
  }
}

/** Resolved is a type with its aliases resolved, and its spelling (the entry's name). */
interface Resolved {
  readonly resolved: CType;
  readonly name: string;
}

const resolvedByDecls = new WeakMap<DeclSet, WeakMap<CType, Resolved>>();

/**
 * resolvedOf is resolveAliases and typeSpelling of a type, memoised per (DeclSet, CType object):
 * both depend on the declarations only, and every format's table asks again for every field.
 */
function resolvedOf(decls: DeclSet, type: CType): Resolved {
  let byType = resolvedByDecls.get(decls);
  if (byType === undefined) resolvedByDecls.set(decls, (byType = new WeakMap()));
  let r = byType.get(type);
  if (r === undefined) {
    const resolved = resolveAliases(decls, type);
    byType.set(type, (r = { resolved, name: typeSpelling(decls, resolved) }));
  }
  return r;
}

/** SharedEntry is a table entry made once and its interning key (its JSON). */
interface SharedEntry {
  readonly entry: TableType;
  readonly key: string;
}

const scalarEntries = new WeakMap<AbiSpec, Map<string, SharedEntry>>();

/**
 * scalarEntry is the base_type entry of a scalar in an ABI, made once per (ABI, spelling) and
 * shared by every table (entries are never mutated; the same content prints the same JSON).
 */
function scalarEntry(abi: AbiSpec, scalar: keyof AbiSpec["scalars"], name: string): SharedEntry {
  let byName = scalarEntries.get(abi);
  if (byName === undefined) scalarEntries.set(abi, (byName = new Map()));
  let shared = byName.get(name);
  if (shared === undefined) {
    const spec = abi.scalars[scalar];
    const entry = makeType({ tag: "base_type", name, byteSize: spec.byteSize, alignment: spec.byteAlign, encoding: spec.encoding });
    byName.set(name, (shared = { entry, key: JSON.stringify(entry) }));
  }
  return shared;
}

/** buildTableOfTypeWith builds the type table of any C type (e.g. `array<Task, 1024>`) for one ABI with a given layout engine. */
export function buildTableOfTypeWith(engine: LayoutEngine, decls: DeclSet, type: CType, abi: AbiSpec): TypeTable {
  const writer = new TableWriter(engine, decls, abi);
  const root = writer.typeIndex(type);
  const types = writer.types.map((t, i) => {
    if (t === undefined) throw new Error(`assert: table entry ${i} was never filled`);
    return t;
  });
  const unhashed = makeTable({ format: abi.id, endian: abi.endian, pointerSize: abi.pointer.byteSize, root, types, hash: "" });
  return { ...unhashed, hash: hashTable(unhashed) };
}

/** buildTableWith builds the type table of a named declaration for one ABI with a given layout engine. */
export function buildTableWith(engine: LayoutEngine, decls: DeclSet, name: string, abi: AbiSpec): TypeTable {
  if (decls.types[name] === undefined) throw new Error(`assert: type '${name}' is not declared`);
  return buildTableOfTypeWith(engine, decls, { kind: "named", name }, abi);
}

/** buildTypeSetWith builds a declaration's tables for several ABIs (keys in the order given). */
export function buildTypeSetWith(engine: LayoutEngine, decls: DeclSet, name: string, abis: readonly AbiSpec[]): TypeSet {
  const set: Partial<Record<AbiSpec["id"], TypeTable>> = {};
  for (const abi of abis) set[abi.id] = buildTableWith(engine, decls, name, abi);
  return set;
}
