import { describe, expect, it } from "vitest";
import type { AbiId, CType, DeclSet, Field, NamedType } from "@typedc/core";
import { ABIS } from "../packages/core/src/abi/abis";
import { compareTables } from "../packages/core/src/compat/check";
import { buildTable } from "../packages/core/src/tables/build";
import { array, bits, decls, f, named, ptr, s, struct } from "./tables-decls";

// table builds `name` from a DeclSet for one ABI.
const table = (set: DeclSet, name: string, abi: AbiId = "x86_64-linux") => buildTable(set, name, ABIS[abi]);

// declsOf makes a DeclSet from records (name → fields) plus other named types.
function declsOf(records: Record<string, Field[]>, others: NamedType[] = []): DeclSet {
  const types: Record<string, NamedType> = {};
  for (const o of others) types[o.name] = o;
  for (const [name, fields] of Object.entries(records)) types[name] = { kind: "record", name, record: struct(fields) };
  return { types };
}

const enumOf = (name: string, members: [string, number][]): NamedType => ({
  kind: "enum",
  name,
  members: members.map(([n, value]) => ({ name: n, value })),
});

// compare builds `name` from two variants (published, attacher's) and compares them.
function compare(published: Record<string, Field[]>, mine: Record<string, Field[]>, others: [NamedType[], NamedType[]] = [[], []]) {
  const name = Object.keys(mine)[0]!;
  return compareTables(table(declsOf(published, others[0]), name), table(declsOf(mine, others[1]), name));
}

const task = (comm: number, extra: Field[] = []) => [f("pid", s("i32")), f("comm", array(s("c_char"), comm)), ...extra];

