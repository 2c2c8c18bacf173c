import { isAbiId } from "../abi/ids.js";
import type { Encoding } from "../abi/spec.js";
import { ENCODING_CODES, TAG_CODES } from "./codes.js";
import { makeMember, makeTable, makeType } from "./entries.js";
import type { TableMember, TableTag, TableType, TypeTable } from "./schema.js";

/** TableFormatError is thrown when a value is not a well-formed type table; its message names the path of what is wrong. */
export class TableFormatError extends Error {
  override readonly name = "TableFormatError";
}

type Obj = Record<string, unknown>;

// Each check returns the value with its type, or throws naming `where`.
function fail(where: string, problem: string): never {
  throw new TableFormatError(`${where}: ${problem}`);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "string" ? JSON.stringify(value) : typeof value === "object" ? "an object" : String(value);
}

/** expectObject checks that a value is a plain object whose keys are all in `allowed` (when given). */
export function expectObject(value: unknown, where: string, allowed?: readonly string[]): Obj {
  if (typeof value !== "object" || value === null || Array.isArray(value)) fail(where, `expected an object, got ${describe(value)}`);
  if (allowed !== undefined) {
    for (const key of Object.keys(value)) if (!allowed.includes(key)) fail(`${where}.${key}`, "unknown property");
  }
  return value as Obj;
}

function expectArray(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) fail(where, `expected an array, got ${describe(value)}`);
  return value;
}

function expectString(value: unknown, where: string): string {
  if (typeof value !== "string") fail(where, `expected a string, got ${describe(value)}`);
  return value;
}

function expectCount(value: unknown, where: string): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) fail(where, `expected a non-negative integer, got ${describe(value)}`);
  return value;
}

function expectInteger(value: unknown, where: string): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value)) fail(where, `expected an integer, got ${describe(value)}`);
  return value;
}

function expectIndex(value: unknown, where: string, typeCount: number): number {
  const index = expectCount(value, where);
  if (index >= typeCount) fail(where, `type index ${index} is out of range (${typeCount} types)`);
  return index;
}

function expectOneOf<K extends string>(value: unknown, where: string, names: readonly K[]): K {
  if (typeof value !== "string" || !(names as readonly string[]).includes(value)) {
    fail(where, `expected one of ${names.join(", ")}, got ${describe(value)}`);
  }
  return value as K;
}

const TAGS = Object.keys(TAG_CODES) as TableTag[];
const ENCODINGS = Object.keys(ENCODING_CODES) as Encoding[];
const MEMBER_KEYS = ["name", "type", "dataMemberLocation", "byteSize", "encoding", "dataBitOffset", "bitSize"];
const TYPE_KEYS: Readonly<Record<TableTag, readonly string[]>> = {
  base_type: ["encoding"],
  pointer_type: ["target"],
  array_type: ["element", "count", "stride"],
  structure_type: ["members"],
  union_type: ["members"],
  enumeration_type: ["encoding", "enumerators"],
  atomic_type: ["target"],
};

function validateMember(value: unknown, where: string, typeCount: number): TableMember {
  const m = expectObject(value, where, MEMBER_KEYS);
  const hasBits = m.dataBitOffset !== undefined || m.bitSize !== undefined;
  return makeMember({
    name: expectString(m.name, `${where}.name`),
    type: expectIndex(m.type, `${where}.type`, typeCount),
    dataMemberLocation: expectCount(m.dataMemberLocation, `${where}.dataMemberLocation`),
    byteSize: expectCount(m.byteSize, `${where}.byteSize`),
    encoding: m.encoding === undefined ? undefined : expectOneOf(m.encoding, `${where}.encoding`, ENCODINGS),
    dataBitOffset: hasBits ? expectCount(m.dataBitOffset, `${where}.dataBitOffset`) : undefined,
    bitSize: hasBits ? expectCount(m.bitSize, `${where}.bitSize`) : undefined,
  });
}

function validateType(value: unknown, where: string, typeCount: number): TableType {
  const loose = expectObject(value, where);
  const tag = expectOneOf(loose.tag, `${where}.tag`, TAGS);
  const t = expectObject(value, where, ["tag", "name", "byteSize", "alignment", ...TYPE_KEYS[tag]]);
  const common = {
    tag,
    name: expectString(t.name, `${where}.name`),
    byteSize: expectCount(t.byteSize, `${where}.byteSize`),
    alignment: expectCount(t.alignment, `${where}.alignment`),
  };
  switch (tag) {
    case "base_type":
      return makeType({ ...common, encoding: expectOneOf(t.encoding, `${where}.encoding`, ENCODINGS) });
    case "pointer_type":
      return makeType({ ...common, target: t.target === null ? null : expectIndex(t.target, `${where}.target`, typeCount) });
    case "array_type":
      return makeType({
        ...common,
        element: expectIndex(t.element, `${where}.element`, typeCount),
        count: expectCount(t.count, `${where}.count`),
        stride: expectCount(t.stride, `${where}.stride`),
      });
    case "structure_type":
    case "union_type": {
      const members = expectArray(t.members, `${where}.members`).map((m, i) => validateMember(m, `${where}.members[${i}]`, typeCount));
      return makeType({ ...common, members });
    }
    case "enumeration_type": {
      const encoding = expectOneOf(t.encoding, `${where}.encoding`, ["signed", "unsigned"] as const);
      const enumerators = expectArray(t.enumerators, `${where}.enumerators`).map((e, i) => {
        const at = `${where}.enumerators[${i}]`;
        const o = expectObject(e, at, ["name", "value"]);
        return { name: expectString(o.name, `${at}.name`), value: expectInteger(o.value, `${at}.value`) };
      });
      return makeType({ ...common, encoding, enumerators });
    }
    case "atomic_type":
      return makeType({ ...common, target: expectIndex(t.target, `${where}.target`, typeCount) });
  }
}

/**
 * validateTable checks that a value (e.g. parsed JSON) has the TypeTable shape: every
 * field present with the right type, every type index in range, no unknown property.
 * It returns a fresh copy in canonical key order and throws TableFormatError naming
 * the first problem (`where` prefixes the path). The hash is checked by the caller.
 */
export function validateTable(value: unknown, where: string): TypeTable {
  const t = expectObject(value, where, ["version", "format", "endian", "pointerSize", "root", "types", "hash"]);
  if (t.version !== 1) fail(`${where}.version`, `expected 1, got ${describe(t.version)}`);
  const format = expectString(t.format, `${where}.format`);
  if (!isAbiId(format)) fail(`${where}.format`, `unknown format ${JSON.stringify(format)}`);
  const rawTypes = expectArray(t.types, `${where}.types`);
  const types = rawTypes.map((x, i) => validateType(x, `${where}.types[${i}]`, rawTypes.length));
  const hash = expectString(t.hash, `${where}.hash`);
  if (!/^[0-9a-f]{16}$/.test(hash)) fail(`${where}.hash`, `expected 16 lowercase hex digits, got ${JSON.stringify(hash)}`);
  return makeTable({
    format,
    endian: expectOneOf(t.endian, `${where}.endian`, ["little", "big"] as const),
    pointerSize: expectCount(t.pointerSize, `${where}.pointerSize`),
    root: expectIndex(t.root, `${where}.root`, types.length),
    types,
    hash,
  });
}
