/**
 * The Babel extractor has no checker: it tells a runtime export without C layout (`TypedMemory`,
 * 1001) from a name `@typedc/runtime` does not export at all (1023) with a generated list of
 * the runtime's exports. The list must be the runtime's current one.
 */
import { expect, test } from "vitest";
import { RUNTIME_EXPORTS } from "../packages/babel-plugin/src/runtime-exports.generated.js";
import { runtimeExportNames } from "../packages/babel-plugin/scripts/runtime-export-names.js";

test("runtime-exports.generated.ts lists exactly what packages/runtime/src/index.ts exports (regenerate: npx tsx packages/babel-plugin/scripts/gen-runtime-exports.ts)", () => {
  const names = runtimeExportNames();
  expect(names).toContain("TypedMemory");
  expect(names).toContain("i32");
  expect([...RUNTIME_EXPORTS]).toEqual(names);
});
