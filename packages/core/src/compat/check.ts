import type { Encoding } from "../abi/spec.js";
import { createDiagnostic } from "../diagnostics/create.js";
import type { DiagnosticMessage } from "../diagnostics/message.js";
import { Diagnostics } from "../diagnostics/messages.generated.js";
import type { Diagnostic } from "../diagnostics/types.js";
import type { TableMember, TableTag, TableType, TypeTable } from "../tables/schema.js";
import { displayPath, elementPath, memberPath, pointeePath } from "./paths.js";
import { verdictOf, type Verdict } from "./verdict.js";

/** Compatibility is the answer of compareTables: a verdict, and one line (and one 4xxx diagnostic) per difference. */
export interface Compatibility {
  readonly verdict: Verdict;
  /** `<member path>: <what> <published> vs <attacher's>`, e.g. `tasks[].comm: array count 16 vs 32`. */
  readonly differences: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

// KIND_NAMES spells a tag in a difference line.
const KIND_NAMES: Readonly<Record<TableTag, string>> = {
  base_type: "scalar",
  pointer_type: "pointer",
  array_type: "array",
  structure_type: "struct",
  union_type: "union",
  enumeration_type: "enum",
  atomic_type: "atomic",
};

// ENCODING_CLASSES groups encodings whose values convert into each other without changing meaning:
// integers of either signedness (and char), floats, booleans, addresses (SPEC §1: built-in conversions).
const ENCODING_CLASSES: Readonly<Record<Encoding, string>> = {
  signed: "integer",
  unsigned: "integer",
  signed_char: "integer",
  unsigned_char: "integer",
  float: "float",
  boolean: "boolean",
  address: "address",
};

const isBitfield = (m: TableMember) => m.bitSize !== undefined;

// Comparer walks the attacher's type and the published one side by side, member by name.
class Comparer {
  readonly found: Diagnostic[] = [];
  // Pairs of (published, attacher) types already compared through a pointer: recursive types end here.
  private readonly pointees = new Set<string>();

  constructor(
    private readonly published: TypeTable,
    private readonly mine: TypeTable,
  ) {
    this.pointees.add(`${published.root}:${mine.root}`);
  }

  report(message: DiagnosticMessage, path: string, ...args: (string | number)[]): void {
    const rootName = this.mine.types[this.mine.root]!.name || "(root)";
    this.found.push(createDiagnostic(message, [displayPath(path, rootName), ...args]));
  }

  compareType(p: number, m: number, path: string): void {
    const pt = this.published.types[p]!;
    const mt = this.mine.types[m]!;
    if (pt.tag !== mt.tag) return this.report(Diagnostics._0_kind_1_vs_2, path, KIND_NAMES[pt.tag], KIND_NAMES[mt.tag]);
    switch (mt.tag) {
      case "base_type":
        return this.compareScalar(pt as typeof mt, mt, path);
      case "enumeration_type":
        this.compareScalar(pt as typeof mt, mt, path);
        return this.compareEnumerators(pt as typeof mt, mt, path);
      case "pointer_type":
        return this.comparePointer(pt as typeof mt, mt, path);
      case "array_type": {
        const pa = pt as typeof mt;
        if (pa.count !== mt.count) this.report(Diagnostics._0_array_count_1_vs_2, path, pa.count, mt.count);
        return this.compareType(pa.element, mt.element, elementPath(path));
      }
      case "structure_type":
      case "union_type":
        return this.compareRecord(pt as typeof mt, mt, path);
      case "atomic_type":
        return this.compareType((pt as typeof mt).target, mt.target, path);
    }
  }

  // compareScalar: the same C type (same spelling) may differ in size and signedness between
  // formats (c_long, c_char, enums): morphable. Different C types must agree in size and
  // encoding, else values would not survive (attacher u64 over published u8: value range loss,
  // either way round). An encoding class change (int vs float) is never morphable.
  private compareScalar(
    pt: Extract<TableType, { tag: "base_type" | "enumeration_type" }>,
    mt: Extract<TableType, { tag: "base_type" | "enumeration_type" }>,
    path: string,
  ): void {
    if (ENCODING_CLASSES[pt.encoding] !== ENCODING_CLASSES[mt.encoding]) {
      return this.report(Diagnostics._0_encoding_1_vs_2, path, pt.encoding, mt.encoding);
    }
    if (pt.name === mt.name) {
      if (pt.byteSize !== mt.byteSize) this.report(Diagnostics._0_size_1_vs_2, path, pt.byteSize, mt.byteSize);
      if (pt.encoding !== mt.encoding) this.report(Diagnostics._0_signedness_1_vs_2, path, pt.encoding, mt.encoding);
      return;
    }
    if (pt.byteSize !== mt.byteSize) return this.report(Diagnostics._0_value_range_loss_1_vs_2_bytes, path, pt.byteSize, mt.byteSize);
    if (pt.encoding !== mt.encoding) this.report(Diagnostics._0_encoding_1_vs_2, path, pt.encoding, mt.encoding);
  }

