import { GENERIC_TYPE_NAMES, SCALAR_NAMES, type RuntimeTypeName } from "@typedc/core";

export type { RuntimeTypeName };

/** RUNTIME_MODULE is the module specifier that exports the C types (SPEC §2). */
export const RUNTIME_MODULE = "@typedc/runtime";

const RUNTIME_NAMES: ReadonlySet<string> = new Set<string>([...SCALAR_NAMES, ...GENERIC_TYPE_NAMES]);

/** isRuntimeTypeName tells whether a name exported by `@typedc/runtime` is one of its C types. */
export function isRuntimeTypeName(name: string): name is RuntimeTypeName {
  return RUNTIME_NAMES.has(name);
}
