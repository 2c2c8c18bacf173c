import { ABIS } from "../abi/abis.js";
import { ABI_IDS } from "../abi/ids.js";
import type { ScalarName } from "./ctype.js";

/** INTEGER_ENCODINGS are the encodings of integer types (DWARF DW_ATE_*), `_Bool` included. */
const INTEGER_ENCODINGS: ReadonlySet<string> = new Set(["signed", "unsigned", "signed_char", "unsigned_char", "boolean"]);

/**
 * bitFieldLimitOf is the widest bit-field a scalar can hold in every one of the 12 formats,
 * or null when it is not an integer type. C11 6.7.2.1p4: the width may not exceed the width of
 * the type, which for `_Bool` is 1. The narrowest format decides (`c_long` holds 32 on i386,
 * armv7 and Windows), so that a declaration can be laid out for every format the build targets;
 * the facts come from the ABI tables (abi/abis.ts), not from this file.
 */
export function bitFieldLimitOf(name: ScalarName): number | null {
  const specs = ABI_IDS.map((id) => ABIS[id].scalars[name]);
  if (!specs.every((spec) => INTEGER_ENCODINGS.has(spec.encoding))) return null;
  if (specs.some((spec) => spec.encoding === "boolean")) return 1;
  return Math.min(...specs.map((spec) => spec.byteSize * 8));
}

/** ENUM_BIT_WIDTH is the width of an enum's compatible type in every format: `int` or `unsigned int` (checkDecls keeps values in 32 bits). */
export const ENUM_BIT_WIDTH = 32;

/** isAtomicScalar tells whether `atomic<T>` is allowed on a scalar: integer types, not `bool` or floats (SPEC §2). */
export function isAtomicScalar(name: ScalarName): boolean {
  return bitFieldLimitOf(name) !== null && name !== "bool";
}
