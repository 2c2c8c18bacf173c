/**
 * ByteWriter and ByteReader are the primitives of the binary table form: bytes,
 * unsigned LEB128 varints (up to 2^53 - 1, with plain arithmetic so no 32-bit
 * truncation), zigzag signed varints and length-prefixed UTF-8 strings.
 * No Node API: the runtime decodes tables in browsers.
 */

const MAX_VARINT_BYTES = 8; // 8 × 7 = 56 bits ≥ 53: a longer varint is malformed

/** TableDecodeError is thrown when bytes are not a well-formed encoded type table. */
export class TableDecodeError extends Error {
  override readonly name = "TableDecodeError";
}

/** ByteWriter appends encoded values to a growing byte buffer. */
export class ByteWriter {
  private buffer = new Uint8Array(256);
  private length = 0;
  private static readonly encoder = new TextEncoder();

  /** byte appends one byte (0..255). */
  byte(value: number): void {
    this.reserve(1);
    this.buffer[this.length++] = value;
  }

  /** bytes appends raw bytes. */
  bytes(values: Uint8Array): void {
    this.reserve(values.length);
    this.buffer.set(values, this.length);
    this.length += values.length;
  }

  /** uint appends a non-negative safe integer as an unsigned LEB128 varint. */
  uint(value: number): void {
    if (!Number.isSafeInteger(value) || value < 0) throw new Error(`assert: varint ${value} is not a non-negative safe integer`);
    let rest = value;
    while (rest >= 0x80) {
      this.byte((rest % 0x80) | 0x80);
      rest = Math.floor(rest / 0x80);
    }
    this.byte(rest);
  }

  /** int appends a safe integer as a zigzag varint (0, -1, 1, -2, … → 0, 1, 2, 3, …). */
  int(value: number): void {
    if (!Number.isSafeInteger(value)) throw new Error(`assert: varint ${value} is not a safe integer`);
    this.uint(value >= 0 ? value * 2 : -value * 2 - 1);
  }

  /** string appends a UTF-8 string prefixed with its byte length. */
  string(value: string): void {
    // Table strings are nearly always ASCII (names, spellings, format ids): then UTF-8 is one byte per
    // character, written in place; TextEncoder (a native call and an array per string) only otherwise.
    const length = value.length;
    let ascii = true;
    for (let i = 0; i < length && ascii; i++) ascii = value.charCodeAt(i) < 0x80;
    if (!ascii) {
      const utf8 = ByteWriter.encoder.encode(value);
      this.uint(utf8.length);
      this.bytes(utf8);
      return;
    }
    this.uint(length);
    this.reserve(length);
    for (let i = 0; i < length; i++) this.buffer[this.length + i] = value.charCodeAt(i);
    this.length += length;
  }

  /** finish returns the bytes written so far. */
  finish(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }

  // reserve grows the buffer (doubling) so that `extra` more bytes fit.
  private reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + extra) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }
}

/** ByteReader reads what ByteWriter wrote, throwing TableDecodeError at the first malformed or missing byte. */
export class ByteReader {
  private offset = 0;
  private static readonly decoder = new TextDecoder("utf-8", { fatal: true });

  constructor(private readonly input: Uint8Array, private readonly end: number = input.length) {}

  /** position is the offset of the next byte to read. */
  get position(): number {
    return this.offset;
  }

  /** remaining is how many bytes are left before the end. */
  get remaining(): number {
    return this.end - this.offset;
  }

  /** byte reads one byte. */
  byte(what: string): number {
    if (this.offset >= this.end) throw new TableDecodeError(`truncated at byte ${this.offset}: expected ${what}`);
    return this.input[this.offset++]!;
  }

  /** bytes reads `count` raw bytes. */
  bytes(count: number, what: string): Uint8Array {
    if (count > this.remaining) throw new TableDecodeError(`truncated at byte ${this.offset}: expected ${count} bytes of ${what}`);
    const out = this.input.subarray(this.offset, this.offset + count);
    this.offset += count;
    return out;
  }

  /** uint reads an unsigned LEB128 varint of at most 8 bytes whose value is a safe integer. */
  uint(what: string): number {
    const start = this.offset;
    let value = 0;
    let scale = 1;
    for (let i = 0; i < MAX_VARINT_BYTES; i++) {
      const byte = this.byte(what);
      value += (byte & 0x7f) * scale;
      if ((byte & 0x80) === 0) {
        if (!Number.isSafeInteger(value)) throw new TableDecodeError(`varint at byte ${start} (${what}) exceeds 2^53 - 1`);
        return value;
      }
      scale *= 0x80;
    }
    throw new TableDecodeError(`varint at byte ${start} (${what}) is longer than ${MAX_VARINT_BYTES} bytes`);
  }

  /** int reads a zigzag varint. */
  int(what: string): number {
    const zigzag = this.uint(what);
    return zigzag % 2 === 0 ? zigzag / 2 : -(zigzag + 1) / 2;
  }

  /** count reads a varint element count, rejecting counts that cannot fit in the remaining bytes at `minBytes` each. */
  count(what: string, minBytes: number): number {
    const start = this.offset;
    const n = this.uint(what);
    if (n * minBytes > this.remaining) {
      throw new TableDecodeError(`count ${n} at byte ${start} (${what}) exceeds the ${this.remaining} bytes left`);
    }
    return n;
  }

  /** string reads a length-prefixed UTF-8 string. */
  string(what: string): string {
    const start = this.offset;
    const utf8 = this.bytes(this.count(what, 1), what);
    try {
      return ByteReader.decoder.decode(utf8);
    } catch {
      throw new TableDecodeError(`string at byte ${start} (${what}) is not valid UTF-8`);
    }
  }
}
