/**
 * Bit-field codecs. A bit-field is `bitSize` bits starting at DWARF
 * `DW_AT_data_bit_offset` bit `o` of its record. Bits are numbered the way DWARF
 * numbers them for the format: on little-endian, bit k is bit k%8 (from the LSB)
 * of byte k/8; on big-endian, bit 0 is the MSB of byte 0 (DWARF 4 §5.6.6 /
 * SPEC §7 `bitOffset`). Either way the field is a contiguous run of bits in the
 * integer formed by its covering bytes read in the format's byte order, so one
 * read-shift-mask serves both orders; only the position of the run differs.
 */
import { checkBigIntFits, checkNumberFits, type PathLike } from "./checks.js";
import type { Handle } from "./primitives.js";
import type { ScalarCodec, ValueKind } from "./scalars.js";

/** BitsLayout is where a bit-field lies: its covering bytes (from `startByte`) and its run inside them. */
export interface BitsLayout {
  /** First byte of the covering bytes, from the start of the record. */
  readonly startByte: number;
  readonly byteCount: number;
  /** Position of the field's least significant bit in the integer of the covering bytes. */
  readonly lsbPosition: number;
  readonly bitSize: number;
}

/** bitsLayout places a bit-field of `bitSize` bits at DWARF bit offset `dataBitOffset` for a byte order. */
export function bitsLayout(dataBitOffset: number, bitSize: number, littleEndian: boolean): BitsLayout {
  const startByte = Math.floor(dataBitOffset / 8);
  const shiftBits = dataBitOffset - startByte * 8;
  const byteCount = Math.ceil((shiftBits + bitSize) / 8);
  // Little-endian: bits count from the LSB of the first byte. Big-endian: from the MSB,
  // so the run ends `shiftBits` bits below the top of the covering integer.
  const lsbPosition = littleEndian ? shiftBits : byteCount * 8 - shiftBits - bitSize;
  return { startByte, byteCount, lsbPosition, bitSize };
}

// Covering integers of up to 6 bytes (48 bits) are exact doubles; longer ones use bigints.
function readCover(h: Handle, a: number, n: number): number {
  let raw = 0;
  for (let i = 0; i < n; i++) raw += h.u8[a + (h.le ? i : n - 1 - i)] * 2 ** (8 * i);
  return raw;
}

function writeCover(h: Handle, a: number, n: number, raw: number): void {
  for (let i = 0; i < n; i++) {
    h.u8[a + (h.le ? i : n - 1 - i)] = raw % 256;
    raw = Math.floor(raw / 256);
  }
}

function readCoverBig(h: Handle, a: number, n: number): bigint {
  let raw = 0n;
  for (let i = 0; i < n; i++) raw |= BigInt(h.u8[a + (h.le ? i : n - 1 - i)]) << BigInt(8 * i);
  return raw;
}

function writeCoverBig(h: Handle, a: number, n: number, raw: bigint): void {
  for (let i = 0; i < n; i++) h.u8[a + (h.le ? i : n - 1 - i)] = Number((raw >> BigInt(8 * i)) & 0xffn);
}

/**
 * bitsCodec returns the codec of a bit-field; `a` given to it is the address of its
 * first covering byte (record address + `startByte`). Writes change only the field's bits.
 */
export function bitsCodec(layout: BitsLayout, signed: boolean, value: ValueKind, typeName: string): ScalarCodec {
  const { byteCount: n, lsbPosition: pos, bitSize: w } = layout;
  const name = `bits<${typeName}, ${w}>`;
  if (value === "bigint" || n > 6) return bigBitsCodec(n, pos, w, signed, value, name);
  const span = 2 ** w;
  const scale = 2 ** pos;
  const min = signed ? -(2 ** (w - 1)) : 0;
  const max = signed ? 2 ** (w - 1) - 1 : span - 1;
  return {
    id: "bits", typeName: name, byteSize: n, value: "number",
    rd(h: Handle, a: number): number {
      const u = Math.floor(readCover(h, a, n) / scale) % span;
      return signed && u > max ? u - span : u;
    },
    wr(h: Handle, a: number, v: unknown, path?: PathLike, location?: string): void {
      checkNumberFits(v, name, min, max, path, location);
      const raw = readCover(h, a, n);
      const old = Math.floor(raw / scale) % span;
      const u = v < 0 ? v + span : v;
      writeCover(h, a, n, raw + (u - old) * scale);
    },
  };
}

function bigBitsCodec(n: number, pos: number, w: number, signed: boolean, value: ValueKind, name: string): ScalarCodec {
  const bw = BigInt(w);
  const bpos = BigInt(pos);
  const mask = (1n << bw) - 1n;
  const min = signed ? -(1n << (bw - 1n)) : 0n;
  const max = signed ? (1n << (bw - 1n)) - 1n : mask;
  const toValue = (u: bigint): number | bigint => {
    const s = signed ? BigInt.asIntN(w, u) : u;
    return value === "bigint" ? s : Number(s);
  };
  return {
    id: "bits", typeName: name, byteSize: n, value,
    rd: (h: Handle, a: number) => toValue((readCoverBig(h, a, n) >> bpos) & mask),
    wr(h: Handle, a: number, v: unknown, path?: PathLike, location?: string): void {
      let b: bigint;
      if (value === "bigint") {
        checkBigIntFits(v, name, min, max, path, location);
        b = v;
      } else {
        checkNumberFits(v, name, Number(min), Number(max), path, location);
        b = BigInt(v);
      }
      const raw = readCoverBig(h, a, n);
      writeCoverBig(h, a, n, (raw & ~(mask << bpos)) | (BigInt.asUintN(w, b) << bpos));
    },
  };
}
