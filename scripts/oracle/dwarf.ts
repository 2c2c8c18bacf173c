/**
 * A reader for `llvm-dwarfdump --debug-info` text: just enough to walk DIEs,
 * follow DW_AT_type references and compute the byte size of a type.
 */

/** Die is one debugging information entry with its raw attribute texts (inside the parentheses). */
export interface Die {
  readonly offset: number;
  readonly tag: string;
  readonly attrs: Map<string, string>;
  readonly children: Die[];
}

/** DwarfUnit is one compile unit of a dump. */
export interface DwarfUnit {
  /** Pointer size of the target (the unit header's addr_size). */
  readonly addrByteSize: number;
  readonly root: Die;
  readonly byOffset: Map<number, Die>;
}

const UNIT_HEADER = /Compile Unit:.*addr_size = (0x[0-9a-f]+)/;
const TAG_LINE = /^0x([0-9a-f]+):( +)(DW_TAG_\w+|NULL)/;
const ATTR_LINE = /^\s+(DW_AT_\w+)\s+\((.*)\)\s*$/;

/** parseDwarfDump reads the single compile unit of an object's `--debug-info` dump. */
export function parseDwarfDump(text: string): DwarfUnit {
  let addrByteSize = 0;
  const stack: Die[] = [];
  const byOffset = new Map<number, Die>();
  let current: Die | undefined;
  for (const line of text.split("\n")) {
    const header = UNIT_HEADER.exec(line);
    if (header) {
      if (byOffset.size > 0) throw new Error("parseDwarfDump: more than one compile unit");
      addrByteSize = Number(header[1]);
      continue;
    }
    const tag = TAG_LINE.exec(line);
    if (tag) {
      if (tag[3] === "NULL") {
        current = undefined;
        continue;
      }
      // The dump indents each nesting level by two more spaces ("0x..: " + 2*depth).
      const depth = (tag[2]!.length - 1) / 2;
      const die: Die = { offset: parseInt(tag[1]!, 16), tag: tag[3]!, attrs: new Map(), children: [] };
      stack.length = depth;
      if (depth > 0) stack[depth - 1]!.children.push(die);
      stack[depth] = die;
      byOffset.set(die.offset, die);
      current = die;
      continue;
    }
    const attr = ATTR_LINE.exec(line);
    if (attr && current) current.attrs.set(attr[1]!, attr[2]!);
  }
  const root = stack[0];
  if (root === undefined || addrByteSize === 0) throw new Error("parseDwarfDump: no compile unit found");
  return { addrByteSize, root, byOffset };
}

/** dieName returns DW_AT_name, or undefined for an anonymous entry. */
export function dieName(die: Die): string | undefined {
  const raw = die.attrs.get("DW_AT_name");
  return raw === undefined ? undefined : (JSON.parse(raw) as string);
}

/** dieNumber returns a numeric attribute (hex `0x..` or decimal, possibly negative), or undefined. */
export function dieNumber(die: Die, attr: string): number | undefined {
  const raw = die.attrs.get(attr);
  if (raw === undefined) return undefined;
  const token = raw.split(/\s/)[0]!;
  const value = Number(token);
  if (!Number.isFinite(value)) throw new Error(`dieNumber: ${attr} of DIE 0x${die.offset.toString(16)} is '${raw}'`);
  return value;
}

/** dieType returns the DIE that DW_AT_type refers to, or undefined (`void`). */
export function dieType(unit: DwarfUnit, die: Die): Die | undefined {
  const ref = dieNumber(die, "DW_AT_type");
  if (ref === undefined) return undefined;
  const target = unit.byOffset.get(ref);
  if (target === undefined) throw new Error(`dieType: no DIE at 0x${ref.toString(16)}`);
  return target;
}

/** typeByteSize returns sizeof the type a DIE describes (a flexible array counts 0). */
export function typeByteSize(unit: DwarfUnit, die: Die): number {
  const explicit = dieNumber(die, "DW_AT_byte_size");
  if (explicit !== undefined) return explicit;
  switch (die.tag) {
    case "DW_TAG_pointer_type":
      return unit.addrByteSize;
    case "DW_TAG_typedef":
    case "DW_TAG_atomic_type":
    case "DW_TAG_const_type":
    case "DW_TAG_volatile_type":
      return typeByteSize(unit, mustType(unit, die));
    case "DW_TAG_array_type": {
      // Each DW_TAG_subrange_type is one dimension; no count means a flexible array (`T x[]`).
      let count = 1;
      for (const sub of die.children.filter((c) => c.tag === "DW_TAG_subrange_type")) {
        const n = dieNumber(sub, "DW_AT_count") ?? upperBoundCount(sub);
        count *= n;
      }
      return count * typeByteSize(unit, mustType(unit, die));
    }
    default:
      throw new Error(`typeByteSize: no size for ${die.tag} at 0x${die.offset.toString(16)}`);
  }
}

// upperBoundCount reads a dimension given as DW_AT_upper_bound (count - 1), or 0 when absent.
function upperBoundCount(sub: Die): number {
  const upper = dieNumber(sub, "DW_AT_upper_bound");
  return upper === undefined ? 0 : upper + 1;
}

// mustType follows DW_AT_type and asserts it exists.
function mustType(unit: DwarfUnit, die: Die): Die {
  const t = dieType(unit, die);
  if (t === undefined) throw new Error(`DIE 0x${die.offset.toString(16)} (${die.tag}) has no DW_AT_type`);
  return t;
}

/** enumeratorValues returns every DW_TAG_enumerator of the unit by name. */
export function enumeratorValues(unit: DwarfUnit): Map<string, number> {
  const values = new Map<string, number>();
  const walk = (die: Die): void => {
    if (die.tag === "DW_TAG_enumerator") values.set(dieName(die)!, dieNumber(die, "DW_AT_const_value")!);
    die.children.forEach(walk);
  };
  walk(unit.root);
  return values;
}
