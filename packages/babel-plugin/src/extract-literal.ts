import type * as t from "@babel/types";
import { unparen } from "./extract-ast.js";

/** IntegerLiteral is the value of a numeric literal type argument, or why it is not a usable integer. */
export type IntegerLiteral = { readonly ok: true; readonly value: number } | { readonly ok: false };

/**
 * integerLiteralOf reads a non-negative integer literal type (`16`, `0x10`, `1_024`) such as
 * the N of `array<T, N>`; anything else (a name, a negative or fractional number) is not ok.
 * Babel's `value` is the literal's numeric value, as TypeScript's `Number(text)`.
 */
export function integerLiteralOf(node: t.TSType): IntegerLiteral {
  const inner = unparen(node);
  if (inner.type !== "TSLiteralType" || inner.literal.type !== "NumericLiteral") return { ok: false };
  const value = inner.literal.value;
  return Number.isSafeInteger(value) && value >= 0 ? { ok: true, value } : { ok: false };
}
