/**
 * Struct and union views of the `table` strategy: one class per (table, type),
 * with an accessor per member on a frozen prototype. Scalar accessors close over
 * the member's offset and codec; everything else goes through getMember/setMember.
 */
import { codegenClass } from "./codegen.js";
import { getByName, getMember, rethrow, setByName, setMember } from "./view-make.js";
import type { MemberPlan, TablePlan, TypePlan } from "./view-plan.js";
import { newTableRecordClass, type RecordReaders, type RecordViewClass } from "./view-record.js";
import type { Strategy } from "./view-state.js";
import { toPlain } from "./convert.js";

/** StructViewClass constructs a record view from its binding (view-record.ts). */
export type StructViewClass = RecordViewClass;

const tableClasses = new WeakMap<TypePlan, StructViewClass>();

/** structClass returns the (cached) view class of a record type for a strategy. */
export function structClass(tp: TablePlan, t: TypePlan, strategy: Strategy): StructViewClass {
  if (strategy === "codegen") return codegenClass(tp, t); // cached there
  let C = tableClasses.get(t);
  if (C === undefined) {
    C = tableClass(t);
    tableClasses.set(t, C);
  }
  return C;
}

/** tableClass builds the view class of a record type from its plan, without eval. */
export function tableClass(t: TypePlan): StructViewClass {
  const { C, r } = newTableRecordClass();
  decorateRecordPrototype(C.prototype, t, (m) => accessor(t, m, r));
  return C;
}

/** decorateRecordPrototype defines the members and common methods on a record view prototype, then freezes it. */
export function decorateRecordPrototype(proto: object, t: TypePlan, accessorOf: (m: MemberPlan) => PropertyDescriptor): void {
  for (const [name, m] of Object.entries(t.m)) Object.defineProperty(proto, name, { ...accessorOf(m), enumerable: true, configurable: false });
  Object.defineProperty(proto, Symbol.toStringTag, { value: t.name || (t.tag === "union_type" ? "union" : "struct") });
  if (!("toJSON" in t.m)) Object.defineProperty(proto, "toJSON", { value: function (this: object) { return toPlain(this); } });
  Object.defineProperty(proto, Symbol.for("nodejs.util.inspect.custom"), { value: function (this: object) { return toPlain(this); } });
  Object.freeze(proto);
}

// Each accessor first checks that the view is still bound to the plan its class was
// made for (one comparison); after installTable it goes through the new plan by name.
function accessor(t: TypePlan, m: MemberPlan, r: RecordReaders): PropertyDescriptor {
  const seg = "." + m.name;
  const name = m.name;
  const { h: vh, a: va, t: vt, state } = r;
  if (m.shape === "scalar" || m.shape === "atomic" || m.shape === "bits") {
    const { rd, wr } = m.codec!;
    const off = m.off;
    return {
      get(this: object) {
        if (vt(this) !== t) return getByName(state(this), name);
        try {
          return rd(vh(this), va(this) + off);
        } catch (e) {
          rethrow(e, state(this), seg);
        }
      },
      set(this: object, v: unknown) {
        if (vt(this) !== t) return setByName(state(this), name, v);
        try {
          wr(vh(this), va(this) + off, v);
        } catch (e) {
          rethrow(e, state(this), seg);
        }
      },
    };
  }
  return {
    get(this: object) {
      const s = state(this);
      return s.t === t ? getMember(s, m) : getByName(s, name);
    },
    set(this: object, v: unknown) {
      const s = state(this);
      if (s.t === t) setMember(s, m, v);
      else setByName(s, name, v);
    },
  };
}
