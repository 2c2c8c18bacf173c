import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ABI_IDS, type TableType, type TypeTable } from "@typedc/core";
import { ABIS } from "../packages/core/src/abi/abis";
import { buildTable, buildTableOfType, buildTypeSet } from "../packages/core/src/tables/build";
import { TableDecodeError } from "../packages/core/src/tables/bytes";
import { decodeTable } from "../packages/core/src/tables/decode";
import { encodeTable } from "../packages/core/src/tables/encode";
import { deepFreeze } from "../packages/core/src/tables/freeze";
import { hashBytes, hashTable, tableHashMatches } from "../packages/core/src/tables/hash";
import { parseTablesJson, stringifyTables, tablesFileOf, tablesToJson } from "../packages/core/src/tables/json";
import { TableFormatError } from "../packages/core/src/tables/validate";
import { array, DECL_NAMES, decls, named } from "./tables-decls";

const x64 = ABIS["x86_64-linux"];
const build = (name: string, abi = x64) => buildTable(decls, name, abi);
const byName = (t: TypeTable, name: string) => t.types.findIndex((x) => x.name === name);
const membersOf = (t: TableType) => (t.tag === "structure_type" || t.tag === "union_type" ? t.members : []);

describe("buildTable", () => {
  const task = build("Task");
  const root = task.types[task.root]!;

  it("describes the declaration as the root structure_type, _padN omitted", () => {
    expect(root).toMatchObject({ tag: "structure_type", name: "Task" });
    expect(membersOf(root).map((m) => m.name)).toEqual([
      "pid", "tgid", "state", "comm", "vruntime", "parent", "children", "prio", "mode", "flags", "refs", "data", "value", "_anon0", "wide", "alive",
    ]);
    expect(task).toMatchObject({ version: 1, format: "x86_64-linux", endian: "little", pointerSize: 8, root: 0 });
  });

  it("keeps one entry per distinct type (aliases resolved, pointers shared)", () => {
    const keys = task.types.map((t) => JSON.stringify(t));
    expect(new Set(keys).size).toBe(keys.length);
    const m = Object.fromEntries(membersOf(root).map((x) => [x.name, x]));
    expect(m.pid!.type).toBe(m.tgid!.type);
    expect(m.parent!.type).toBe(m.children!.type);
    expect(task.types[m.pid!.type]).toEqual({ tag: "base_type", name: "i32", byteSize: 4, alignment: 4, encoding: "signed" });
  });

  it("points recursive pointers back at the record", () => {
    const m = membersOf(root).find((x) => x.name === "parent")!;
    expect(task.types[m.type]).toEqual({ tag: "pointer_type", name: "ptr<Task>", byteSize: 8, alignment: 8, target: 0 });
    expect(m.encoding).toBe("address");
    const data = membersOf(root).find((x) => x.name === "data")!;
    expect(task.types[data.type]).toMatchObject({ tag: "pointer_type", name: "ptr<void>", target: null });
  });

  it("gives bit-fields their base type, encoding, DWARF bit offset and width", () => {
    const prio = membersOf(root).find((x) => x.name === "prio")!;
    const mode = membersOf(root).find((x) => x.name === "mode")!;
    expect(prio).toEqual({ name: "prio", type: byName(task, "u32"), dataMemberLocation: 56, byteSize: 4, encoding: "unsigned", dataBitOffset: 448, bitSize: 5 });
    expect(mode).toMatchObject({ dataBitOffset: 456, bitSize: 2, encoding: "signed" }); // Mode has a negative enumerator
    expect(task.types[mode.type]).toMatchObject({ tag: "enumeration_type", name: "Mode", encoding: "signed", enumerators: [{ name: "Idle", value: 0 }, { name: "Run", value: 1 }, { name: "Dead", value: -1 }] });
  });

  it("describes enums, atomics, arrays and inline records", () => {
    const m = Object.fromEntries(membersOf(root).map((x) => [x.name, x]));
    expect(task.types[m.flags!.type]).toMatchObject({ tag: "enumeration_type", encoding: "unsigned" });
    expect(m.flags!.encoding).toBe("unsigned");
    expect(task.types[m.refs!.type]).toEqual({ tag: "atomic_type", name: "atomic<i32>", byteSize: 4, alignment: 4, target: byName(task, "i32") });
    expect(m.refs!.encoding).toBe("signed");
    expect(task.types[m.comm!.type]).toEqual({ tag: "array_type", name: "array<c_char, 16>", byteSize: 16, alignment: 1, element: byName(task, "c_char"), count: 16, stride: 1 });
    expect(m.comm!.encoding).toBeUndefined();
    expect(task.types[m.value!.type]).toMatchObject({ tag: "union_type", name: "", byteSize: 4 });
    expect(membersOf(task.types[m._anon0!.type]!).map((x) => [x.name, x.dataMemberLocation])).toEqual([["lo", 0], ["hi", 1]]);
  });

  it("follows each ABI's facts (c_char signedness, c_long size, byte order)", () => {
    const arm = build("Task", ABIS["armv7-linux"]);
    expect(arm.types[byName(arm, "c_char")]).toMatchObject({ encoding: "unsigned_char", byteSize: 1 });
    expect(task.types[byName(task, "c_char")]).toMatchObject({ encoding: "signed_char" });
    expect(arm.types[byName(arm, "c_long")]).toMatchObject({ byteSize: 4 });
    expect(build("Task", ABIS["s390x-linux"]).endian).toBe("big");
    expect(arm.pointerSize).toBe(4);
  });

  it("describes nested arrays, arrays of inline records, aligned types and flexible arrays", () => {
    const rq = build("RunQueue");
    const m = Object.fromEntries(membersOf(rq.types[rq.root]!).map((x) => [x.name, x]));
    const grid = rq.types[m.grid!.type]!;
    expect(grid).toMatchObject({ tag: "array_type", name: "array<array<c_short, 3>, 2>", count: 2, stride: 6, byteSize: 12 });
    const slots = rq.types[m.slots!.type]!;
    expect(slots).toMatchObject({ name: "array<{...}, 3>", stride: 4 });
    expect(rq.types[m.clock!.type]).toMatchObject({ tag: "base_type", name: "aligned<u64, 8>", alignment: 8, encoding: "unsigned" });
    expect(rq.types[m.tasks!.type]).toMatchObject({ tag: "array_type", name: "array<Task, 4>", count: 4 });
    expect(rq.types[rq.root]).toMatchObject({ alignment: 32 });
    const packet = build("Packet");
    const body = membersOf(packet.types[packet.root]!).find((x) => x.name === "body")!;
    expect(body).toMatchObject({ dataMemberLocation: 7, byteSize: 0 });
    expect(packet.types[body.type]).toMatchObject({ count: 0, byteSize: 0 });
  });

  it("builds the table of any type, e.g. array<Task, 1024>", () => {
    const t = buildTableOfType(decls, array(named("Task"), 1024), x64);
    expect(t.types[t.root]).toMatchObject({ tag: "array_type", name: "array<Task, 1024>", count: 1024, element: 0 });
  });

  it("names an alias root by the record it names", () => {
    const t = build("Alias");
    expect(t.types[t.root]!.name).toBe("ListNode");
    expect(t.hash).toBe(build("ListNode").hash);
  });

  it("names an alias of a record literal by the alias (typedef struct {...} Pair)", () => {
    const t = build("PairHolder");
    const [p, q] = membersOf(t.types[t.root]!);
    expect(t.types[p!.type]).toMatchObject({ tag: "structure_type", name: "Pair", byteSize: 5, alignment: 1 });
    expect(t.types[q!.type]).toMatchObject({ tag: "pointer_type", name: "ptr<Pair>", target: p!.type });
    expect(build("Pair").types[0]).toMatchObject({ name: "Pair", byteSize: 5 });
  });

  it("is deterministic and fills the hash", () => {
    for (const name of DECL_NAMES) {
      const a = build(name);
      expect(JSON.stringify(a)).toBe(JSON.stringify(build(name)));
      expect(a.hash).toMatch(/^[0-9a-f]{16}$/);
      expect(a.hash).toBe(hashTable(a));
    }
  });

  it("gives the same bytes for an equal DeclSet built separately", () => {
    const copy = structuredClone(decls);
    for (const name of DECL_NAMES) expect(encodeTable(buildTable(copy, name, x64))).toEqual(encodeTable(build(name)));
  });

  it("builds an enum declaration as an enumeration_type root", () => {
    const t = build("Mode", ABIS["x86_64-windows"]);
    expect(t.types).toEqual([{ tag: "enumeration_type", name: "Mode", byteSize: 4, alignment: 4, encoding: "signed", enumerators: [{ name: "Idle", value: 0 }, { name: "Run", value: 1 }, { name: "Dead", value: -1 }] }]);
  });

  it("buildTypeSet keys tables by ABI id in the given order", () => {
    const set = buildTypeSet(decls, "Task", [ABIS.wasm32, ABIS["mips-linux"]]);
    expect(Object.keys(set)).toEqual(["wasm32", "mips-linux"]);
    expect(set["mips-linux"]!.endian).toBe("big");
  });
});

