/**
 * read-armv7.ts — reads a file written by a 32-bit ARM C program, in place.
 *
 * fixtures/interop/armv7-linux/records.bin is the memory image of `struct Rec recs[5]`
 * from interop/producers/records.c, built with arm-linux-gnueabihf-gcc and run under
 * qemu-arm (docs/interop.md). Its declarations are interop/producers/records.ts; the
 * armv7 table is examples/records-armv7.tables.json
 * (`npx typedc tables interop/producers/records.ts --type Rec --format armv7-linux --out examples/records-armv7.tables.json`).
 *
 *   npx tsx examples/read-armv7.ts
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { __typed, bindView, loadTypes, readCString, sizeof } from "@typedc/runtime";
import type { array, __typed as Typed } from "@typedc/runtime";
import type { Rec } from "../interop/producers/records";

const root = path.join(__dirname, "..");
const types = loadTypes(readFileSync(path.join(__dirname, "records-armv7.tables.json"), "utf8"));
const file = readFileSync(path.join(root, "fixtures/interop/armv7-linux/records.bin"));

// View the file's bytes as 5 records laid out for armv7-linux: no parsing, no copy.
const recs: Typed<array<Rec, 5>> = __typed.at(file, 0, { type: types.Rec!, format: "armv7-linux", count: 5 });
console.log(`${file.byteLength} bytes = ${recs.length} × sizeof(Rec) ${sizeof(recs[0])} (armv7-linux)`);
for (const r of recs) {
  // `c` is plain char: unsigned on ARM; `lg` is a 4-byte long; `wide` is a 40-bit bit-field (a bigint); `pk` a packed struct.
  console.log(JSON.stringify({ id: r.id, c: r.c, lg: r.lg, d: r.d, wc: r.wc, wide: String(r.bits.wide), packed: r.pk.value, name: readCString(r.name) }));
}

// `next` holds the producer's real addresses; records.json says where recs[0] was (`base`).
// A region whose addressBase is that address lets the runtime follow the pointers, bounds-checked.
const { base } = JSON.parse(readFileSync(path.join(root, "fixtures/interop/armv7-linux/records.json"), "utf8")) as { base: number };
const linked: Typed<array<Rec, 5>> = bindView(types.Rec!["armv7-linux"]!, { bytes: file, byteOffset: 0, byteLength: file.byteLength, addressBase: base }, { count: 5 });
const chain: number[] = [];
for (let r: Typed<Rec> | null = linked[0]!; r !== null; r = r.next) chain.push(r.id);
console.log(`next chain from record 0: ${chain.join(" -> ")}`);
