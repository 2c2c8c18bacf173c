/**
 * oracleLayouts compiles a DeclSet's C form with clang-19 for the 12 ABIs and returns
 * clang's layouts as SPEC §7's multi-format `--json` object.
 */
import { join, relative } from "node:path";
import { ABI_IDS, CLANG_TRIPLES } from "../../packages/core/src/abi/ids.js";
import type { DeclSet } from "../../packages/core/src/ir/ctype.js";
import { printC } from "../../packages/core/src/ir/print.js";
import type { LayoutJson } from "../../packages/core/src/layout/json.js";
import { compileDwarf } from "./clang.js";
import { enumeratorValues } from "./dwarf.js";
import { expectedFromDwarf, oracleSuffix } from "./expected-from-dwarf.js";
import { REPO_ROOT, WORK_DIR } from "./fixture-files.js";

/** MultiLayoutJson is SPEC §7's `{ "<ABI id>": { "<TypeName>": LayoutJson } }`. */
export type MultiLayoutJson = Record<string, Record<string, LayoutJson>>;

/** oracleLayouts returns clang's layouts of every listed type of `decls` for every ABI; `scratch` names its work folder. */
export function oracleLayouts(decls: DeclSet, scratch: string): MultiLayoutJson {
  const names = listedNames(decls);
  const source = printC(decls) + oracleSuffix(new Map(names.map((n) => [n, cSpelling(decls, n)])));
  const out: MultiLayoutJson = {};
  for (const abi of ABI_IDS) {
    const unit = compileDwarf(source, CLANG_TRIPLES[abi], join(WORK_DIR, workName(scratch)));
    out[abi] = expectedFromDwarf(unit, decls, names, enumeratorValues(unit));
  }
  return out;
}

// workName names a scratch folder inside WORK_DIR (flat, whatever the fixture's path).
function workName(dir: string): string {
  return relative(REPO_ROOT, dir).replace(/[^A-Za-z0-9_-]+/g, "_");
}

/**
 * listedNames returns what SPEC §7 lists: named records and aliases that (through aliases) name a record.
 * Written apart from layout/json.ts on purpose: the oracle must not share the engine's choices.
 */
export function listedNames(decls: DeclSet): string[] {
  const namesRecord = (name: string, depth: number): boolean => {
    const t = decls.types[name];
    if (t === undefined || depth > 64) return false;
    if (t.kind === "record") return true;
    if (t.kind !== "alias") return false;
    return t.target.kind === "record" || (t.target.kind === "named" && namesRecord(t.target.name, depth + 1));
  };
  return Object.keys(decls.types).filter((n) => namesRecord(n, 0));
}

// cSpelling spells a listed type in C: `struct S`, `union U` or the typedef name.
function cSpelling(decls: DeclSet, name: string): string {
  const t = decls.types[name]!;
  return t.kind === "record" ? `${t.record.kind} ${name}` : name;
}
