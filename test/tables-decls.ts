// Declarations shared by the table and compatibility tests (DeclSet literals, as an extractor would produce).
import type { CType, DeclSet, Field, RecordType } from "@typedc/core";

export const s = (name: Extract<CType, { kind: "scalar" }>["name"]): CType => ({ kind: "scalar", name });
export const named = (name: string): CType => ({ kind: "named", name });
export const ptr = (target: CType | null): CType => ({ kind: "pointer", target });
export const array = (element: CType, count: number): CType => ({ kind: "array", element, count });
export const bits = (base: CType, bitWidth: number): CType => ({ kind: "bits", base, bitWidth });
export const struct = (fields: Field[], extra: Partial<RecordType> = {}): RecordType => ({ kind: "struct", packed: false, fields, ...extra });
export const union = (fields: Field[]): RecordType => ({ kind: "union", packed: false, fields });
export const inline = (record: RecordType): CType => ({ kind: "record", record });
export const f = (name: string, type: CType, extra: Partial<Field> = {}): Field => ({ name, type, ...extra });

/** decls holds a scheduler-like set of declarations using every kind of C type. */
export const decls: DeclSet = {
  types: {
    pid_t: { kind: "alias", name: "pid_t", target: s("i32") },
    Mode: { kind: "enum", name: "Mode", members: [{ name: "Idle", value: 0 }, { name: "Run", value: 1 }, { name: "Dead", value: -1 }] },
    Flags: { kind: "enum", name: "Flags", members: [{ name: "A", value: 1 }, { name: "B", value: 2 }] },
    Task: {
      kind: "record",
      name: "Task",
      record: struct([
        f("pid", s("i32")),
        f("tgid", named("pid_t")),
        f("state", s("c_long")),
        f("comm", array(s("c_char"), 16)),
        f("vruntime", s("u64")),
        f("parent", ptr(named("Task"))),
        f("children", ptr(named("Task"))),
        f("prio", bits(s("u32"), 5)),
        f("_pad0", bits(s("u32"), 3)),
        f("mode", bits(named("Mode"), 2)),
        f("flags", named("Flags")),
        f("refs", { kind: "atomic", base: s("i32") }),
        f("data", ptr(null)),
        f("value", inline(union([f("i", s("u32")), f("x", s("f32"))]))),
        f("_anon0", inline(struct([f("lo", s("u8")), f("hi", s("u8"))]))),
        f("wide", s("c_wchar")),
        f("alive", s("bool")),
      ]),
    },
    ListNode: {
      kind: "record",
      name: "ListNode",
      record: struct([f("next", ptr(named("ListNode"))), f("prev", ptr(named("ListNode"))), f("weight", s("f64"))]),
    },
    Packet: {
      kind: "record",
      name: "Packet",
      record: struct([f("kind", s("u8")), f("len", s("u32")), f("sum", s("u16")), f("body", array(s("u8"), 0))], { packed: true }),
    },
    RunQueue: {
      kind: "record",
      name: "RunQueue",
      record: struct(
        [
          f("tasks", array(named("Task"), 4)),
          f("current", ptr(named("Task"))),
          f("clock", { kind: "aligned", base: s("u64"), byteAlign: 8 }),
          f("slots", array(inline(struct([f("key", s("u16")), f("val", s("i16"))])), 3)),
          f("grid", array(array(s("c_short"), 3), 2)),
          f("load", s("c_ulong"), { memberAlign: 16 }),
          f("head", named("ListNode")),
        ],
        { byteAlign: 32 },
      ),
    },
    Alias: { kind: "alias", name: "Alias", target: named("ListNode") },
    Pair: { kind: "alias", name: "Pair", target: inline(struct([f("a", s("u8")), f("b", s("u32"))], { packed: true })) },
    PairHolder: { kind: "record", name: "PairHolder", record: struct([f("p", named("Pair")), f("q", ptr(named("Pair")))]) },
  },
};

/** DECL_NAMES lists the declarations tables are built for. */
export const DECL_NAMES = ["Task", "ListNode", "Packet", "RunQueue", "Alias", "Pair", "PairHolder"] as const;
