import { SCALAR_NAMES, type ScalarName } from "@typedc/core";

/** RUNTIME_MODULE is the module specifier that exports the C types (SPEC §2). */
export const RUNTIME_MODULE = "@typedc/runtime";

/** GENERIC_NAMES lists the generic C type constructors of `@typedc/runtime` (SPEC §2), plus `__typed` (§3). */
export const GENERIC_NAMES = ["ptr", "array", "union", "bits", "packed", "aligned", "atomic", "__typed"] as const;

/** RuntimeTypeName is any type name `@typedc/runtime` exports for declarations. */
export type RuntimeTypeName = ScalarName | (typeof GENERIC_NAMES)[number];

const RUNTIME_NAMES: ReadonlySet<string> = new Set<string>([...SCALAR_NAMES, ...GENERIC_NAMES]);

/** isRuntimeTypeName tells whether a name exported by `@typedc/runtime` is one of its C types. */
export function isRuntimeTypeName(name: string): name is RuntimeTypeName {
  return RUNTIME_NAMES.has(name);
}
