/**
 * C strings in `array<c_char, N>` (SPEC §3): UTF-8, NUL-terminated, never
 * overrunning N. The bytes are copied out before decoding (TextDecoder refuses
 * views of a SharedArrayBuffer in browsers).
 */
import { AccessMessages, rangeError } from "./checks.js";
import { pathOf, requireState, type ViewState } from "./view-state.js";

function charArray(view: unknown): ViewState {
  const s = requireState(view);
  const ok = s.t.shape === "array" && s.t.stride === 1 && s.tp.types[s.t.elem].shape === "scalar";
  if (!ok) throw rangeError(AccessMessages.NotCharArray, [s.t.name], pathOf(s));
  return s;
}

/** readCString decodes the UTF-8 string in a char array up to its first NUL (or its end). */
export function readCString(view: unknown): string {
  const s = charArray(view);
  const bytes = s.h.u8.slice(s.a, s.a + s.length);
  const nul = bytes.indexOf(0);
  return new TextDecoder().decode(nul < 0 ? bytes : bytes.subarray(0, nul));
}

/** WriteCStringOptions: `truncate` cuts a too-long string at a character boundary instead of throwing. */
export interface WriteCStringOptions {
  readonly truncate?: boolean;
}

/**
 * writeCString stores `text` as UTF-8 plus a NUL and zero-fills the rest of the
 * array (like strncpy). A string that does not fit with its NUL throws
 * TypedRangeError unless `{ truncate: true }`. Returns the bytes written before the NUL.
 */
export function writeCString(view: unknown, text: string, options: WriteCStringOptions = {}): number {
  const s = charArray(view);
  let bytes = new TextEncoder().encode(text);
  const room = s.length - 1;
  if (bytes.length > room) {
    if (!options.truncate || room < 0) throw rangeError(AccessMessages.StringTooLong, [bytes.length, s.t.name, s.length], pathOf(s));
    let cut = room;
    while (cut > 0 && (bytes[cut]! & 0xc0) === 0x80) cut--; // do not split a UTF-8 sequence
    bytes = bytes.subarray(0, cut);
  }
  s.h.u8.set(bytes, s.a);
  s.h.u8.fill(0, s.a + bytes.length, s.a + s.length);
  return bytes.length;
}