describe("binary encoding", () => {
  const all = DECL_NAMES.flatMap((name) => ABI_IDS.map((id) => build(name, ABIS[id])));

  it("round-trips every table on all 12 ABIs, key order included", () => {
    expect(all.length).toBe(DECL_NAMES.length * 12);
    for (const t of all) {
      const back = decodeTable(encodeTable(t));
      expect(back).toEqual(t);
      expect(JSON.stringify(back)).toBe(JSON.stringify(t));
      expect(tableHashMatches(back)).toBe(true);
    }
  });

  it("is compact and starts with the magic", () => {
    const bytes = encodeTable(build("Task"));
    expect([...bytes.subarray(0, 4)]).toEqual([0x54, 0x44, 0x43, 0x54]);
    expect(bytes.length).toBeLessThan(JSON.stringify(build("Task")).length / 4);
  });

  it("gives different tables different hashes", () => {
    const hashes = new Set(all.map((t) => t.hash));
    const contents = new Set(all.map((t) => JSON.stringify({ ...t, hash: "" })));
    expect(hashes.size).toBe(contents.size);
  });

  it("keeps the stored hash even when it does not match (the runtime checks it)", () => {
    const t = { ...build("ListNode"), hash: "0123456789abcdef" };
    const back = decodeTable(encodeTable(t));
    expect(back.hash).toBe("0123456789abcdef");
    expect(tableHashMatches(back)).toBe(false);
  });

  it("rejects malformed bytes with a clear error", () => {
    const good = encodeTable(build("Task"));
    const bad = (mutate: (b: Uint8Array) => Uint8Array) => () => decodeTable(mutate(good.slice()));
    expect(bad((b) => ((b[0] = 0), b))).toThrow(/bad magic/);
    expect(bad((b) => ((b[4] = 2), b))).toThrow(/unsupported table format version 2/);
    expect(bad((b) => b.subarray(0, 6))).toThrow(/too short/);
    expect(() => decodeTable(new Uint8Array([...good.subarray(0, good.length - 8), 0, ...good.subarray(good.length - 8)]))).toThrow(/unexpected bytes/);
    expect(() => decodeTable("TDCT" as unknown as Uint8Array)).toThrow(/expects a Uint8Array/);
  });

  it("rejects huge counts, long varints and bad indexes without allocating", () => {
    const head = [0x54, 0x44, 0x43, 0x54, 1];
    const hash = [0, 0, 0, 0, 0, 0, 0, 0];
    // string count 2^49: more than the bytes left
    expect(() => decodeTable(new Uint8Array([...head, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01, ...hash]))).toThrow(/exceeds the \d+ bytes left/);
    expect(() => decodeTable(new Uint8Array([...head, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01, ...hash]))).toThrow(/longer than 8 bytes/);
    // one string "x86_64-linux", format index 3 (out of range)
    const fmt = [...new TextEncoder().encode("x86_64-linux")];
    expect(() => decodeTable(new Uint8Array([...head, 1, fmt.length, ...fmt, 3, 0, 8, 0, 0, ...hash]))).toThrow(/format: string index 3 is out of range/);
    expect(() => decodeTable(new Uint8Array([...head, 1, 3, 0x61, 0x62, 0x63, 0, 0, 8, 0, 0, ...hash]))).toThrow(/unknown format 'abc'/);
    expect(() => decodeTable(new Uint8Array([...head, 1, fmt.length, ...fmt, 0, 0, 8, 0, 0, ...hash]))).toThrow(/root 0 is out of range \(0 types\)/);
    // a pointer type whose target is type 5 of 1
    expect(() => decodeTable(new Uint8Array([...head, 1, fmt.length, ...fmt, 0, 0, 8, 0, 1, 2, 0, 8, 8, 6, ...hash]))).toThrow(/target: type index 5 is out of range/);
  });

  it("never hangs or fails oddly on truncated or corrupted input", () => {
    const good = encodeTable(build("RunQueue"));
    for (let n = 0; n < good.length - 8; n++) {
      const cut = new Uint8Array([...good.subarray(0, n), ...good.subarray(good.length - 8)]);
      expect(() => decodeTable(cut)).toThrow(TableDecodeError);
    }
    let seed = 12345;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % 256;
    for (let i = 0; i < 2000; i++) {
      const b = good.slice();
      b[random() % (b.length - 8)] = random();
      try {
        decodeTable(b);
      } catch (e) {
        expect(e).toBeInstanceOf(TableDecodeError);
      }
    }
  });
});

