/**
 * The seeded random generator (scripts/oracle/random-decls.ts): deterministic, in sync
 * with the committed fixtures, and covering every feature of SPEC §2 across the seeds.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SCALAR_NAMES, isAnonName, isPadName, type CType, type DeclSet, type Field, type RecordType } from "../packages/core/src/ir/ctype.js";
import { LAYOUT_FIXTURES } from "../scripts/oracle/fixture-files.js";
import { fixtureDirs } from "../scripts/oracle/load-fixture.js";
import { randomDecls } from "../scripts/oracle/random-decls.js";

const DIRS = fixtureDirs(join(LAYOUT_FIXTURES, "random"));
const SEEDS = DIRS.map((d) => Number(/seed-(\d+)$/.exec(d)![1]));
const ALL = DIRS.map((d) => JSON.parse(readFileSync(join(d, "decls.json"), "utf8")) as DeclSet);

// features collects the SPEC §2 features a DeclSet uses, as short tags.
function features(decls: DeclSet): Set<string> {
  const seen = new Set<string>();
  const type = (t: CType, owner: string, isFieldTop: boolean): void => {
    switch (t.kind) {
      case "scalar":
        seen.add(`scalar:${t.name}`);
        return;
      case "pointer":
        if (t.target === null) seen.add("ptr<void>");
        else if (t.target.kind === "named" && t.target.name === owner) seen.add("ptr<self>");
        else seen.add("ptr<T>");
        if (t.target !== null) type(t.target, owner, false);
        return;
      case "array":
        seen.add(t.count === 0 ? "flexible array" : t.element.kind === "array" ? "multi-dimensional array" : "array");
        return type(t.element, owner, false);
      case "record":
        return record(t.record, owner, "inline");
      case "named": {
        const target = decls.types[t.name];
        seen.add(`named ${target?.kind}`);
        return;
      }
      case "bits": {
        const base = t.base.kind === "scalar" ? t.base.name : "enum";
        seen.add(`bits<${base}>`);
        if (t.bitWidth === 0) seen.add("bits width 0");
        return;
      }
      case "atomic":
        seen.add("atomic");
        return type(t.base, owner, false);
      case "aligned":
        seen.add(isFieldTop ? "type-level aligned under member attributes" : "type-level aligned");
        return type(t.base, owner, false);
    }
  };
  const field = (f: Field, owner: string): void => {
    if (isPadName(f.name)) seen.add("_padN");
    if (isAnonName(f.name)) seen.add("_anonN");
    if (f.memberAlign !== undefined) seen.add(`member aligned(${f.memberAlign})`);
    if (f.memberPacked) seen.add("member packed");
    type(f.type, owner, true);
  };
  const record = (r: RecordType, owner: string, where: string): void => {
    seen.add(`${where} ${r.kind}`);
    if (r.packed) seen.add(`${where} packed`);
    if (r.byteAlign !== undefined) seen.add(`record aligned(${r.byteAlign})`);
    r.fields.forEach((f) => field(f, owner));
  };
  for (const t of Object.values(decls.types)) {
    if (t.kind === "record") record(t.record, t.name, "named");
    if (t.kind === "enum") {
      seen.add("enum");
      if (t.members.some((m) => m.value < 0)) seen.add("enum negative");
    }
    if (t.kind === "alias") {
      seen.add(`alias of ${t.target.kind}`);
      type(t.target, t.name, false);
    }
  }
  return seen;
}

describe("random layout fixtures", () => {
  it("are deterministic per seed and match the committed decls.json", () => {
    for (const [i, seed] of SEEDS.entries()) {
      const again = randomDecls(seed, { recordCount: 40 });
      expect(again).toEqual(randomDecls(seed, { recordCount: 40 }));
      expect(again).toEqual(ALL[i]);
    }
  });

  it("hold at least 1,000 records", () => {
    const records = ALL.reduce((n, d) => n + Object.values(d.types).filter((t) => t.kind === "record").length, 0);
    expect(records).toBeGreaterThanOrEqual(1000);
  });

  it("cover every feature of SPEC §2", () => {
    const seen = new Set(ALL.flatMap((d) => [...features(d)]));
    const required = [
      ...SCALAR_NAMES.map((n) => `scalar:${n}`),
      "ptr<void>", "ptr<self>", "ptr<T>", "array", "multi-dimensional array", "flexible array",
      "named struct", "named union", "inline struct", "inline union", "named packed", "inline packed",
      "named record", "named enum", "named alias", "_anonN", "_padN", "bits width 0", "bits<enum>",
      "bits<c_char>", "bits<bool>", "bits<i8>", "bits<u64>", "bits<c_long>", "bits<c_longlong>", "bits<c_wchar>",
      "member packed", "type-level aligned", "type-level aligned under member attributes", "atomic",
      "enum", "enum negative", "alias of named", "alias of scalar",
      ...[1, 2, 4, 8, 16, 32, 64].flatMap((n) => [`member aligned(${n})`, `record aligned(${n})`]),
    ];
    expect(required.filter((f) => !seen.has(f))).toEqual([]);
  });
});
