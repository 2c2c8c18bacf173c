// runtimeExportNames: the exported names of packages/runtime/src/index.ts, sorted (gen-runtime-exports.ts and its test).
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as ts from "typescript";

export function runtimeExportNames(): string[] {
  const index = join(dirname(fileURLToPath(import.meta.url)), "../../runtime/src/index.ts");
  const program = ts.createProgram([index], { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, noEmit: true });
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(index)!);
  if (module === undefined) throw new Error(`no module symbol for ${index}`);
  return checker.getExportsOfModule(module).map((s) => s.name).sort();
}
