import type { NodePath, PluginObj, PluginPass } from "@babel/core";
import { declare } from "@babel/helper-plugin-utils";
import type * as t from "@babel/types";
import { checkDecls, type DeclSet, type Diagnostic, type Result } from "@typedc/core";
import { join } from "node:path";
import { extractDeclsBabel } from "./extract.js";
import { readTextFile } from "./extract-program.js";
import { codeFrameError } from "./plugin-report.js";

/**
 * declarationDiagnostics extracts the declarations of the file being compiled (its text as Babel
 * holds it; imported modules from disk) and validates them with core's checkDecls, as the CLI
 * does: after extraction errors the DeclSet is partial, so checkDecls runs only without them.
 */
export function declarationDiagnostics(fileName: string, code: string): Result<DeclSet> {
  const extracted = extractDeclsBabel(fileName, { readFile: (file) => (file === fileName ? code : readTextFile(file)) });
  const hasErrors = extracted.diagnostics.some((d) => d.category === "error");
  const checked: Diagnostic[] = hasErrors ? [] : checkDecls(extracted.value);
  return { value: extracted.value, diagnostics: [...extracted.diagnostics, ...checked] };
}

/**
 * typedcBabelPlugin is the Babel plugin `@typedc/babel-plugin`: on entering a file's Program (a
 * plugin runs before presets, so before @babel/preset-typescript strips the types) it extracts
 * the file's typed declarations and fails the build with a code frame at the first error
 * (`TYPEDnnnn: message`, the same code and text as the tsc plugin). Code generation comes later.
 */
export const typedcBabelPlugin = declare((api): PluginObj<PluginPass> => {
  api.assertVersion(7);
  return {
    name: "typedc",
    visitor: {
      Program: {
        enter(path: NodePath<t.Program>, state: PluginPass) {
          const fileName = state.filename ?? join(state.cwd, "unknown.ts");
          if (!/\.[mc]?tsx?$/.test(fileName)) return; // only TypeScript has declarations
          const { diagnostics } = declarationDiagnostics(fileName, state.file.code);
          const first = diagnostics.find((d) => d.category === "error");
          if (first !== undefined) throw codeFrameError(path, state, fileName, first);
        },
      },
    },
  };
});
