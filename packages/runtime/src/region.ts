/**
 * Region: the bytes a binding may touch. The memory (`bytes`) is what pointers
 * address; the area (`byteOffset`, `byteLength`) is what the bound object
 * occupies and what every access is checked against (SPEC §4).
 */
import { AccessMessages, boundsError } from "./checks.js";

/** Region is an area inside a memory, as TypedMemory, `at` and pointer reads hand it to `bindView`. */
export interface Region {
  /** The whole memory: pointers stored in it address these bytes. */
  readonly bytes: Uint8Array;
  /** Start of the area, in bytes from `bytes[0]`. */
  readonly byteOffset: number;
  /** Length of the area in bytes. */
  readonly byteLength: number;
  /**
   * The pointer value that addresses `bytes[0]` (default 0): a `ptr<T>` holding
   * `p` points at `bytes[p - addressBase]`. For a wasm memory or a TypedMemory
   * pointers are byte offsets into the memory, so it is 0.
   */
  readonly addressBase?: number;
}

/** checkRegion throws TypedBoundsError unless the area lies inside its memory. */
export function checkRegion(region: Region): void {
  const { byteOffset, byteLength, bytes } = region;
  const ok = Number.isInteger(byteOffset) && Number.isInteger(byteLength) && byteOffset >= 0 && byteLength >= 0 && byteOffset + byteLength <= bytes.byteLength;
  if (!ok) throw boundsError(AccessMessages.RegionOutOfMemory, [byteLength, byteOffset, bytes.byteLength]);
}
