/**
 * Checks of SPEC §4: every address against the bound area, every index against
 * its array, every value against its field's format. The error texts are the
 * runtime's entries of the diagnostics catalog (codes 5101–5149,
 * packages/core/src/diagnostics/messages.json); `{0}`… are filled in here.
 */
import { TypedBoundsError, TypedFormatError, TypedIntegrityError, TypedProtectionError, TypedRangeError } from "./errors.js";

/** RuntimeMessage is one catalog entry this part of the runtime throws. */
export interface RuntimeMessage {
  readonly code: number;
  readonly message: string;
}

/** AccessMessages lists every message the accessors throw, by name (the catalog key is `message`). */
export const AccessMessages = {
  OutOfArea: { code: 5101, message: "Access of {0} bytes at byte {1} is outside the area of {2} bytes." },
  IndexOutOfRange: { code: 5102, message: "Index {0} is out of range for an array of {1} elements." },
  PointerOutOfMemory: { code: 5103, message: "Pointer {0} to '{1}' ({2} bytes) points outside the memory." },
  RegionOutOfMemory: { code: 5104, message: "Area of {0} bytes at byte {1} does not fit in a memory of {2} bytes." },
  DoesNotFit: { code: 5111, message: "Value {0} does not fit in '{1}' ({2})." },
  NotAnInteger: { code: 5112, message: "Value {0} is not an integer; '{1}' holds integers only." },
  WrongValueType: { code: 5113, message: "'{0}' takes a {1}, got {2}." },
  UnsafeRead: { code: 5114, message: "Value {0} read from {1}-byte '{2}' is not a safe integer." },
  InvalidBool: { code: 5115, message: "Byte value {0} of a '_Bool' is neither 0 nor 1." },
  StringTooLong: { code: 5116, message: "String of {0} UTF-8 bytes plus its NUL does not fit in '{1}' of {2} bytes." },
  UnknownMember: { code: 5117, message: "Typed object '{0}' has no member '{1}'." },
  ForeignPointer: { code: 5118, message: "A 'ptr<{0}>' takes a view of '{0}' in the same memory, or null; got {1}." },
  LengthMismatch: { code: 5119, message: "Cannot assign {0} elements to an array of {1} elements." },
  NotAView: { code: 5120, message: "{0} is not a typed view." },
  BitFieldOffset: { code: 5121, message: "'{0}' is a bit-field; offsetof needs a byte-aligned member." },
  ProtectedTable: { code: 5131, message: "The type table of a typed view can only be replaced by the allocator." },
  ProtectedView: { code: 5132, message: "Cannot set '{0}' on a typed view: it is not a member of '{1}'." },
  UncompiledAccess: { code: 5133, message: "'{0}' was {1} outside compiled code, and a compiled object has no accessors: typedc did not compile this access (the object came through an expression whose type it does not follow, or plain JavaScript got it). Annotate the function or variable it came from with '__typed<T>', or copy the object out with toPlain()." },
  TableFormatMismatch: { code: 5142, message: "The type table of '{0}' is for format '{1}', not '{2}'." },
  BadTablesJson: { code: 5143, message: "Not a typedc tables document: {0}." },
  TableAltered: { code: 5144, message: "A type table was altered: {0}." },
  NotCharArray: { code: 5146, message: "'{0}' is not an array of 1-byte characters." },
  NotAtomicMember: { code: 5147, message: "Member '{0}' of '{1}' is not an integer that Atomics can access." },
  UnknownTarget: { code: 5148, message: "Cannot view {0}; expected an ArrayBuffer, a SharedArrayBuffer, a WebAssembly.Memory or an ArrayBufferView." },
  FormatMismatch: { code: 5145, message: "Cannot copy '{0}' into '{1}': {2}." },
} as const satisfies Record<string, RuntimeMessage>;

/** formatText fills `{0}`, `{1}`, … of a catalog message. */
export function formatText(m: RuntimeMessage, args: readonly unknown[]): string {
  return m.message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));
}

/** PathLike is an access path, or a function that builds it only when an error is thrown. */
export type PathLike = string | (() => string) | undefined;

/** pathText evaluates a PathLike. */
export function pathText(path: PathLike): string | undefined {
  return typeof path === "function" ? path() : path;
}

/** describeValue spells a JS value for an error message (`1.5`, `300`, `12n`, `"x"`). */
export function describeValue(v: unknown): string {
  if (typeof v === "bigint") return `${v}n`;
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "number" && Object.is(v, -0)) return "-0";
  if (v !== null && typeof v === "object") return `an object (${Object.prototype.toString.call(v).slice(8, -1)})`;
  return String(v);
}

