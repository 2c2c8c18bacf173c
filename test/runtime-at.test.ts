/** `at` over memory without a directory, and loadTypes over `typedc tables` output. */
import { describe, expect, it } from "vitest";
import { ABIS, ABI_IDS, stringifyTables, tablesToJson } from "@typedc/core";
import { at } from "../packages/runtime/src/at.js";
import { loadTypes } from "../packages/runtime/src/load.js";
import { sizeof } from "../packages/runtime/src/sizeof.js";
import { readCString, writeCString } from "../packages/runtime/src/strings.js";
import { TypedFormatError, TypedIntegrityError, TypedBoundsError, TypedRangeError, type TypedError } from "../packages/runtime/src/errors.js";
import { arr, declSet, named, ptr, sc, struct } from "./runtime-view-helpers.js";

const DECLS = declSet(
  struct("Node", [["value", sc("i32")], ["next", ptr(named("Node"))], ["name", arr(sc("c_char"), 8)]]),
  struct("Hdr", [["magic", sc("u32")], ["len", sc("u16")], ["flags", sc("u8")]]),
);
const JSON_TEXT = stringifyTables(tablesToJson(DECLS, ["Node", "Hdr"], ABI_IDS.map((id) => ABIS[id])));

function thrown(f: () => unknown): TypedError {
  try {
    f();
  } catch (e) {
    return e as TypedError;
  }
  throw new Error("expected a throw");
}

describe("loadTypes", () => {
  it("returns a deeply frozen type set per declaration, for every format", () => {
    const types = loadTypes(JSON_TEXT);
    expect(Object.keys(types)).toEqual(["Node", "Hdr"]);
    expect(Object.keys(types.Node!)).toEqual([...ABI_IDS]);
    expect(Object.isFrozen(types)).toBe(true);
    expect(Object.isFrozen(types.Node!["x86_64-linux"]!.types[0])).toBe(true);
    expect(types.Node!["wasm32"]!.pointerSize).toBe(4);
  });

  it("an altered table is a TypedIntegrityError; a malformed document a TypedFormatError", () => {
    const doc = JSON.parse(JSON_TEXT);
    doc.types.Hdr["x86_64-linux"].types[0].members[1].dataMemberLocation = 6;
    const e = thrown(() => loadTypes(doc));
    expect(e).toBeInstanceOf(TypedIntegrityError);
    expect(e.code).toBe(5144);
    expect(e.message).toMatch(/^A type table was altered: types\["Hdr"\]\["x86_64-linux"\]\.hash: stored [0-9a-f]{16} but the content hashes to [0-9a-f]{16}/);
    const f = thrown(() => loadTypes('{"typedc":"tables","version":2,"types":{}}'));
    expect(f).toBeInstanceOf(TypedFormatError);
    expect(f.message).toBe("Not a typedc tables document: tables JSON: version 2 is not supported (expected 1). (TYPED5143)");
  });
});

describe("at", () => {
  const types = loadTypes(JSON_TEXT);

  it("without a type (plain JavaScript that was not compiled by typedc) is a TypedFormatError that says what to pass", () => {
    const error = thrown(() => at(new ArrayBuffer(16), 0, { format: "x86_64-linux" }));
    expect(error).toBeInstanceOf(TypedFormatError);
    expect((error as Error).message).toMatch(/Option 'type' must be a type set or a type table \(compile with typedc, or pass one from loadTypes\), got undefined/);
  });

  it("a Node Buffer counts from its own byteOffset", () => {
    const backing = Buffer.alloc(64);
    const packet = backing.subarray(10, 30);
    const hdr = at(packet, 4, { format: "mips-linux", type: types.Hdr! });
    hdr.magic = 0xcafebabe;
    hdr.len = 513;
    expect([...backing.subarray(14, 20)]).toEqual([0xca, 0xfe, 0xba, 0xbe, 0x02, 0x01]);
    expect(sizeof(hdr)).toBe(8);
    expect(thrown(() => at(packet, 16, { format: "mips-linux", type: types.Hdr! }))).toBeInstanceOf(TypedBoundsError);
  });

  it("a DataView and a plain ArrayBuffer", () => {
    const buf = new ArrayBuffer(32);
    at(new DataView(buf, 8), 0, { format: "x86_64-linux", type: types.Hdr! }).magic = 7;
    expect(new DataView(buf).getUint32(8, true)).toBe(7);
    expect(at(buf, 8, { format: "x86_64-linux", type: types.Hdr! }).magic).toBe(7);
    expect(at(buf, 8, { format: "s390x-linux", type: types.Hdr! }).magic).toBe(7 * 2 ** 24);
  });

  it("wasm linear memory: pointers are wasm addresses", () => {
    const memory = new WebAssembly.Memory({ initial: 1 });
    const nodes = at(memory, 1024, { format: "wasm32", type: types.Node!, count: 3, name: "nodes" });
    expect(nodes.length).toBe(3);
    const stride = sizeof(nodes[0]);
    nodes[0].next = nodes[2];
    expect(new DataView(memory.buffer).getUint32(1024 + 4, true)).toBe(1024 + 2 * stride);
    nodes[2].value = 99;
    writeCString(nodes[2].name, "tail");
    expect(nodes[0].next.value).toBe(99);
    expect(readCString(nodes[0].next.name)).toBe("tail");
    expect(nodes[1].next).toBeNull();
    new DataView(memory.buffer).setUint32(1024 + stride + 4, 65536 - 4, true); // a pointer whose target leaves the memory
    expect(thrown(() => nodes[1].next).message).toBe("nodes[1].next: Pointer 65532 to 'Node' (16 bytes) points outside the memory. (TYPED5103)");
    const other = at(new ArrayBuffer(64), 0, { format: "wasm32", type: types.Node! });
    expect(thrown(() => (nodes[1].next = other))).toBeInstanceOf(TypedRangeError);
  });

  it("a table for another format than asked, or an unknown target, are errors", () => {
    expect(thrown(() => at(new ArrayBuffer(64), 0, { format: "wasm32", type: types.Hdr!["x86_64-linux"]! })).message).toBe(
      "The type table of 'Hdr' is for format 'x86_64-linux', not 'wasm32'. (TYPED5142)",
    );
    expect(thrown(() => at({} as ArrayBuffer, 0, { format: "wasm32", type: types.Hdr! })).code).toBe(5148);
    expect(thrown(() => at(new ArrayBuffer(64), 0, { format: "vax" as "wasm32", type: types.Hdr! }))).toBeInstanceOf(TypedFormatError);
  });
});
