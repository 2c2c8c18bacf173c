/**
 * Hand-written type tables for the runtime accessor tests (until core's buildTable
 * lands, and afterwards for layouts no declaration produces, e.g. odd bit offsets).
 */
import type { AbiId, Encoding, TableMember, TableType, TypeTable } from "@typedc/core";

/** TableBuilder collects table types and hands out their indices. */
export class TableBuilder {
  readonly types: TableType[] = [];
  private readonly byName = new Map<string, number>();
  constructor(readonly format: AbiId, readonly endian: "little" | "big", readonly pointerSize: number) {}

  add(t: TableType): number {
    this.types.push(t);
    return this.types.length - 1;
  }
  base(name: string, encoding: Encoding, byteSize: number, alignment = byteSize): number {
    const key = `${name}/${encoding}/${byteSize}/${alignment}`;
    const hit = this.byName.get(key);
    if (hit !== undefined) return hit;
    const i = this.add({ tag: "base_type", name, encoding, byteSize, alignment });
    this.byName.set(key, i);
    return i;
  }
  array(element: number, count: number): number {
    const e = this.types[element];
    return this.add({ tag: "array_type", name: `array<${e.name}, ${count}>`, element, count, stride: e.byteSize, byteSize: e.byteSize * count, alignment: e.alignment });
  }
  pointer(target: number | null, name = "ptr"): number {
    return this.add({ tag: "pointer_type", name, target, byteSize: this.pointerSize, alignment: this.pointerSize });
  }
  atomic(target: number): number {
    const t = this.types[target];
    return this.add({ tag: "atomic_type", name: `atomic<${t.name}>`, target, byteSize: t.byteSize, alignment: t.alignment });
  }
  /** record adds a struct/union; members give [name, type, byteOffset] or bit-fields [name, type, byteOffset, bitOffset, bitSize]. */
  record(tag: "structure_type" | "union_type", name: string, byteSize: number, alignment: number, members: readonly (readonly [string, number, number, number?, number?])[]): number {
    const ms: TableMember[] = members.map(([mname, type, off, bitOff, bitSize]) => {
      const t = this.types[type];
      const enc = t.tag === "base_type" || t.tag === "enumeration_type" ? t.encoding : undefined;
      return {
        name: mname, type, dataMemberLocation: off, byteSize: t.byteSize,
        ...(enc ? { encoding: enc } : {}),
        ...(bitSize !== undefined ? { dataBitOffset: bitOff, bitSize } : {}),
      };
    });
    return this.add({ tag, name, byteSize, alignment, members: ms });
  }
  /** reserve adds a placeholder (for recursive records) that `fill` replaces. */
  fill(index: number, t: TableType): void {
    this.types[index] = t;
  }
  table(root: number): TypeTable {
    const body = { version: 1 as const, format: this.format, endian: this.endian, pointerSize: this.pointerSize, root, types: this.types };
    return { ...body, hash: fakeHash(JSON.stringify(body)) };
  }
}

/** fakeHash is a 64-bit FNV-1a of a string, as 16 hex digits (a stand-in for core's hashTable). */
export function fakeHash(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) h = BigInt.asUintN(64, (h ^ BigInt(text.charCodeAt(i))) * 0x100000001b3n);
  return h.toString(16).padStart(16, "0");
}

/** region returns a Region over a fresh SharedArrayBuffer of `memBytes`, area at `byteOffset`. */
export function region(memBytes: number, byteOffset: number, byteLength: number) {
  return { bytes: new Uint8Array(new SharedArrayBuffer(memBytes)), byteOffset, byteLength };
}

// --- DeclSet shorthands: tables built by core's buildTable (the layout engine's truth). ---
import { ABIS, buildTable, type CType, type DeclSet, type NamedType, type ScalarName, type AbiId as Abi } from "@typedc/core";

/** sc is the CType of a scalar. */
export const sc = (name: ScalarName): CType => ({ kind: "scalar", name });
/** arr is `array<T, N>`. */
export const arr = (element: CType, count: number): CType => ({ kind: "array", element, count });
/** named refers to a declaration. */
export const named = (name: string): CType => ({ kind: "named", name });
/** bits is `bits<Base, W>`. */
export const bits = (base: CType, bitWidth: number): CType => ({ kind: "bits", base, bitWidth });
/** ptr is `ptr<T>` (null: `ptr<void>`). */
export const ptr = (target: CType | null): CType => ({ kind: "pointer", target });
/** atomic is `atomic<T>`. */
export const atomic = (base: CType): CType => ({ kind: "atomic", base });
/** inline is an inline record field type. */
export const inline = (kind: "struct" | "union", fields: readonly (readonly [string, CType])[]): CType => ({
  kind: "record", record: { kind, packed: false, fields: fields.map(([name, type]) => ({ name, type })) },
});

/** struct declares a named struct (or union, or packed struct). */
export function struct(name: string, fields: readonly (readonly [string, CType])[], opts: { kind?: "struct" | "union"; packed?: boolean } = {}): NamedType {
  return { kind: "record", name, record: { kind: opts.kind ?? "struct", packed: opts.packed ?? false, fields: fields.map(([n, type]) => ({ name: n, type })) } };
}

/** declSet collects named types. */
export function declSet(...types: NamedType[]): DeclSet {
  return { types: Object.fromEntries(types.map((t) => [t.name, t])) };
}

/** tableOf builds the table of a declaration for an ABI with core's buildTable. */
export function tableOf(decls: DeclSet, name: string, abi: Abi) {
  return buildTable(decls, name, ABIS[abi]);
}

/** seededRandom is a small deterministic PRNG (mulberry32) returning floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
