/**
 * elf.ts — the ELF file and program headers (System V gABI, <elf.h>) as typedc
 * declarations. Their fields have fixed sizes; the byte order is the file's
 * (e_ident[EI_DATA]), so a reader picks a format with that byte order:
 * armv7-linux for ELF32 little-endian, mips-linux for ELF32 big-endian,
 * aarch64-linux / x86_64-linux for ELF64 little-endian, s390x-linux for ELF64 big-endian.
 */
import type { u8, u16, u32, u64, array } from "@typedc/runtime";

/** Elf32_Ehdr is the ELF32 file header (52 bytes). */
export interface Elf32_Ehdr {
  e_ident: array<u8, 16>;
  e_type: u16;
  e_machine: u16;
  e_version: u32;
  e_entry: u32;
  e_phoff: u32;
  e_shoff: u32;
  e_flags: u32;
  e_ehsize: u16;
  e_phentsize: u16;
  e_phnum: u16;
  e_shentsize: u16;
  e_shnum: u16;
  e_shstrndx: u16;
}

/** Elf64_Ehdr is the ELF64 file header (64 bytes). */
export interface Elf64_Ehdr {
  e_ident: array<u8, 16>;
  e_type: u16;
  e_machine: u16;
  e_version: u32;
  e_entry: u64;
  e_phoff: u64;
  e_shoff: u64;
  e_flags: u32;
  e_ehsize: u16;
  e_phentsize: u16;
  e_phnum: u16;
  e_shentsize: u16;
  e_shnum: u16;
  e_shstrndx: u16;
}

/** Elf32_Phdr is an ELF32 program header (32 bytes). */
export interface Elf32_Phdr {
  p_type: u32;
  p_offset: u32;
  p_vaddr: u32;
  p_paddr: u32;
  p_filesz: u32;
  p_memsz: u32;
  p_flags: u32;
  p_align: u32;
}

/** Elf64_Phdr is an ELF64 program header (56 bytes): p_flags moves up to keep the u64s aligned. */
export interface Elf64_Phdr {
  p_type: u32;
  p_flags: u32;
  p_offset: u64;
  p_vaddr: u64;
  p_paddr: u64;
  p_filesz: u64;
  p_memsz: u64;
  p_align: u64;
}
