import { encodeTableBody } from "./encode.js";
import type { TypeTable } from "./schema.js";

/**
 * A stable 64-bit non-cryptographic hash: two 32-bit multiply-xor lanes fed with every
 * byte, cross-mixed and finished with MurmurHash3's fmix32 avalanche. Only `Math.imul`
 * and 32-bit integer operations, so it gives the same digits in every JS engine, and
 * runs in browsers (no BigInt, no Node API). It seals tables against accidental change;
 * it is not a defence against a deliberate forger.
 */

// fmix32 is MurmurHash3's 32-bit finaliser: every input bit affects every output bit.
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

// hex8 prints a 32-bit value as 8 lowercase hex digits.
function hex8(value: number): string {
  return (value >>> 0).toString(16).padStart(8, "0");
}

/** hashBytes returns the 64-bit hash of `bytes` as 16 lowercase hex digits. */
export function hashBytes(bytes: Uint8Array): string {
  const length = bytes.length;
  let high = 0x9e3779b9 ^ length; // seeds: golden ratio and an odd constant, xored with the length
  let low = 0x7f4a7c15 ^ Math.imul(length, 0x01000193);
  for (let i = 0; i < length; i++) {
    const byte = bytes[i]!;
    high = Math.imul(high ^ byte, 0x01000193); // FNV-1a prime
    low = Math.imul(low ^ byte, 0x5bd1e995); // MurmurHash2 multiplier
    low ^= low >>> 15;
  }
  high ^= Math.imul(low ^ (low >>> 16), 0x27d4eb2f);
  low ^= Math.imul(high ^ (high >>> 13), 0x165667b1);
  const hashHigh = fmix32(high);
  const hashLow = fmix32(low ^ hashHigh);
  return hex8(hashHigh) + hex8(hashLow);
}

/** hashTable returns the content hash of a table: hashBytes over its binary form without the hash field. */
export function hashTable(t: TypeTable): string {
  return hashBytes(encodeTableBody(t));
}

/** tableHashMatches tells whether a table's stored hash is the hash of its content (false: altered). */
export function tableHashMatches(t: TypeTable): boolean {
  return t.hash === hashTable(t);
}
