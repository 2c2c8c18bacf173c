/**
 * planAccess: the front-end-neutral half of compiling an access chain on a typed
 * value (issue #4). Given the C type a chain starts at and its steps, it checks
 * every step against the declarations (a missing member is a compile error in
 * every front-end, with or without a type checker) and splits the chain into hops
 * at pointer dereferences, each with its index checks and runtime segment key.
 */
import type { CType, DeclSet } from "../ir/ctype.js";
import { Diagnostics } from "../diagnostics/messages.generated.js";
import type { DiagnosticMessage } from "../diagnostics/message.js";
import { findMember, recordOfType, resolveType } from "./resolve.js";
import { printCType } from "./spell.js";
import type { AccessPlan, AccessStep, Hop, IndexCheck } from "./types.js";
import { valueInfoOf } from "./value.js";

/** PlanError is a user mistake in a chain: the step it is at (0-based), and the message with its arguments. */
export interface PlanError {
  readonly step: number;
  readonly message: DiagnosticMessage;
  readonly args: readonly (string | number)[];
}

/** PlanResult is a plan, or the first mistake in the chain. */
export type PlanResult = { readonly ok: true; readonly plan: AccessPlan } | { readonly ok: false; readonly error: PlanError };

/**
 * planAccess plans `steps` on a value of C type `root`; `pathOf(k)` spells the
 * chain up to step k (exclusive) for messages (`tasks[i].se`). A member step on a
 * pointer dereferences it (`t.parent.pid`, as `t->parent->pid` in C); a pointer
 * cannot be indexed. The first index of the first hop is checked against the
 * bound object's length (a run-time count may change it); nested arrays against
 * their declared count, which is the same in every format.
 */
export function planAccess(decls: DeclSet, root: CType, steps: readonly AccessStep[], pathOf: (k: number) => string): PlanResult {
  const hops: Hop[] = [];
  let segments: string[] = [];
  let indices: IndexCheck[] = [];
  let cur = resolveType(decls, root);
  let curName = printCType(root);
  const fail = (step: number, message: DiagnosticMessage, args: (string | number)[]): PlanResult => ({ ok: false, error: { step, message, args } });
  for (let k = 0; k < steps.length; k++) {
    const step = steps[k]!;
    if (step.kind === "index") {
      if (cur.kind !== "array") return fail(k, Diagnostics._0_has_type_1_which_is_not_an_array_it_cannot_be_indexed, [pathOf(k), curName]);
      const first = hops.length === 0 && segments.length === 0;
      indices.push(first ? { kind: "rootLength" } : cur.count === 0 ? { kind: "area" } : { kind: "count", count: cur.count });
      segments.push("[]");
      curName = printCType(cur.element);
      cur = resolveType(decls, cur.element);
      continue;
    }
    if (cur.kind === "pointer") {
      // `p.x` on a `ptr<T>` dereferences p: the hop ends at the pointer, the next one starts at its target.
      if (cur.target === null) return fail(k, Diagnostics._0_is_a_ptr_void_it_cannot_be_dereferenced_Declare_it_as_ptr_T, [pathOf(k)]);
      hops.push({ segments, indices, end: valueInfoOf(decls, cur) });
      segments = [];
      indices = [];
      curName = printCType(cur.target);
      cur = resolveType(decls, cur.target);
    }
    const record = recordOfType(decls, cur);
    if (record === undefined) return fail(k, Diagnostics._0_has_type_1_which_has_no_members, [pathOf(k), curName]);
    const fields = findMember(decls, record, step.name);
    if (fields === undefined) return fail(k, Diagnostics._0_has_no_member_1, [curName === "{ ... }" ? pathOf(k) : curName, step.name]);
    segments.push(step.name); // the runtime's member map is flattened through anonymous members too
    const field = fields[fields.length - 1]!;
    curName = printCType(field.type);
    cur = resolveType(decls, field.type);
  }
  const result = valueInfoOf(decls, cur);
  hops.push({ segments, indices, end: result });
  return { ok: true, plan: { hops, result } };
}

/**
 * typedChainLength counts how many leading steps of a chain are typed accesses: it
 * stops where a scalar, bit-field, atomic or enum value is reached (what follows, such
 * as `.toFixed(2)`, applies to the JS value read) and before a `.length` on an array
 * (the array's length, compiled separately). A member missing on a record counts as
 * typed, so that planAccess reports it.
 */
export function typedChainLength(decls: DeclSet, root: CType, steps: readonly AccessStep[]): number {
  let cur = resolveType(decls, root);
  for (let k = 0; k < steps.length; k++) {
    const step = steps[k]!;
    if (step.kind === "index") {
      if (cur.kind !== "array") return k;
      cur = resolveType(decls, cur.element);
      continue;
    }
    if (cur.kind === "array") return k;
    if (cur.kind === "pointer") {
      if (cur.target === null) return k + 1; // reported by planAccess (1204)
      cur = resolveType(decls, cur.target);
    }
    const record = recordOfType(decls, cur);
    if (record === undefined) return k;
    const fields = findMember(decls, record, step.name);
    if (fields === undefined) return k + 1;
    cur = resolveType(decls, fields[fields.length - 1]!.type);
  }
  return steps.length;
}
