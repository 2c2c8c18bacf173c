/**
 * at: `__typed.at<T>(memory, byteOffset, { format, type })` views memory that has
 * no directory (a file written by C, wasm linear memory, a network packet; SPEC §3).
 * The format is the caller's statement of how the bytes were laid out; nothing is
 * published or checked against a directory. Pointers stored in the memory are byte
 * offsets into it (for a wasm memory, the wasm pointer itself).
 */
import type { TypeTable } from "@typedc/core";
import { AccessMessages, describeValue, formatError, rangeError } from "./checks.js";
import { bindView } from "./bind.js";
import { resolveFormat, type FormatChoice, type TypeSetInput } from "./policy.js";
import type { Region } from "./region.js";
import type { Strategy } from "./view-state.js";
import { TypedFormatError } from "./errors.js";
import { MemoryMessages as M, memoryError } from "./memory-errors.js";

/** AtTarget is any memory `at` can view. */
export type AtTarget = ArrayBufferLike | ArrayBufferView | WebAssembly.Memory;

/** AtOptions: the format of the bytes, the type (a type set or one table), and an optional element count. */
export interface AtOptions {
  readonly format?: FormatChoice;
  /** Filled in by the typedc compilers from the `__typed<T>` annotation; plain JavaScript passes it (from `loadTypes`). */
  readonly type?: TypeSetInput | TypeTable;
  /** View `count` consecutive objects as an array. */
  readonly count?: number;
  readonly strategy?: Strategy;
  /** Root of access paths in errors (default: the type name). */
  readonly name?: string;
}

/** bytesOf returns the bytes of a target: a whole buffer or memory, or exactly a view's range. */
export function bytesOf(target: AtTarget): Uint8Array {
  if (typeof WebAssembly !== "undefined" && target instanceof WebAssembly.Memory) return new Uint8Array(target.buffer);
  if (ArrayBuffer.isView(target)) return new Uint8Array(target.buffer, target.byteOffset, target.byteLength);
  const isBuffer = target instanceof ArrayBuffer || (typeof SharedArrayBuffer !== "undefined" && target instanceof SharedArrayBuffer);
  if (isBuffer) return new Uint8Array(target);
  throw rangeError(AccessMessages.UnknownTarget, [describeValue(target)]);
}

function isTable(type: TypeSetInput | TypeTable): type is TypeTable {
  return typeof (type as TypeTable).format === "string" && Array.isArray((type as TypeTable).types);
}

/** tableFor picks the table of `type` for `format` (a table given directly must be for that format). */
function tableFor(type: TypeSetInput | TypeTable | undefined, format: FormatChoice | undefined): TypeTable {
  if (typeof type !== "object" || type === null) {
    throw memoryError(TypedFormatError, M.Option_0_must_be_1_got_2, ["type", "a type set or a type table (compile with typedc, or pass one from loadTypes)", String(type)]);
  }
  if (!isTable(type)) return resolveFormat(format, type).table;
  if (format !== undefined && typeof format === "string" && format !== "host" && format !== type.format) {
    throw formatError(AccessMessages.TableFormatMismatch, [type.types[type.root]?.name, type.format, format]);
  }
  return type;
}

/**
 * at returns a view of T (or of `count` Ts) at `byteOffset` of `target`, in `format`.
 * An ArrayBufferView (a Node Buffer included) counts from its own byteOffset; a
 * WebAssembly.Memory is viewed through its current buffer (call `at` again after
 * `memory.grow`, which replaces it). The object must fit (else TypedBoundsError).
 */
export function at(target: AtTarget, byteOffset: number, options: AtOptions): any {
  const table = tableFor(options.type, options.format);
  const bytes = bytesOf(target);
  const rootSize = table.types[table.root]!.byteSize;
  const byteLength = options.count === undefined ? rootSize : rootSize * options.count;
  const region: Region = { bytes, byteOffset, byteLength, addressBase: 0 };
  return bindView(table, region, { count: options.count, strategy: options.strategy, name: options.name });
}