describe("hash", () => {
  it("is pinned: the same bytes give the same 16 hex digits forever", () => {
    expect(hashBytes(new Uint8Array())).toBe("4ddec7474d1fdc05");
    expect(hashBytes(new TextEncoder().encode("typedc"))).toBe("37c7d110266b17dc");
  });

  it("changes with any single bit", () => {
    const bytes = encodeTable(build("Task"));
    const base = hashBytes(bytes);
    const seen = new Set([base]);
    for (let i = 0; i < 64; i++) {
      const b = bytes.slice();
      b[i % b.length]! ^= 1 << (i % 8);
      seen.add(hashBytes(b));
    }
    expect(seen.size).toBe(65);
  });

  it("is stable across processes", () => {
    const dir = mkdtempSync(join(tmpdir(), "typedc-hash-"));
    const script = join(dir, "hash.ts");
    const hashModule = join(__dirname, "../packages/core/src/tables/hash.ts").replace(/\\/g, "/");
    writeFileSync(script, `import { hashBytes } from ${JSON.stringify(hashModule)};\nconsole.log(hashBytes(new TextEncoder().encode(process.argv[2]!)));\n`);
    const tsx = join(__dirname, "../node_modules/tsx/dist/cli.mjs");
    const input = "typed shared memory \u00e9\u{1f600}";
    const run = spawnSync(process.execPath, [tsx, script, input], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.stdout.trim()).toBe(hashBytes(new TextEncoder().encode(input)));
  });
});

