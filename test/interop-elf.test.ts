/**
 * interop-elf: ELF headers written by real linkers for other ISAs (committed by
 * scripts/interop/elf-headers.sh), read through typedc declarations of
 * Elf32_Ehdr/Elf64_Ehdr/Elf*_Phdr (interop/elf/elf.ts) in a format whose byte
 * order is the file's, and compared with what binutils' readelf printed.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { ts } from "ts-morph";
import { describe, expect, it } from "vitest";
import { ABIS, buildTable, layoutJson, type AbiId } from "@typedc/core";
import { extractFromFiles } from "@typedc/tsc-plugin";
import { readPath } from "../interop/support/table-reader.js";

const ROOT = new URL("../", import.meta.url);
const extracted = extractFromFiles(ts as never, [new URL("interop/elf/elf.ts", ROOT).pathname]);
const decls = extracted.value;

// FORMAT_BY_IDENT picks a typedc format from e_ident[EI_CLASS] (1: ELF32, 2: ELF64) and
// e_ident[EI_DATA] (1: little-endian, 2: big-endian): any format of that byte order reads
// these fixed-size fields the same way.
const FORMAT_BY_IDENT: Record<string, AbiId> = { "1,1": "armv7-linux", "1,2": "mips-linux", "2,1": "x86_64-linux", "2,2": "s390x-linux" };

// P_TYPES maps readelf's segment type names to p_type values (gABI, GNU and ARM extensions).
const P_TYPES: Record<string, number> = {
  NULL: 0, LOAD: 1, DYNAMIC: 2, INTERP: 3, NOTE: 4, PHDR: 6, TLS: 7,
  GNU_EH_FRAME: 0x6474e550, GNU_STACK: 0x6474e551, GNU_RELRO: 0x6474e552, GNU_PROPERTY: 0x6474e553, EXIDX: 0x70000001,
};

/** headerFields parses `readelf -h` into the numeric Ehdr fields it prints. */
function headerFields(text: string): Record<string, number | bigint> {
  const value = (label: string) => {
    const m = new RegExp(`^\\s*${label}:\\s*(0x[0-9a-f]+|\\d+)`, "m").exec(text);
    if (!m) throw new Error(`readelf output has no '${label}'`);
    return m[1]!;
  };
  const magic = /Magic:\s+((?:[0-9a-f]{2} ){16})/.exec(text)![1]!.trim().split(" ").map((b) => parseInt(b, 16));
  return {
    ...Object.fromEntries(magic.map((b, i) => [`e_ident[${i}]`, b])),
    e_entry: BigInt(value("Entry point address")),
    e_phoff: BigInt(value("Start of program headers")),
    e_shoff: BigInt(value("Start of section headers")),
    e_flags: Number(value("Flags")),
    e_version: Number(value("Version")),
    e_ehsize: Number(value("Size of this header")),
    e_phentsize: Number(value("Size of program headers")),
    e_phnum: Number(value("Number of program headers")),
    e_shentsize: Number(value("Size of section headers")),
    e_shnum: Number(value("Number of section headers")),
    e_shstrndx: Number(value("Section header string table index")),
  };
}

/** segments parses the program header table of `readelf -lW`. */
function segments(text: string) {
  const rows = [...text.matchAll(/^\s{2}([A-Z_]+)\s+(0x[0-9a-f]+) (0x[0-9a-f]+) (0x[0-9a-f]+) (0x[0-9a-f]+) (0x[0-9a-f]+) ([RWE ]{3}) (0x[0-9a-f]+)$/gm)];
  return rows.map((m) => ({
    p_type: P_TYPES[m[1]!] ?? -1,
    p_offset: BigInt(m[2]!),
    p_vaddr: BigInt(m[3]!),
    p_paddr: BigInt(m[4]!),
    p_filesz: BigInt(m[5]!),
    p_memsz: BigInt(m[6]!),
    p_flags: (m[7]!.includes("R") ? 4 : 0) | (m[7]!.includes("W") ? 2 : 0) | (m[7]!.includes("E") ? 1 : 0),
    p_align: BigInt(m[8]!),
  }));
}

