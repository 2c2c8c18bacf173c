/**
 * directory-fuzz: random corruption of a TypedMemory directory (header, entries and
 * table region, sealed and unsealed words alike), then an attach. Every outcome must be
 * a successful, unchanged attach or a TypedError (never a TypeError, a RangeError, an
 * assert or a hang), and a corruption that touched a published entry or its table must
 * be a TypedIntegrityError for that name (SPEC §4: "an attacher that finds it altered
 * throws TypedIntegrityError").
 *
 *   npx tsx scripts/fuzz/directory-fuzz.ts [iterations=20000] [seed=1]
 *
 * test/runtime-memory-fuzz.test.ts runs the same driver with fewer iterations.
 */
import { ABI_IDS, ABIS, buildTable, type CType, type DeclSet, type TypeSet } from "../../packages/core/src/index.js";
import { TypedError, TypedIntegrityError } from "../../packages/runtime/src/errors.js";
import { TypedMemory } from "../../packages/runtime/src/memory.js";
import { __typed } from "../../packages/runtime/src/attach.js";
import { ENTRY } from "../../packages/runtime/src/directory-format.js";

const sc = (name: string): CType => ({ kind: "scalar", name }) as CType;
const DECLS: DeclSet = {
  types: {
    Rec: {
      kind: "record",
      name: "Rec",
      record: { kind: "struct", packed: false, fields: [{ name: "a", type: sc("i32") }, { name: "b", type: sc("c_long") }, { name: "c", type: sc("u64") }] },
    },
  },
};
const TYPES: TypeSet = Object.fromEntries(ABI_IDS.map((abi) => [abi, buildTable(DECLS, "Rec", ABIS[abi])]));
const NAMES = ["alpha", "beta", "gamma", "delta"];

/** FuzzResult counts the outcomes of a run. */
export interface FuzzResult {
  readonly attached: number;
  readonly integrityErrors: number;
  readonly otherTypedErrors: number;
}

// xorshift32: a small deterministic PRNG, so a failing seed can be replayed.
function rng(seed: number): () => number {
  let x = seed | 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

/** fuzzDirectory corrupts a directory `iterations` times and checks each attach; it throws on the first violation. */
export function fuzzDirectory(iterations: number, seed = 1): FuzzResult {
  const random = rng(seed);
  const memory = TypedMemory.create({ bytes: 1 << 16, entryCapacity: 8, tableRegionByteLength: 8192 });
  NAMES.forEach((name, i) => (__typed(name, { memory, type: TYPES, format: ABI_IDS[i * 3]! }).a = i + 1));
  const directoryByteLength = memory.directory.byteLength;
  const bytes = new Uint8Array(memory.buffer);
  const pristine = bytes.slice(0, directoryByteLength);
  // The sealed ranges of each name: its entry and its table.
  const sealed = NAMES.map((name) => {
    const { index } = memory.directory.find(name)!;
    const entry = memory.directory.read(index);
    const entryAt = memory.directory.entryByteOffset(index);
    return [[entryAt, entryAt + ENTRY.byteSize], [entry.tableOffset, entry.tableOffset + entry.tableByteLength]] as const;
  });
  let attached = 0;
  let integrityErrors = 0;
  let otherTypedErrors = 0;
  for (let iteration = 0; iteration < iterations; iteration++) {
    bytes.set(pristine, 0);
    const flips = 1 + Math.floor(random() * 3);
    const touched: number[] = [];
    for (let f = 0; f < flips; f++) {
      const at = Math.floor(random() * directoryByteLength);
      bytes[at] ^= 1 + Math.floor(random() * 255);
      touched.push(at);
    }
    const which = Math.floor(random() * NAMES.length);
    const name = NAMES[which]!;
    const mustFail = touched.some((at) => sealed[which]!.some(([start, end]) => at >= start && at < end));
    try {
      const view = __typed(name, { memory: TypedMemory.from(memory.buffer), type: TYPES, create: "never" });
      if (mustFail) throw new Error(`seed ${seed} iteration ${iteration}: a corrupted '${name}' (bytes ${touched}) attached`);
      if (view.a !== which + 1) throw new Error(`seed ${seed} iteration ${iteration}: '${name}' attached with a = ${view.a}`);
      attached++;
    } catch (error) {
      if (error instanceof TypedIntegrityError) integrityErrors++;
      else if (error instanceof TypedError && !mustFail) otherTypedErrors++;
      else throw error instanceof TypedError ? new Error(`seed ${seed} iteration ${iteration}: ${error.message} instead of TypedIntegrityError`) : error;
    }
  }
  bytes.set(pristine, 0);
  return { attached, integrityErrors, otherTypedErrors };
}

if (process.argv[1]?.endsWith("directory-fuzz.ts")) {
  const iterations = Number(process.argv[2] ?? 20000);
  const seed = Number(process.argv[3] ?? 1);
  console.log(fuzzDirectory(iterations, seed));
}
