import { isAbiId, type AbiId } from "../abi/ids.js";
import type { AbiSpec } from "../abi/spec.js";
import type { DeclSet } from "../ir/ctype.js";
import { buildTypeSet } from "./build.js";
import { hashTable } from "./hash.js";
import type { TypeSet, TypeTable } from "./schema.js";
import { expectObject, TableFormatError, validateTable } from "./validate.js";

/**
 * TablesFile is the file format of `typedc tables` and the input of the runtime's
 * `loadTypes(json)`: for each declaration name, its tables keyed by ABI id.
 */
export interface TablesFile {
  readonly typedc: "tables";
  readonly version: 1;
  readonly types: Readonly<Record<string, TypeSet>>;
}

/** tablesFileOf wraps type sets (keyed by declaration name) in the TablesFile envelope. */
export function tablesFileOf(sets: Readonly<Record<string, TypeSet>>): TablesFile {
  return { typedc: "tables", version: 1, types: sets };
}

/** tablesToJson builds the TablesFile of the named declarations for every ABI given (`typedc tables --format ...`). */
export function tablesToJson(decls: DeclSet, names: readonly string[], abis: readonly AbiSpec[]): TablesFile {
  const sets: Record<string, TypeSet> = {};
  for (const name of names) sets[name] = buildTypeSet(decls, name, abis);
  return tablesFileOf(sets);
}

/** stringifyTables prints a TablesFile as `typedc tables` writes it: 2-space JSON and a final newline. */
export function stringifyTables(file: TablesFile): string {
  return JSON.stringify(file, null, 2) + "\n";
}

// parseText turns JSON text into a value, naming the file format in the error.
function parseText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new TableFormatError(`tables JSON is not valid JSON: ${(e as Error).message}`);
  }
}

/**
 * parseTablesJson reads a TablesFile from JSON text or an already-parsed object,
 * checking the envelope, every table's shape (see validateTable), that each table sits
 * under its own format's key, and that each stored hash matches the content. It throws
 * TableFormatError with the path of what is wrong (`types.Task["x86_64-linux"].types[2].byteSize: ...`).
 */
export function parseTablesJson(input: string | object): TablesFile {
  const value = typeof input === "string" ? parseText(input) : input;
  const file = expectObject(value, "tables JSON", ["typedc", "version", "types"]);
  if (file.typedc !== "tables") throw new TableFormatError(`tables JSON: "typedc" must be "tables", got ${JSON.stringify(file.typedc)}`);
  if (file.version !== 1) throw new TableFormatError(`tables JSON: version ${JSON.stringify(file.version)} is not supported (expected 1)`);
  const decls = expectObject(file.types, "types");
  const types: Record<string, TypeSet> = {};
  for (const [declName, rawSet] of Object.entries(decls)) {
    const setWhere = `types[${JSON.stringify(declName)}]`;
    const set: Partial<Record<AbiId, TypeTable>> = {};
    for (const [abi, rawTable] of Object.entries(expectObject(rawSet, setWhere))) {
      const where = `${setWhere}[${JSON.stringify(abi)}]`;
      if (!isAbiId(abi)) throw new TableFormatError(`${where}: unknown format ${JSON.stringify(abi)}`);
      const table = validateTable(rawTable, where);
      if (table.format !== abi) throw new TableFormatError(`${where}.format: the table is for ${table.format}, not ${abi}`);
      const actual = hashTable(table);
      if (actual !== table.hash) {
        throw new TableFormatError(`${where}.hash: stored ${table.hash} but the content hashes to ${actual} (the table was altered)`);
      }
      set[abi] = table;
    }
    types[declName] = set;
  }
  return tablesFileOf(types);
}
