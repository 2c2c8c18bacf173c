/**
 * Runtime errors (SPEC §4). Every error extends TypedError and carries a stable
 * `code` from the 5xxx range of the diagnostics catalog, so a runtime failure and a
 * compile-time diagnostic about the same problem can be matched by code.
 */

/** TypedError is the base class of every error the runtime throws. */
export class TypedError extends Error {
  /** Stable numeric code (5xxx). */
  readonly code: number;
  /** The access path (`tasks[1024].pid`) when the error concerns an access. */
  readonly path?: string;
  /** The source location (`src/sched.ts:42:7`) the compiler passed for the access, if any. */
  readonly location?: string;

  constructor(code: number, message: string, options: { path?: string; location?: string } = {}) {
    super(formatMessage(code, message, options));
    this.name = new.target.name;
    this.code = code;
    this.path = options.path;
    this.location = options.location;
  }
}

function formatMessage(code: number, message: string, options: { path?: string; location?: string }): string {
  const where = [options.location, options.path].filter(Boolean).join(" ");
  return `${where ? where + ": " : ""}${message} (TYPED${code})`;
}

/** TypedBoundsError: an address outside the bound area or an index outside the array. */
export class TypedBoundsError extends TypedError {}
/** TypedRangeError: a value that does not fit the field's format, or a read that cannot be represented exactly. */
export class TypedRangeError extends TypedError {}
/** TypedFormatError: the published format is incompatible with the attacher's declaration, or a format id is unknown. */
export class TypedFormatError extends TypedError {
  /** One line per difference found by the compatibility check. */
  readonly differences: readonly string[];
  constructor(code: number, message: string, differences: readonly string[] = [], options: { path?: string; location?: string } = {}) {
    super(code, differences.length ? `${message}\n  ${differences.join("\n  ")}` : message, options);
    this.differences = Object.freeze([...differences]);
  }
}
/** TypedProtectionError: an attempt to change a type table or rebind without the allocator's capability. */
export class TypedProtectionError extends TypedError {}
/** TypedIntegrityError: a directory entry or published table whose hash does not match its content. */
export class TypedIntegrityError extends TypedError {}