describe("compareTables verdicts", () => {
  it("identical: the same table, or the same layout in another format", () => {
    const t = table(decls, "Task");
    expect(compareTables(t, t)).toEqual({ verdict: "identical", differences: [], diagnostics: [] });
    expect(compareTables(table(decls, "ListNode", "aarch64-linux"), table(decls, "ListNode"))).toMatchObject({ verdict: "identical", differences: [] });
  });

  it("compatible: offsets and sizes differ between formats (i386 creator, x86_64 attacher)", () => {
    const r = compareTables(table(decls, "Task", "i386-linux"), table(decls, "Task"));
    expect(r.verdict).toBe("compatible");
    expect(r.differences).toContain("state: size 4 vs 8");
    expect(r.differences).toContain("vruntime: offset 28 vs 32");
    expect(r.differences).toContain("parent: size 4 vs 8");
    expect(r.differences[0]).toMatch(/^Task: size \d+ vs \d+$/);
    expect(r.diagnostics.every((d) => d.category === "suggestion" && d.code >= 4000 && d.code < 5000)).toBe(true);
  });

  it("compatible: byte order and plain char signedness differ (s390x creator)", () => {
    const r = compareTables(table(decls, "Task", "s390x-linux"), table(decls, "Task"));
    expect(r.verdict).toBe("compatible");
    expect(r.differences).toContain("Task: byte order big vs little");
    expect(r.differences).toContain("comm[]: signedness unsigned_char vs signed_char");
  });

  it("subset: the published type has a member the attacher does not declare", () => {
    const r = compare({ Task: task(16, [f("extra", s("u16"))]) }, { Task: task(16) });
    expect(r).toMatchObject({ verdict: "subset", differences: ["Task: size 24 vs 20", "extra: extra member in the published type"] });
    expect(r.diagnostics[1]).toMatchObject({ code: 4009, category: "warning" });
  });

  it("incompatible: array count, naming the member path", () => {
    const r = compare(
      { Sched: [f("tasks", array(named("Task"), 4))], Task: task(16) },
      { Sched: [f("tasks", array(named("Task"), 4))], Task: task(32) },
    );
    expect(r.verdict).toBe("incompatible");
    expect(r.differences).toEqual(["Sched: size 80 vs 144", "tasks[]: size 20 vs 36", "tasks[].comm: array count 16 vs 32"]);
  });

  it("incompatible: a member the attacher needs is missing", () => {
    const r = compare({ Task: task(16) }, { Task: task(16, [f("prio", s("i32"))]) });
    expect(r.verdict).toBe("incompatible");
    expect(r.differences).toEqual(["Task: size 20 vs 24", "prio: missing in the published type"]);
    expect(r.diagnostics[1]).toMatchObject({ code: 4001, category: "error" });
  });

  it("incompatible: kind and encoding class changes", () => {
    const r = compare(
      { T: [f("parent", s("u64")), f("ratio", s("f32")), f("done", s("bool"))] },
      { T: [f("parent", ptr(named("T"))), f("ratio", s("u32")), f("done", s("u8"))] },
    );
    expect(r.verdict).toBe("incompatible");
    expect(r.differences).toEqual(["parent: kind scalar vs pointer", "ratio: encoding float vs unsigned", "done: encoding boolean vs unsigned_char"]);
  });

  it("incompatible: value range loss between different C types, either way round", () => {
    const narrow = compare({ T: [f("n", s("u8"))] }, { T: [f("n", s("u64"))] });
    expect(narrow.verdict).toBe("incompatible");
    expect(narrow.differences).toContain("n: value range loss, 1 vs 8 bytes");
    expect(compare({ T: [f("n", s("i64"))] }, { T: [f("n", s("i32"))] }).differences).toContain("n: value range loss, 8 vs 4 bytes");
    expect(compare({ T: [f("n", s("i32"))] }, { T: [f("n", s("u32"))] }).differences).toEqual(["n: encoding signed vs unsigned"]);
  });

  it("treats different spellings of one representation as the same (c_int vs i32)", () => {
    expect(compare({ T: [f("n", s("c_int"))] }, { T: [f("n", s("i32"))] })).toMatchObject({ verdict: "identical", differences: [] });
  });

  it("compares bit-fields: width is incompatible, position is morphable", () => {
    const r = compare({ T: [f("a", bits(s("u32"), 3)), f("b", bits(s("u32"), 4))] }, { T: [f("a", bits(s("u32"), 4)), f("b", bits(s("u32"), 4))] });
    expect(r.verdict).toBe("incompatible");
    expect(r.differences).toEqual(["a: bit-field width 3 vs 4", "b: bit offset 3 vs 4"]);
    const moved = compare({ T: [f("x", s("u8")), f("b", bits(s("u32"), 4))] }, { T: [f("b", bits(s("u32"), 4)), f("x", s("u8"))] });
    expect(moved.verdict).toBe("compatible");
    expect(compare({ T: [f("a", s("u32"))] }, { T: [f("a", bits(s("u32"), 32))] }).differences).toEqual(["a: kind member vs bit-field"]);
  });

  it("compares enumerators by name", () => {
    const mode = (members: [string, number][]) => enumOf("Mode", members);
    const fields = { T: [f("m", named("Mode"))] };
    const extra = compare(fields, fields, [[mode([["A", 0], ["B", 1], ["C", 2]])], [mode([["A", 0], ["B", 1]])]]);
    expect(extra).toMatchObject({ verdict: "subset", differences: ["m: extra enumerator 'C' in the published type"] });
    const changed = compare(fields, fields, [[mode([["A", 0], ["B", 2]])], [mode([["A", 0], ["B", 1], ["D", 3]])]]);
    expect(changed.verdict).toBe("incompatible");
    expect(changed.differences).toEqual(["m: enumerator 'B' value 2 vs 1", "m: enumerator 'D' missing in the published type"]);
  });

  it("follows pointers, stops at recursion, and lets ptr<void> accept any target", () => {
    const node = (weight: CType) => ({ Holder: [f("node", ptr(named("Node")))], Node: [f("next", ptr(named("Node"))), f("weight", weight)] });
    const r = compare(node(s("f64")), node(s("f32")));
    expect(r).toMatchObject({ verdict: "incompatible", differences: ["node->weight: value range loss, 8 vs 4 bytes"] });
    expect(compare({ T: [f("p", ptr(named("T")))] }, { T: [f("p", ptr(null))] }).verdict).toBe("identical");
    expect(compare({ T: [f("p", ptr(null))] }, { T: [f("p", ptr(named("T")))] }).differences).toEqual(["p: pointer target void vs T"]);
  });

  it("takes the worst verdict when differences mix", () => {
    const r = compareTables(table(declsOf({ Task: task(16, [f("extra", s("u16"))]) }), "Task", "i386-linux"), table(declsOf({ Task: task(16, [f("state", s("c_long"))]) }), "Task"));
    expect(r.verdict).toBe("incompatible");
    const sub = compareTables(table(declsOf({ Task: task(16, [f("state", s("c_long")), f("extra", s("u16"))]) }), "Task", "i386-linux"), table(declsOf({ Task: task(16, [f("state", s("c_long"))]) }), "Task"));
    expect(sub.verdict).toBe("subset");
    expect(sub.differences).toContain("state: size 4 vs 8");
  });
});
