/**
 * Write protection (SPEC §4). Bound tables and their plans are deeply frozen, so
 * no offset or size can change (TypeError in strict mode, silently ignored in
 * sloppy mode, as for any frozen object). A view's binding lives in a private
 * field; only the holder of ALLOCATOR_CAPABILITY (the allocator and attach code
 * of runtime part 1, which import this module directly: it is not re-exported from
 * the package index) can install or replace the table a view uses.
 */
import { deepFreeze, type TypeTable } from "@typedc/core";
import { AccessMessages, protectionError } from "./checks.js";
import { chk, HOST_LITTLE_ENDIAN } from "./primitives.js";
import { arrayLength } from "./view-make.js";
import { planOf } from "./view-plan.js";
import { registerCapability, replaceState, requireState } from "./view-state.js";

/** ALLOCATOR_CAPABILITY is the token that allows installTable; internal to the runtime. */
export const ALLOCATOR_CAPABILITY: object = Object.freeze(Object.create(null));
registerCapability(ALLOCATOR_CAPABILITY);

/** deepFreeze (from core) freezes a table and everything reachable from it. */
export { deepFreeze };

/**
 * installTable replaces the type table a view is bound to (same memory, same
 * address), e.g. when the allocator re-attaches an area in another format. Without
 * the allocator capability it throws TypedProtectionError. The table's root type
 * must be the view's kind (record or array).
 */
export function installTable(view: object, table: TypeTable, capability: unknown): void {
  if (capability !== ALLOCATOR_CAPABILITY) throw protectionError(AccessMessages.ProtectedTable, []);
  const s = requireState(view);
  const tp = planOf(deepFreeze(table));
  const t = tp.root;
  if (t.shape !== s.t.shape) throw new Error(`typedc runtime invariant broken: installTable of a ${t.shape} table into a ${s.t.shape} view`);
  const h = Object.freeze({ ...s.h, le: tp.le, swap: tp.le !== HOST_LITTLE_ENDIAN });
  const length = t.shape === "array" ? arrayLength({ h }, t, s.a) : 0;
  chk(h, s.a, t.shape === "array" ? length * t.stride : t.size);
  replaceState(view, { ...s, h, tp, t, length }, capability);
}
