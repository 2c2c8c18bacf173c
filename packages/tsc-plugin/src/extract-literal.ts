import type * as TS from "typescript";

/** IntegerLiteral is the value of a numeric literal type argument, or why it is not a usable integer. */
export type IntegerLiteral = { readonly ok: true; readonly value: number } | { readonly ok: false };

/**
 * integerLiteralOf reads a non-negative integer literal type (`16`, `0x10`, `1_024`) such as
 * the N of `array<T, N>`; anything else (a name, a negative or fractional number) is not ok.
 */
export function integerLiteralOf(ts: typeof TS, node: TS.TypeNode): IntegerLiteral {
  let inner: TS.TypeNode = node;
  while (ts.isParenthesizedTypeNode(inner)) inner = inner.type;
  if (!ts.isLiteralTypeNode(inner) || !ts.isNumericLiteral(inner.literal)) return { ok: false };
  const value = Number(inner.literal.text.replace(/_/g, ""));
  return Number.isSafeInteger(value) && value >= 0 ? { ok: true, value } : { ok: false };
}
