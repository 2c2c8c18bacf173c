import type { ScalarName } from "../ir/ctype.js";
import type { AbiId } from "./ids.js";

/** Encoding is how a scalar's bytes are read (DWARF DW_ATE_* names, SPEC §6). */
export type Encoding =
  | "signed"
  | "unsigned"
  | "signed_char"
  | "unsigned_char"
  | "float"
  | "boolean"
  | "address";

/** ScalarSpec is one scalar type in one ABI. */
export interface ScalarSpec {
  readonly byteSize: number;
  /** Alignment of the type as a struct member (e.g. 4 for `double` on i386-linux). */
  readonly byteAlign: number;
  readonly encoding: Encoding;
}

/**
 * AbiSpec is everything the layout engine, the table builder and the runtime need to
 * know about one data format. One row per ABI in `abis.ts`; code never branches on
 * the ABI id, only on these facts. Rule names (`bitfields`, `enums`) select a strategy.
 */
export interface AbiSpec {
  readonly id: AbiId;
  readonly triple: string;
  readonly endian: "little" | "big";
  /** LLVM data layout string of the target, for reference and for `typedc formats`. */
  readonly dataLayout: string;
  readonly scalars: Readonly<Record<ScalarName, ScalarSpec>>;
  readonly pointer: ScalarSpec;
  /** Bit-field allocation rules: SysV/psABI (GCC/Clang) or MSVC. */
  readonly bitfields: "sysv" | "ms";
  /** Enum representation: "gcc" (unsigned int when no enumerator is negative, else int) or "msvc" (always int). */
  readonly enums: "gcc" | "msvc";
  /** AAPCS/AArch64: a zero-width bit-field (or unnamed bit-field) raises the record's alignment to its type's. */
  readonly zeroWidthBitfieldAlignsRecord: boolean;
  /**
   * Largest `_Atomic` object (bytes) whose size clang rounds up to a power of two and whose
   * alignment it raises to that size (ASTContext::getTypeInfo, TargetInfo::MaxAtomicPromoteWidth:
   * `_Atomic long long` is 8-aligned on i386). Absent: 8.
   */
  readonly maxAtomicPromoteByteSize?: number;
  /** For a `unifiedAbi(...)` row: the ABIs it was merged from (its `id` is the first of them). */
  readonly unifiedOf?: readonly AbiId[];
}