/** readHeader reads an ELF file's header and program headers through the typedc tables. */
function readHeader(bytes: Uint8Array) {
  const format = FORMAT_BY_IDENT[`${bytes[4]},${bytes[5]}`]!;
  const bits = bytes[4] === 1 ? 32 : 64;
  const ehdr = buildTable(decls, `Elf${bits}_Ehdr`, ABIS[format]);
  const phdr = buildTable(decls, `Elf${bits}_Phdr`, ABIS[format]);
  const wide = (v: unknown) => (typeof v === "number" ? BigInt(v) : v); // Elf32 addresses are u32: compare as bigint
  const header: Record<string, unknown> = {};
  for (let i = 0; i < 16; i++) header[`e_ident[${i}]`] = readPath(bytes, 0, ehdr, `e_ident[${i}]`);
  for (const f of ["e_version", "e_flags", "e_ehsize", "e_phentsize", "e_phnum", "e_shentsize", "e_shnum", "e_shstrndx"]) header[f] = readPath(bytes, 0, ehdr, f);
  for (const f of ["e_entry", "e_phoff", "e_shoff"]) header[f] = wide(readPath(bytes, 0, ehdr, f));
  const phoff = Number(header.e_phoff);
  const program = Array.from({ length: header.e_phnum as number }, (_, k) => {
    const at = phoff + k * (header.e_phentsize as number);
    const row: Record<string, unknown> = {};
    for (const f of ["p_type", "p_flags"]) row[f] = readPath(bytes, at, phdr, f);
    for (const f of ["p_offset", "p_vaddr", "p_paddr", "p_filesz", "p_memsz", "p_align"]) row[f] = wide(readPath(bytes, at, phdr, f));
    return row;
  });
  return { format, bits, header, program, sizes: { ehdr: ehdr.types[ehdr.root]!.byteSize, phdr: phdr.types[phdr.root]!.byteSize } };
}

it("elf.ts declares the four headers with their gABI sizes in every format", () => {
  expect(extracted.diagnostics).toEqual([]);
  for (const abi of ["x86_64-linux", "i386-linux", "armv7-linux", "s390x-linux", "mips-linux"] as const) {
    const layout = layoutJson(decls, ABIS[abi]);
    expect([layout.Elf32_Ehdr!.size, layout.Elf64_Ehdr!.size, layout.Elf32_Phdr!.size, layout.Elf64_Phdr!.size]).toEqual([52, 64, 32, 56]);
  }
});

describe.each(["armv7-linux", "aarch64-linux", "s390x-linux"])("%s executable header", (abi) => {
  const dir = new URL(`fixtures/interop/elf/${abi}/`, ROOT);
  const bytes = new Uint8Array(readFileSync(new URL("head.bin", dir)));
  const read = readHeader(bytes);

  it("reads the file header as readelf -h does", () => {
    expect(read.header).toEqual(headerFields(readFileSync(new URL("readelf-h.txt", dir), "utf8")));
    expect([read.header.e_ehsize, read.header.e_phentsize]).toEqual([read.sizes.ehdr, read.sizes.phdr]);
  });

  it("reads every program header as readelf -l does", () => {
    const expected = segments(readFileSync(new URL("readelf-l.txt", dir), "utf8"));
    expect(expected.length).toBe(read.header.e_phnum);
    expect(read.program).toEqual(expected);
  });
});

describe("this machine's /bin/ls", () => {
  const hasReadelf = (() => {
    try { execFileSync("readelf", ["--version"], { stdio: "ignore" }); return true; } catch { return false; }
  })();

  it.skipIf(!existsSync("/bin/ls") || !hasReadelf)("reads as readelf reads it", () => {
    const bytes = new Uint8Array(readFileSync("/bin/ls"));
    const read = readHeader(bytes);
    const env = { ...process.env, LC_ALL: "C" };
    expect(read.header).toEqual(headerFields(execFileSync("readelf", ["-h", "/bin/ls"], { env, encoding: "utf8" })));
    const expected = segments(execFileSync("readelf", ["-lW", "/bin/ls"], { env, encoding: "utf8" }));
    expect(expected.map((p) => p.p_type)).not.toContain(-1); // every segment type is one P_TYPES knows
    expect(expected.length).toBe(read.header.e_phnum);
    expect(read.program).toEqual(expected);
  });
});