/** boundsError builds a TypedBoundsError with its path and location. */
export function boundsError(m: RuntimeMessage, args: readonly unknown[], path?: PathLike, location?: string): TypedBoundsError {
  return new TypedBoundsError(m.code, formatText(m, args), { path: pathText(path), location });
}

/** rangeError builds a TypedRangeError with its path and location. */
export function rangeError(m: RuntimeMessage, args: readonly unknown[], path?: PathLike, location?: string): TypedRangeError {
  return new TypedRangeError(m.code, formatText(m, args), { path: pathText(path), location });
}

/** protectionError builds a TypedProtectionError. */
export function protectionError(m: RuntimeMessage, args: readonly unknown[], path?: PathLike): TypedProtectionError {
  return new TypedProtectionError(m.code, formatText(m, args), { path: pathText(path) });
}

/** formatError builds a TypedFormatError. */
export function formatError(m: RuntimeMessage, args: readonly unknown[], differences: readonly string[] = []): TypedFormatError {
  return new TypedFormatError(m.code, formatText(m, args), differences);
}

/** integrityError builds a TypedIntegrityError. */
export function integrityError(m: RuntimeMessage, args: readonly unknown[]): TypedIntegrityError {
  return new TypedIntegrityError(m.code, formatText(m, args));
}

/**
 * checkArea throws TypedBoundsError unless [byteAddress, byteAddress + byteSize)
 * lies in [areaStart, areaEnd). Addresses are byte indices into the memory's buffer.
 */
export function checkArea(byteAddress: number, byteSize: number, areaStart: number, areaEnd: number, path?: PathLike, location?: string): void {
  if (byteAddress >= areaStart && byteAddress + byteSize <= areaEnd) return;
  throw boundsError(AccessMessages.OutOfArea, [byteSize, byteAddress - areaStart, areaEnd - areaStart], path, location);
}

/** checkIndex throws TypedBoundsError unless `index` is an integer in [0, count). */
export function checkIndex(index: number, count: number, path?: PathLike, location?: string): void {
  if (index >= 0 && index < count && Math.floor(index) === index) return;
  throw boundsError(AccessMessages.IndexOutOfRange, [describeValue(index), count], path, location);
}

/** IntegerRange is the set of values an integer field of a format holds. */
export interface IntegerRange {
  readonly min: number | bigint;
  readonly max: number | bigint;
}

/** integerRange returns the range of a `bitWidth`-bit integer, signed or not, as bigints. */
export function integerRange(bitWidth: number, signed: boolean): { min: bigint; max: bigint } {
  const w = BigInt(bitWidth);
  return signed ? { min: -(1n << (w - 1n)), max: (1n << (w - 1n)) - 1n } : { min: 0n, max: (1n << w) - 1n };
}

/**
 * checkNumberFits throws unless `v` is a number holding an integer in
 * [min, max] (SPEC §4: `NaN` or 1.5 into an integer, 300 into `u8` are errors).
 */
export function checkNumberFits(v: unknown, typeName: string, min: number, max: number, path?: PathLike, location?: string): asserts v is number {
  if (typeof v !== "number") throw rangeError(AccessMessages.WrongValueType, [typeName, "number", describeValue(v)], path, location);
  if (!Number.isInteger(v)) throw rangeError(AccessMessages.NotAnInteger, [describeValue(v), typeName], path, location);
  if (v < min || v > max) throw rangeError(AccessMessages.DoesNotFit, [describeValue(v), typeName, `${min}..${max}`], path, location);
}

/** checkBigIntFits throws unless `v` is a bigint in [min, max] (i64/u64/c_longlong take bigints only, SPEC §2). */
export function checkBigIntFits(v: unknown, typeName: string, min: bigint, max: bigint, path?: PathLike, location?: string): asserts v is bigint {
  if (typeof v !== "bigint") throw rangeError(AccessMessages.WrongValueType, [typeName, "bigint", describeValue(v)], path, location);
  if (v < min || v > max) throw rangeError(AccessMessages.DoesNotFit, [describeValue(v), typeName, `${min}..${max}`], path, location);
}

/** assert throws a plain Error for a broken invariant (never a user mistake). */
export function assert(cond: unknown, what: string): asserts cond {
  if (!cond) throw new Error(`typedc runtime invariant broken: ${what}`);
}
