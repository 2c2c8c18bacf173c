/**
 * types.ts — the type sets of the demo's structs, loaded from demo/tables.json
 * (`typedc tables demo/src/kernel-types.ts --format all`) with the runtime's loadTypes.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { loadTypes } from "@typedc/runtime";
import type { TypeSet } from "@typedc/core";

/** TABLES_PATH is the committed tables document (test/demo.test.ts checks it is up to date). */
export const TABLES_PATH = path.join(__dirname, "..", "tables.json");

/** DemoTypes are the type sets of the four shared structs, one table per format. */
export interface DemoTypes {
  readonly Task: TypeSet;
  readonly PerfUnit: TypeSet;
  readonly RunQueue: TypeSet;
  readonly SchedStats: TypeSet;
}

/** loadDemoTypes reads and verifies (hashes) the committed tables. */
export function loadDemoTypes(): DemoTypes {
  const sets = loadTypes(readFileSync(TABLES_PATH, "utf8"));
  const pick = (name: keyof DemoTypes): TypeSet => {
    const set = sets[name];
    if (!set) throw new Error(`assert: ${TABLES_PATH} has no tables of ${name}`);
    return set;
  };
  return { Task: pick("Task"), PerfUnit: pick("PerfUnit"), RunQueue: pick("RunQueue"), SchedStats: pick("SchedStats") };
}

/** sizeofIn is sizeof(T) in a format: what code built for that format would use as a constant. */
export function sizeofIn(set: TypeSet, format: string): number {
  const table = set[format as keyof TypeSet];
  if (!table) throw new Error(`assert: no table for ${format}`);
  return table.types[table.root]!.byteSize;
}
