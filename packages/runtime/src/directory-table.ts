import { decodeTable, tableHashMatches } from "@typedc/core";
import type { TypeTable } from "@typedc/core";
import type { PublishedEntry } from "./directory.js";
import { TypedIntegrityError } from "./errors.js";
import { MemoryMessages as M, memoryError } from "./memory-errors.js";

/**
 * publishedTable decodes the table of a verified directory entry and checks its own
 * content hash (SPEC §4: "a format description published in shared memory is sealed
 * with a hash"); any failure is a TypedIntegrityError naming the area.
 */
export function publishedTable(entry: PublishedEntry): TypeTable {
  let table: TypeTable;
  try {
    table = decodeTable(entry.tableBytes);
  } catch (error) {
    throw memoryError(TypedIntegrityError, M.The_published_table_of_0_is_corrupt_1, [entry.name, (error as Error).message]);
  }
  if (!tableHashMatches(table)) {
    throw memoryError(TypedIntegrityError, M.The_published_table_of_0_is_corrupt_1, [entry.name, "its content does not match its hash"]);
  }
  const rootByteSize = table.types[table.root]?.byteSize ?? Infinity;
  if (rootByteSize > entry.areaByteLength) {
    throw memoryError(TypedIntegrityError, M.The_published_table_of_0_is_corrupt_1, [entry.name, `its type needs ${rootByteSize} bytes, the area has ${entry.areaByteLength}`]);
  }
  return table;
}
