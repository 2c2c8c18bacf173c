/**
 * control.ts — the words main and the workers synchronise phases with (a small
 * SharedArrayBuffer of its own, outside the typed memory whose bytes are checked).
 */

/** CTRL indexes the control words. */
export const CTRL = {
  ready: 0, // workers attached and waiting for "go"
  go: 1, // 1: start the shared-memory run
  idle: 2, // never changes: idle units sleep on it for a millisecond
} as const;

/** newControl allocates the control words. */
export function newControl(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4 * 4));
}

/** napMs sleeps a worker for `ms` (Atomics.wait on a word nobody changes). */
export function napMs(ctrl: Int32Array, ms: number): void {
  Atomics.wait(ctrl, CTRL.idle, 0, ms);
}
