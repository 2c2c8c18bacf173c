/**
 * abi-facts writes fixtures/abi/facts.json: for each ABI, clang's sizeof, _Alignof
 * (standalone and as a struct member), _Alignof(_Atomic T) and signedness of every
 * scalar of SCALAR_NAMES, the pointer, enums, and the byte order.
 *
 *   npx tsx scripts/oracle/abi-facts.ts
 */
import { join } from "node:path";
import { ABI_IDS, CLANG_TRIPLES } from "../../packages/core/src/abi/ids.js";
import { SCALAR_NAMES } from "../../packages/core/src/ir/ctype.js";
import { C_SCALARS } from "../../packages/core/src/ir/print.js";
import { compileDwarf } from "./clang.js";
import { enumeratorValues } from "./dwarf.js";
import { ABI_FACTS_FILE, compactJson, WORK_DIR, writeText } from "./fixture-files.js";

/** TypeFacts is what clang says about one C type on one ABI. */
export interface TypeFacts {
  readonly size: number;
  /** `_Alignof(T)`. */
  readonly align: number;
  /** Offset of T after a `char` in a struct: its alignment as a member (i386 `double`: 4). */
  readonly memberAlign: number;
  /** `(T)-1 < 0`: integers only. */
  readonly signed?: boolean;
  /** `_Alignof(_Atomic T)`: integers only. */
  readonly atomicAlign?: number;
}

/** AbiFacts is one ABI's entry in facts.json. */
export interface AbiFacts {
  readonly triple: string;
  readonly endian: "little" | "big";
  readonly pointer: TypeFacts;
  readonly scalars: Readonly<Record<string, TypeFacts>>;
  /** `enum { A = 1 }` and `enum { B = -1 }`: size and signedness of each representation. */
  readonly enums: { readonly nonNegative: TypeFacts; readonly negative: TypeFacts };
}

const FLOATS = new Set(["f32", "f64", "c_float", "c_double"]);

// factsSource returns C whose enumerators carry every fact (DWARF keeps enumerator values).
function factsSource(): { source: string; types: Map<string, { c: string; integer: boolean }> } {
  const types = new Map<string, { c: string; integer: boolean }>();
  for (const name of SCALAR_NAMES) types.set(name, { c: C_SCALARS[name], integer: !FLOATS.has(name) });
  types.set("pointer", { c: "void *", integer: false });
  types.set("enumNonNegative", { c: "enum __typedc_pos", integer: true });
  types.set("enumNegative", { c: "enum __typedc_neg", integer: true });
  const lines = ["enum __typedc_pos { __typedc_pos_a = 1 };", "enum __typedc_neg { __typedc_neg_a = -1 };"];
  const facts: string[] = [`  f__big_endian = __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__,`];
  for (const [name, { c, integer }] of types) {
    lines.push(`struct __typedc_m_${name} { char c; ${c} x; };`);
    facts.push(
      `  f__${name}__size = sizeof(${c}),`,
      `  f__${name}__align = _Alignof(${c}),`,
      `  f__${name}__memberAlign = __builtin_offsetof(struct __typedc_m_${name}, x),`,
    );
    if (integer) facts.push(`  f__${name}__signed = (${c})-1 < 0,`, `  f__${name}__atomicAlign = _Alignof(_Atomic(${c})),`);
  }
  return { source: `${lines.join("\n")}\nenum __typedc_facts {\n${facts.join("\n")}\n};\n`, types };
}

// typeFacts reads one type's facts back from the enumerators.
function typeFacts(values: ReadonlyMap<string, number>, name: string, integer: boolean): TypeFacts {
  const get = (fact: string): number => {
    const v = values.get(`f__${name}__${fact}`);
    if (v === undefined) throw new Error(`missing fact ${name}.${fact}`);
    return v;
  };
  const base = { size: get("size"), align: get("align"), memberAlign: get("memberAlign") };
  return integer ? { ...base, signed: get("signed") === 1, atomicAlign: get("atomicAlign") } : base;
}

function main(): void {
  const { source, types } = factsSource();
  const out: Record<string, AbiFacts> = {};
  for (const abi of ABI_IDS) {
    const triple = CLANG_TRIPLES[abi];
    const values = enumeratorValues(compileDwarf(source, triple, join(WORK_DIR, "abi-facts")));
    const scalars: Record<string, TypeFacts> = {};
    for (const name of SCALAR_NAMES) scalars[name] = typeFacts(values, name, types.get(name)!.integer);
    out[abi] = {
      triple,
      endian: values.get("f__big_endian") === 1 ? "big" : "little",
      pointer: typeFacts(values, "pointer", false),
      scalars,
      enums: { nonNegative: typeFacts(values, "enumNonNegative", true), negative: typeFacts(values, "enumNegative", true) },
    };
  }
  writeText(ABI_FACTS_FILE, compactJson(out) + "\n");
  console.log(`wrote ${ABI_FACTS_FILE}`);
}

main();
