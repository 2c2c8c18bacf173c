/**
 * Test-only stand-ins for core functions that have not landed in @typedc/core's index
 * yet (the preamble's rule: "use a small local stand-in inside your tests only").
 * The real modules are used where they exist in core's sources; `coreWithStandIns`
 * lets @typedc/core's own exports win as soon as they are exported.
 */
import type { TypeTable } from "@typedc/core";

type Verdict = "identical" | "compatible" | "subset" | "incompatible";

// compareTablesStandIn: identical by hash; else every member of `mine`'s root record must
// exist in the published root with the same tag/encoding (the real check lives in core/compat).
function compareTablesStandIn(published: TypeTable, mine: TypeTable): { verdict: Verdict; differences: string[] } {
  if (published.hash === mine.hash) return { verdict: "identical", differences: [] };
  const differences: string[] = [];
  const unwrap = (t: TypeTable) => {
    let type = t.types[t.root]!;
    let prefix = type.name;
    if (type.tag === "array_type") { prefix = `${type.name}`; type = t.types[type.element]!; }
    return { type, prefix };
  };
  const p = unwrap(published);
  const m = unwrap(mine);
  const count = (t: TypeTable) => { const r = t.types[t.root]!; return r.tag === "array_type" ? r.count : -1; };
  if (count(published) !== count(mine)) differences.push(`${m.prefix}: array count ${count(published)} vs ${count(mine)}`);
  if (p.type.tag !== m.type.tag) differences.push(`${m.prefix}: kind ${p.type.tag} vs ${m.type.tag}`);
  else if (m.type.tag === "structure_type" && p.type.tag === "structure_type") {
    for (const member of m.type.members) {
      const other = p.type.members.find((x) => x.name === member.name);
      if (!other) differences.push(`${m.type.name}.${member.name}: missing in the published type`);
      else if (published.types[other.type]!.tag !== mine.types[member.type]!.tag) differences.push(`${m.type.name}.${member.name}: kind differs`);
    }
  }
  return { verdict: differences.length ? "incompatible" : "compatible", differences };
}

/** coreWithStandIns returns core's exports, filled in with the table modules and the compat stand-in where core does not export them yet. */
export async function coreWithStandIns(core: Record<string, unknown>): Promise<Record<string, unknown>> {
  const hash = await import("../packages/core/src/tables/hash.ts");
  const encode = await import("../packages/core/src/tables/encode.ts");
  const decode = await import("../packages/core/src/tables/decode.ts");
  return { ...hash, ...encode, ...decode, compareTables: compareTablesStandIn, ...core };
}