  // compareEnumerators: every enumerator the attacher names must exist with the same value.
  private compareEnumerators(
    pt: Extract<TableType, { tag: "enumeration_type" }>,
    mt: Extract<TableType, { tag: "enumeration_type" }>,
    path: string,
  ): void {
    for (const e of mt.enumerators) {
      const p = pt.enumerators.find((x) => x.name === e.name);
      if (p === undefined) this.report(Diagnostics._0_enumerator_1_missing_in_the_published_type, path, e.name);
      else if (p.value !== e.value) this.report(Diagnostics._0_enumerator_1_value_2_vs_3, path, e.name, p.value, e.value);
    }
    for (const p of pt.enumerators) {
      if (!mt.enumerators.some((e) => e.name === p.name)) this.report(Diagnostics._0_extra_enumerator_1_in_the_published_type, path, p.name);
    }
  }

  // comparePointer: pointer size is a format fact (morphable); an attacher's ptr<void> accepts any
  // target, but a typed pointer needs the published target to be laid out compatibly.
  private comparePointer(
    pt: Extract<TableType, { tag: "pointer_type" }>,
    mt: Extract<TableType, { tag: "pointer_type" }>,
    path: string,
  ): void {
    if (pt.byteSize !== mt.byteSize) this.report(Diagnostics._0_size_1_vs_2, path, pt.byteSize, mt.byteSize);
    if (mt.target === null) return;
    if (pt.target === null) return this.report(Diagnostics._0_pointer_target_1_vs_2, path, "void", this.mine.types[mt.target]!.name || "{...}");
    const key = `${pt.target}:${mt.target}`;
    if (this.pointees.has(key)) return;
    this.pointees.add(key);
    this.compareType(pt.target, mt.target, pointeePath(path));
  }

  // compareRecord matches members by name: missing ones are incompatible, extra published ones
  // make a subset, moved ones (offset, bit offset) and a resized record are morphable.
  private compareRecord(
    pt: Extract<TableType, { tag: "structure_type" | "union_type" }>,
    mt: Extract<TableType, { tag: "structure_type" | "union_type" }>,
    path: string,
  ): void {
    if (pt.byteSize !== mt.byteSize) this.report(Diagnostics._0_size_1_vs_2, path, pt.byteSize, mt.byteSize);
    for (const mm of mt.members) {
      const at = memberPath(path, mm.name);
      const pm = pt.members.find((x) => x.name === mm.name);
      if (pm === undefined) {
        this.report(Diagnostics._0_missing_in_the_published_type, at);
        continue;
      }
      if (isBitfield(pm) !== isBitfield(mm)) {
        this.report(Diagnostics._0_kind_1_vs_2, at, isBitfield(pm) ? "bit-field" : "member", isBitfield(mm) ? "bit-field" : "member");
        continue;
      }
      if (isBitfield(mm)) {
        if (pm.bitSize !== mm.bitSize) this.report(Diagnostics._0_bit_field_width_1_vs_2, at, pm.bitSize!, mm.bitSize!);
        if (pm.dataBitOffset !== mm.dataBitOffset) this.report(Diagnostics._0_bit_offset_1_vs_2, at, pm.dataBitOffset!, mm.dataBitOffset!);
      } else if (pm.dataMemberLocation !== mm.dataMemberLocation) {
        this.report(Diagnostics._0_offset_1_vs_2, at, pm.dataMemberLocation, mm.dataMemberLocation);
      }
      this.compareType(pm.type, mm.type, at);
    }
    for (const pm of pt.members) {
      if (!mt.members.some((x) => x.name === pm.name)) this.report(Diagnostics._0_extra_member_in_the_published_type, memberPath(path, pm.name));
    }
  }
}

/**
 * compareTables tells whether an attacher whose declaration gives table `mine` can use an
 * area whose creator published table `published` (the same declaration, possibly in another
 * format, possibly another version of it). Members are matched by name path; each
 * difference is one line `<path>: <what> <published> vs <attacher's>`, and the verdict is
 * the worst of them (see Verdict). Equal hashes short-cut to `identical`.
 *
 * Decisions: the same C type (same spelling) may change size, signedness and byte order
 * between formats (`c_long`, `c_char`, `c_wchar`, enums, pointers): compatible, since the
 * runtime range-checks every write against the published format (SPEC §4). Two different
 * C types must have the same size and encoding: attacher `u64` over published `u8` (or the
 * reverse) is a value range loss, `i32` over `u32` an encoding change: incompatible, as are
 * a changed encoding class (int, float, boolean), kind (scalar, pointer, array, struct,
 * union, enum, atomic; bit-field vs member), array count or bit-field width, a member or
 * enumerator the attacher names but the creator lacks, an enumerator with another value,
 * and a typed pointer whose published target is `void`. A record reached through pointers
 * is compared once, at its first path.
 */
export function compareTables(published: TypeTable, mine: TypeTable): Compatibility {
  if (published.hash === mine.hash) return { verdict: "identical", differences: [], diagnostics: [] };
  const c = new Comparer(published, mine);
  if (published.endian !== mine.endian) c.report(Diagnostics._0_byte_order_1_vs_2, "", published.endian, mine.endian);
  c.compareType(published.root, mine.root, "");
  return { verdict: verdictOf(c.found), differences: c.found.map((d) => d.messageText), diagnostics: c.found };
}
