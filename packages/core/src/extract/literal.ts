import { unparen, type TypeSyntax } from "./syntax.js";

/** IntegerLiteral is the value of a numeric literal type argument, or why it is not a usable integer. */
export type IntegerLiteral = { readonly ok: true; readonly value: number } | { readonly ok: false };

/**
 * integerLiteralOf reads a non-negative integer literal type (`16`, `0x10`, `1_024`) such as
 * the N of `array<T, N>`; anything else (a name, a negative or fractional number) is not ok.
 */
export function integerLiteralOf<N>(syntax: TypeSyntax<N>, node: N): IntegerLiteral {
  const value = syntax.numericLiteralOf(unparen(syntax, node));
  return value !== undefined && Number.isSafeInteger(value) && value >= 0 ? { ok: true, value } : { ok: false };
}