describe("JSON tables file", () => {
  const file = tablesFileOf({
    Task: buildTypeSet(decls, "Task", ABI_IDS.map((id) => ABIS[id])),
    ListNode: buildTypeSet(decls, "ListNode", [ABIS.wasm32]),
  });

  it("tablesToJson builds the file for several declarations and ABIs", () => {
    expect(tablesToJson(decls, ["Task", "ListNode"], [ABIS["x86_64-linux"], ABIS.wasm32])).toEqual(
      tablesFileOf({ Task: buildTypeSet(decls, "Task", [ABIS["x86_64-linux"], ABIS.wasm32]), ListNode: buildTypeSet(decls, "ListNode", [ABIS["x86_64-linux"], ABIS.wasm32]) }),
    );
  });
  const text = stringifyTables(file);

  it("round-trips through text and objects", () => {
    expect(parseTablesJson(text)).toEqual(file);
    expect(stringifyTables(parseTablesJson(JSON.parse(text)))).toBe(text);
    expect(text.startsWith('{\n  "typedc": "tables",\n  "version": 1,\n  "types": {\n    "Task": {\n      "x86_64-linux": {')).toBe(true);
  });

  const edit = (change: (o: any) => void) => () => {
    const o = JSON.parse(text);
    change(o);
    return parseTablesJson(o);
  };

  it("names what is wrong", () => {
    expect(() => parseTablesJson("{")).toThrow(/not valid JSON/);
    expect(edit((o) => (o.typedc = "layout"))).toThrow(/"typedc" must be "tables"/);
    expect(edit((o) => (o.version = 2))).toThrow(/version 2 is not supported/);
    expect(edit((o) => (o.types.Task["x86_64-linux"].types[1].byteSize = "4"))).toThrow(
      'types["Task"]["x86_64-linux"].types[1].byteSize: expected a non-negative integer, got "4"',
    );
    expect(edit((o) => (o.types.Task["x86_64-linux"].types[0].members[0].type = 99))).toThrow(/members\[0\]\.type: type index 99 is out of range/);
    expect(edit((o) => (o.types.Task["x86_64-linux"].types[0].tag = "class_type"))).toThrow(/types\[0\]\.tag: expected one of base_type/);
    expect(edit((o) => (o.types.Task["x86_64-linux"].extra = 1))).toThrow(/\["x86_64-linux"\]\.extra: unknown property/);
    expect(edit((o) => (o.types.Task["vax-vms"] = o.types.Task.wasm32))).toThrow(/unknown format "vax-vms"/);
    expect(edit((o) => (o.types.Task.wasm64 = o.types.Task.wasm32))).toThrow(/wasm64"\]\.format: the table is for wasm32, not wasm64/);
  });

  it("rejects an altered table by its hash", () => {
    expect(edit((o) => (o.types.ListNode.wasm32.types[0].byteSize = 64))).toThrow(
      /types\["ListNode"\]\["wasm32"\]\.hash: stored [0-9a-f]{16} but the content hashes to [0-9a-f]{16} \(the table was altered\)/,
    );
  });
});

describe("deepFreeze", () => {
  it("freezes every nested object of a table", () => {
    const t = deepFreeze(build("Task"));
    expect(Object.isFrozen(t)).toBe(true);
    expect(Object.isFrozen(t.types)).toBe(true);
    expect(Object.isFrozen(membersOf(t.types[0]!)[0])).toBe(true);
    expect(() => {
      (membersOf(t.types[0]!)[0] as { dataMemberLocation: number }).dataMemberLocation = 3;
    }).toThrow(TypeError);
    expect(tableHashMatches(t)).toBe(true);
  });

  it("errors carry their class", () => {
    expect(() => parseTablesJson("[]")).toThrow(TableFormatError);
  });
});
