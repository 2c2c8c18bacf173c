import { describe, expect, it } from "vitest";
import { bindView } from "../packages/runtime/src/bind.js";
import { TableBuilder, region } from "./runtime-view-helpers.js";

// struct Task { int32_t pid; long state; char comm[16]; uint64_t vruntime; } on x86_64-linux and armv7-linux.
function taskTable(format: "x86_64-linux" | "armv7-linux" | "mips-linux") {
  const wide = format === "x86_64-linux";
  const b = new TableBuilder(format, format === "mips-linux" ? "big" : "little", wide ? 8 : 4);
  const i32 = b.base("i32", "signed", 4);
  const long = b.base("c_long", "signed", wide ? 8 : 4);
  const chr = b.base("c_char", format === "x86_64-linux" ? "signed_char" : "unsigned_char", 1);
  const comm = b.array(chr, 16);
  const u64 = b.base("u64", "unsigned", 8);
  const task = wide
    ? b.record("structure_type", "Task", 40, 8, [["pid", i32, 0], ["state", long, 8], ["comm", comm, 16], ["vruntime", u64, 32]])
    : b.record("structure_type", "Task", 32, 8, [["pid", i32, 0], ["state", long, 4], ["comm", comm, 8], ["vruntime", u64, 24]]);
  return b.table(task);
}

describe("bindView struct fields", () => {
  for (const format of ["x86_64-linux", "armv7-linux", "mips-linux"] as const) {
    for (const strategy of ["table", "codegen"] as const) {
      it(`${format} ${strategy}: reads and writes each field at its offset`, () => {
        const table = taskTable(format);
        const r = region(256, 64, table.types[table.root].byteSize);
        const t = bindView(table, r, { name: "task", strategy });
        const le = table.endian === "little";
        const dv = new DataView(r.bytes.buffer);
        t.pid = -42;
        t.state = 7;
        t.vruntime = 123456789012345n;
        t.comm[0] = 65;
        const off = format === "x86_64-linux" ? { state: 8, comm: 16, vr: 32 } : { state: 4, comm: 8, vr: 24 };
        expect(dv.getInt32(64, le)).toBe(-42);
        expect(format === "x86_64-linux" ? Number(dv.getBigInt64(64 + off.state, le)) : dv.getInt32(64 + off.state, le)).toBe(7);
        expect(dv.getBigUint64(64 + off.vr, le)).toBe(123456789012345n);
        expect(dv.getUint8(64 + off.comm)).toBe(65);
        expect([t.pid, t.state, t.vruntime, t.comm[0], t.comm.length]).toEqual([-42, 7, 123456789012345n, 65, 16]);
      });
    }
  }
});
