/**
 * The generated 200-file tree of the build benchmarks (build-200.ts for tsc, babel-200.ts
 * for Babel): every file declares a struct, binds a typed area and accesses it; one in
 * four imports another file's typed binding. With `typedEvery` > 1 only every n-th file
 * is typed, the others plain TypeScript of the same size.
 */
import { mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const FILES = 200;

/** plainSource is a file of the same shape without C types. */
function plainSource(k: number): string {
  return `export interface Item${k} { id: number; kind: number; weight: number; stamp: bigint; size: number; tags: number[]; next: Item${k} | null }
const area${k}: Item${k}[] = Array.from({ length: 64 }, () => ({ id: 0, kind: 0, weight: 0, stamp: 0n, size: 0, tags: [0, 0, 0, 0], next: null }));
export function fill${k}(n: number) {
  for (let i = 0; i < n; i++) {
    area${k}[i].id = i;
    area${k}[i].weight += 0.5;
    area${k}[i].tags[i & 3] = i;
  }
  let sum = 0;
  for (const it of area${k}) sum += it.id + it.kind;
  return sum;
}
export function link${k}(a: Item${k}, b: Item${k}) {
  a.next = b;
  return a.next!.id;
}
`;
}

function source(k: number, typedEvery: number): string {
  if (k % typedEvery !== 0) return plainSource(k);
  const other = k >= 4 && k % 4 === 0 && (k - 4) % typedEvery === 0 ? `import { area${k - 4} } from "./f${k - 4}";\n` : "";
  const use = other === "" ? "" : `export function peek${k}() { return area${k - 4}[0].id; }\n`;
  return `import { __typed, TypedMemory } from "@typedc/runtime";
import type { i32, u16, f64, u64, c_long, array, ptr } from "@typedc/runtime";
${other}
export interface Item${k} { id: i32; kind: u16; weight: f64; stamp: u64; size: c_long; tags: array<u16, 4>; next: ptr<Item${k}> }
const mem = TypedMemory.create({ bytes: 1 << 20 });
export const area${k}: __typed<array<Item${k}, 64>> = __typed("area${k}", { memory: mem, format: "x86_64-linux" });
export function fill${k}(n: number) {
  for (let i = 0; i < n; i++) {
    area${k}[i].id = i;
    area${k}[i].weight += 0.5;
    area${k}[i].tags[i & 3] = i;
  }
  let sum = 0;
  for (const it of area${k}) sum += it.id + it.kind;
  return sum;
}
export function link${k}(a: __typed<Item${k}>, b: __typed<Item${k}>) {
  a.next = b;
  return a.next!.id;
}
${use}`;
}

/** writeTree200 writes the tree into a fresh temporary folder (its node_modules linked to the workspace's) and returns the folder and the file names. */
export function writeTree200(prefix: string, typedEvery = 1): { dir: string; files: string[] } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  symlinkSync(join(__dirname, "..", "..", "node_modules"), join(dir, "node_modules"), "dir");
  const files: string[] = [];
  for (let k = 0; k < FILES; k++) {
    const file = join(dir, `f${k}.ts`);
    writeFileSync(file, source(k, typedEvery));
    files.push(file);
  }
  return { dir, files };
}
