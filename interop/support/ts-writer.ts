/**
 * ts-writer.ts — the TypeScript side of the TS → C direction: writes a producer's
 * records in one format with the typedc runtime, for interop/consumers/check.c.
 */
// Sources, not the packages' dist/: scripts run with tsx need no build (vitest aliases resolve to the same files).
import { ABIS, buildTypeSet, type AbiId, type DeclSet } from "../../packages/core/src/index.js";
import { at } from "../../packages/runtime/src/index.js";
import { writeRecords, type JsonValue } from "./view-paths.js";

/**
 * writeTsRecords returns the bytes of `records` laid out as `Rec` in `abi` by the
 * runtime's `__typed.at`: padding zero, `next` pointers as offsets from the start
 * of the file (check.c's base 0).
 */
export function writeTsRecords(decls: DeclSet, abi: AbiId, records: readonly Record<string, JsonValue>[]): Uint8Array {
  const type = buildTypeSet(decls, "Rec", [ABIS[abi]]);
  const recordSize = type[abi]!.types[type[abi]!.root]!.byteSize;
  const bytes = new Uint8Array(records.length * recordSize);
  writeRecords(at(bytes, 0, { format: abi, type, count: records.length }), records);
  return bytes;
}
