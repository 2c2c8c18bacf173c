import { isAbiId } from "@typedc/core";
import type { AbiId, TypeSet, TypeTable } from "@typedc/core";
import { TypedFormatError } from "./errors.js";
import { MemoryMessages as M, memoryError } from "./memory-errors.js";

/** FormatPolicy lets the creator pick a format at run time among several (SPEC §3). */
export interface FormatPolicy {
  readonly policy: "smallest" | "fastest" | "unified";
  readonly among: readonly AbiId[];
}

/** FormatChoice is what `format` accepts: an ABI id, "host", or a policy. */
export type FormatChoice = AbiId | "host" | FormatPolicy;

/**
 * TypeSetInput is the `type` option: the type set the compiler passes (one table per
 * format), optionally with the table of T in the unified format under `unified`
 * (the runtime has no declarations, so it cannot lay T out itself: the compiler or
 * `loadTypes` must provide that table when policy "unified" is used).
 */
export type TypeSetInput = TypeSet & { readonly unified?: TypeTable };

/** ResolvedFormat is a chosen format: the id published in the directory and the table of T in it. */
export interface ResolvedFormat {
  readonly formatId: string;
  readonly table: TypeTable;
}

/** UNIFIED_FORMAT_ID is the format id published for an area created with policy "unified". */
export const UNIFIED_FORMAT_ID = "unified";

/**
 * HOST_ABIS maps Node's `process.arch` and `process.platform` to the C ABI of the
 * running platform. Read only when a `process` global exists (no Node import: the
 * runtime also runs in browsers); elsewhere the host is assumed to be x86_64-linux on
 * a little-endian machine and s390x-linux on a big-endian one (docs/runtime.md).
 */
const HOST_ABIS: Readonly<Record<string, Readonly<Record<string, AbiId>>>> = {
  x64: { default: "x86_64-linux", win32: "x86_64-windows" },
  arm64: { default: "aarch64-linux" },
  ia32: { default: "i386-linux" },
  arm: { default: "armv7-linux" },
  riscv64: { default: "riscv64-linux" },
  ppc64: { default: "ppc64le-linux" },
  s390x: { default: "s390x-linux" },
  mips: { default: "mips-linux" },
};

/** hostAbi returns the ABI id "host" stands for on this platform. */
export function hostAbi(): AbiId {
  const proc = (globalThis as { process?: { arch?: unknown; platform?: unknown } }).process;
  const byArch = typeof proc?.arch === "string" ? HOST_ABIS[proc.arch] : undefined;
  if (byArch) return byArch[String(proc?.platform)] ?? byArch["default"]!;
  return hostLittleEndian() ? "x86_64-linux" : "s390x-linux";
}

/** hostLittleEndian tells the byte order of the running platform. */
export function hostLittleEndian(): boolean {
  return new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
}

/** resolveFormat picks the format `choice` names and returns T's table in it from `typeSet`. */
export function resolveFormat(choice: FormatChoice | undefined, typeSet: TypeSetInput): ResolvedFormat {
  const format = choice ?? "host";
  if (typeof format === "string") return exactFormat(format === "host" ? hostAbi() : format, typeSet);
  if (typeof format !== "object" || format === null || !Array.isArray(format.among) || format.among.length === 0) {
    throw memoryError(TypedFormatError, M.Unknown_format_0_Use_an_ABI_id_host_or_policy_among, [JSON.stringify(format)]);
  }
  const candidates = format.among.map((abi) => exactFormat(abi, typeSet));
  switch (format.policy) {
    case "smallest":
      return smallest(candidates);
    case "fastest":
      return fastest(candidates);
    case "unified":
      return unified(format.among, typeSet);
    default:
      throw memoryError(TypedFormatError, M.Unknown_format_0_Use_an_ABI_id_host_or_policy_among, [JSON.stringify(format)]);
  }
}

// exactFormat returns the table of an ABI id from the type set.
function exactFormat(abi: string, typeSet: TypeSetInput): ResolvedFormat {
  if (!isAbiId(abi)) throw memoryError(TypedFormatError, M.Unknown_format_0_Use_an_ABI_id_host_or_policy_among, [abi]);
  const table = typeSet[abi];
  if (!table) throw memoryError(TypedFormatError, M.The_type_set_has_no_table_for_format_0, [abi]);
  return { formatId: abi, table };
}

// smallest: the smallest sizeof(T); on a tie the format listed first in `among`.
function smallest(candidates: readonly ResolvedFormat[]): ResolvedFormat {
  return candidates.reduce((best, c) => (rootByteSize(c.table) < rootByteSize(best.table) ? c : best));
}

// fastest: the host's own format (no morphing, native atomics) if it is among the
// candidates; else the first with the host's byte order and natural alignment (every
// scalar aligned to its size: no split loads); else the first with the host's byte order;
// else the first listed.
function fastest(candidates: readonly ResolvedFormat[]): ResolvedFormat {
  const host = hostAbi();
  const hostEndian = hostLittleEndian() ? "little" : "big";
  return (
    candidates.find((c) => c.formatId === host) ??
    candidates.find((c) => c.table.endian === hostEndian && naturallyAligned(c.table)) ??
    candidates.find((c) => c.table.endian === hostEndian) ??
    candidates[0]!
  );
}

// unified: the table the compiler built for unifiedAbi(among) (see TypeSetInput).
function unified(among: readonly AbiId[], typeSet: TypeSetInput): ResolvedFormat {
  const table = typeSet.unified;
  if (!table) throw memoryError(TypedFormatError, M.The_type_set_has_no_unified_table_policy_unified_needs_type_unified_built_with_unifiedAbi_over_0, [among.join(", ")]);
  return { formatId: UNIFIED_FORMAT_ID, table };
}

function rootByteSize(table: TypeTable): number {
  return table.types[table.root]!.byteSize;
}

// naturallyAligned: every scalar (base, enum, pointer) has alignment == size.
function naturallyAligned(table: TypeTable): boolean {
  return table.types.every((t) => {
    const scalar = t.tag === "base_type" || t.tag === "enumeration_type" || t.tag === "pointer_type";
    return !scalar || t.alignment === t.byteSize;
  });
}
