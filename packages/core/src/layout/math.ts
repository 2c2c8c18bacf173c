import { assertLayout } from "./assert.js";

/** alignTo returns the smallest y >= x such that y % align == 0 (align a power of two). */
export function alignTo(x: number, align: number): number {
  assertLayout(isPowerOfTwo(align), `alignment ${align} is not a power of two`);
  return Math.ceil(x / align) * align;
}

/** isPowerOfTwo tells whether n is 1, 2, 4, 8, … */
export function isPowerOfTwo(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && (n & (n - 1)) === 0;
}
