/**
 * write-ts.ts — writes the producers' records in each producer format (default: all
 * seven) with the typedc runtime, to fixtures/interop/from-ts/<abi>/records.bin,
 * for interop/consumers/check.c to verify under qemu (scripts/interop/ts-roundtrip.sh).
 *
 * usage: npx tsx scripts/interop/write-ts.ts [abi...]
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { ts } from "ts-morph";
import { isAbiId } from "../../packages/core/src/index.js";
import { extractFromFiles } from "../../packages/tsc-plugin/src/index.js";
import { writeTsRecords } from "../../interop/support/ts-writer.js";

const root = new URL("../../", import.meta.url);
const abis = process.argv.length > 2 ? process.argv.slice(2) : ["x86_64-linux", "aarch64-linux", "i386-linux", "armv7-linux", "riscv64-linux", "s390x-linux", "mips-linux"];
const extracted = extractFromFiles(ts as never, [new URL("interop/producers/records.ts", root).pathname]);
if (extracted.diagnostics.length > 0) throw new Error(JSON.stringify(extracted.diagnostics));
for (const abi of abis) {
  if (!isAbiId(abi)) throw new Error(`unknown ABI id '${abi}'`);
  // The values are the C values for this ABI (plain char and wchar_t differ by signedness).
  const produced = JSON.parse(readFileSync(new URL(`fixtures/interop/${abi}/records.json`, root), "utf8"));
  const bytes = writeTsRecords(extracted.value, abi, produced.records);
  const dir = new URL(`fixtures/interop/from-ts/${abi}/`, root);
  mkdirSync(dir, { recursive: true });
  writeFileSync(new URL("records.bin", dir), bytes);
  console.log(`${abi}: ${bytes.byteLength} bytes → fixtures/interop/from-ts/${abi}/records.bin`);
}
