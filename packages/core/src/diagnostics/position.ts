/** LineAndColumn is a 1-based line and a 1-based column counted in UTF-16 code units (what tsc prints). */
export interface LineAndColumn {
  readonly line: number;
  readonly column: number;
}

// isLineBreak follows ECMAScript LineTerminator (TypeScript's scanner counts lines the same way).
function isLineBreak(code: number): boolean {
  return code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;
}

/** lineStartsOf returns the offset of the first character of every line; "\r\n" is one break. */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isLineBreak(code)) continue;
    if (code === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
    starts.push(i + 1);
  }
  return starts;
}

/** lineAndColumnOf turns a 0-based offset into a 1-based line and column; offsets past the end clamp to the end. */
export function lineAndColumnOf(text: string, offset: number): LineAndColumn {
  const clamped = Math.max(0, Math.min(offset, text.length));
  const starts = lineStartsOf(text);
  // Binary search for the last line start <= clamped.
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= clamped) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: clamped - starts[low]! + 1 };
}
