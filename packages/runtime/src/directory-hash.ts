import { hashBytes } from "@typedc/core";
import { HASH_BYTES } from "./directory-format.js";

/**
 * Hashes the directory stores. The seals (entry checksum, table hash, header checksum)
 * are core's `hashBytes` (16 hex digits) stored as 8 raw bytes; the name hash that picks
 * a slot is a 32-bit FNV-1a, which only has to spread names, not detect tampering.
 */

/** sealOf returns hashBytes(bytes) as 8 raw bytes, the form the directory stores. */
export function sealOf(bytes: Uint8Array): Uint8Array {
  // hashBytes may not read a SharedArrayBuffer view in every engine (TextDecoder-style APIs refuse them): copy first.
  const hex = hashBytes(bytes.slice());
  if (!/^[0-9a-f]{16}$/.test(hex)) throw new Error(`assert: hashBytes returned "${hex}", not 16 hex digits`);
  const seal = new Uint8Array(HASH_BYTES);
  for (let i = 0; i < HASH_BYTES; i++) seal[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return seal;
}

/** sealToHex spells a stored seal as hashBytes does (16 lowercase hex digits). */
export function sealToHex(seal: Uint8Array): string {
  let hex = "";
  for (const byte of seal) hex += byte.toString(16).padStart(2, "0");
  return hex;
}

/** sealMatches tells whether the HASH_BYTES bytes at `at` in `bytes` equal `seal`. */
export function sealMatches(bytes: Uint8Array, at: number, seal: Uint8Array): boolean {
  for (let i = 0; i < HASH_BYTES; i++) if (bytes[at + i] !== seal[i]) return false;
  return true;
}

/** fnv1a32 returns the 32-bit FNV-1a hash of `bytes` (FNV offset basis 2166136261, prime 16777619). */
export function fnv1a32(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (const byte of bytes) hash = Math.imul(hash ^ byte, 0x01000193);
  return hash >>> 0;
}
