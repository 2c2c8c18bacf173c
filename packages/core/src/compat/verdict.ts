import type { Diagnostic } from "../diagnostics/types.js";

/**
 * Verdict is what an attacher can do with a published type:
 * - `identical`: same layout and encodings (the format id may differ): use the table as is;
 * - `compatible`: same members, kinds, encoding classes and counts; offsets, sizes, byte
 *   order or same-type signedness differ: morph the accessors to the published format;
 * - `subset`: the published type also has members (or enumerators) the attacher does not declare;
 * - `incompatible`: the attacher's view cannot be served (TypedFormatError lists why).
 */
export type Verdict = "identical" | "compatible" | "subset" | "incompatible";

// VERDICT_OF_CATEGORY: a compatibility message's catalog category says how bad it is
// (Suggestion: morphable, Warning: the published type has more, Error: incompatible).
const VERDICT_OF_CATEGORY: Readonly<Record<Diagnostic["category"], Verdict>> = {
  suggestion: "compatible",
  warning: "subset",
  error: "incompatible",
};

const RANK: Readonly<Record<Verdict, number>> = { identical: 0, compatible: 1, subset: 2, incompatible: 3 };

/** verdictOf returns the worst verdict the differences call for (`identical` when there are none). */
export function verdictOf(differences: readonly Diagnostic[]): Verdict {
  let worst: Verdict = "identical";
  for (const d of differences) {
    const v = VERDICT_OF_CATEGORY[d.category];
    if (RANK[v] > RANK[worst]) worst = v;
  }
  return worst;
}
