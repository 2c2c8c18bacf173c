/** LayoutAssertError is thrown when the layout engine meets a state that `checkDecls` should have rejected. */
export class LayoutAssertError extends Error {
  override readonly name = "LayoutAssertError";
}

/** assertLayout throws a LayoutAssertError unless `condition` holds (a broken invariant, not a user mistake). */
export function assertLayout(condition: unknown, message: string): asserts condition {
  if (!condition) throw new LayoutAssertError(`layout invariant broken: ${message}`);
}
