/**
 * Runs clang-19 and llvm-dwarfdump-19: compiles one C source for one target
 * triple with DWARF 5 and returns the parsed debug info.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseDwarfDump, type DwarfUnit } from "./dwarf.js";

/** CLANG and DWARFDUMP name the tools (override with $CLANG / $DWARFDUMP). */
export const CLANG = process.env.CLANG ?? "clang-19";
export const DWARFDUMP = process.env.DWARFDUMP ?? "llvm-dwarfdump-19";

/**
 * CLANG_FLAGS: C11 with GNU attributes, DWARF 5 (DW_AT_data_bit_offset for bit-fields),
 * and every declared type in the debug info even if no object uses it.
 */
export const CLANG_FLAGS = ["-std=gnu11", "-c", "-g", "-gdwarf-5", "-O0", "-fno-eliminate-unused-debug-types", "-w"];

/** compileDwarf compiles `source` for `triple` in `workDir` and returns its debug info. */
export function compileDwarf(source: string, triple: string, workDir: string): DwarfUnit {
  mkdirSync(workDir, { recursive: true });
  const cFile = join(workDir, "oracle.c");
  const objFile = join(workDir, `${triple}.o`);
  writeFileSync(cFile, source);
  try {
    execFileSync(CLANG, [`--target=${triple}`, ...CLANG_FLAGS, cFile, "-o", objFile], { stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    const stderr = (e as { stderr?: Buffer }).stderr?.toString() ?? String(e);
    throw new Error(`${CLANG} --target=${triple} failed on ${cFile}:\n${stderr}`);
  }
  const dump = execFileSync(DWARFDUMP, ["--debug-info", objFile], { maxBuffer: 256 << 20 }).toString();
  return parseDwarfDump(dump);
}
