import type { NodePath, PluginObj, PluginPass } from "@babel/core";
import { declare } from "@babel/helper-plugin-utils";
import type * as t from "@babel/types";
import { checkDecls, type DeclSet, type Diagnostic, type Result, type TablesFile } from "@typedc/core";
import { join } from "node:path";
import { extractDeclsBabel } from "./extract.js";
import { readTextFile } from "./extract-program.js";
import { generateFile } from "./gen-run.js";
import { codeFrameError, messageOf } from "./plugin-report.js";
import { parseFile } from "./extract-parse.js";
import { lineAndColumnOf } from "@typedc/core";

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

/** TypedcMetadata is what the plugin leaves in Babel's `result.metadata.typedc` for a file. */
export interface TypedcMetadata {
  /** The type sets the file embeds (the tsc plugin's `getTables()` entry), when it embeds any. */
  readonly tables?: TablesFile;
  /** Every diagnostic in the tsc plugin's order: options, declarations, accesses. */
  readonly diagnostics: readonly Diagnostic[];
  /** core's checkDecls of the file's declarations, when `diagnostics` has no error (the CLI's validation; a layout the tsc plugin reports only when a type set needs it). */
  readonly declarationChecks: readonly Diagnostic[];
}

/**
 * typedcBabelPlugin is the Babel plugin `@typedc/babel-plugin` (docs/babel.md). On entering a
 * file's Program (a plugin runs before presets, so before @babel/preset-typescript strips the
 * types) it extracts the declarations, rewrites every `__typed` access as the tsc plugin does
 * (same code, same type-set constants) and fails the build with a code frame at the first error
 * (`TYPEDnnnn: message`). Options: `formats`, `boundsChecks`, `baseDir` (the tsc plugin's), and
 * `throwOnError: false` to leave errors in `result.metadata.typedc.diagnostics` instead.
 */
export const typedcBabelPlugin = declare((api, rawOptions: Record<string, unknown>): PluginObj<PluginPass> => {
  api.assertVersion(7);
  const throwOnError = rawOptions.throwOnError !== false;
  // `parserOverride` is a Babel 7 plugin property that @types/babel__core does not list.
  const plugin: PluginObj<PluginPass> & { parserOverride: unknown } = {
    name: "typedc",
    parserOverride(code: string, parserOpts: Record<string, unknown>, parse: (code: string, opts: Record<string, unknown>) => unknown) {
      return parseOrReport(code, parserOpts, parse, throwOnError);
    },
    visitor: {
      Program: {
        enter(path: NodePath<t.Program>, state: PluginPass) {
          const fileName = state.filename ?? join(state.cwd, "unknown.ts");
          if (!/\.[mc]?tsx?$/.test(fileName)) return; // only TypeScript has declarations and annotations
          const code = state.file.code;
          const generated = generateFile(path, fileName, code, rawOptions, state.cwd);
          const diagnostics = generated.diagnostics;
          const declarationChecks = diagnostics.some((d) => d.category === "error") ? [] : checkDecls(generated.decls);
          const metadata: TypedcMetadata = { tables: generated.tables, diagnostics, declarationChecks };
          (state.file.metadata as unknown as Record<string, unknown>).typedc = metadata;
          const first = [...diagnostics, ...declarationChecks].find((d) => d.category === "error");
          if (first !== undefined && throwOnError) throw codeFrameError(path, state, fileName, first);
          if (first !== undefined || generated.body === undefined) return;
          const original = new Set<t.Node>(path.node.body);
          path.node.body = generated.body;
          // The file's scope keeps its original references, so preset-typescript elides exactly the
          // imports that the source uses only as types (TypeScript's rule, decided on the source
          // before the rewrite). The declarations the rewrite adds at the top level are registered,
          // except the runtime namespace import: with no binding, preset-typescript keeps it.
          for (const statement of path.get("body")) {
            if (!original.has(statement.node) && !statement.isImportDeclaration()) path.scope.registerDeclaration(statement);
          }
        },
      },
    },
  };
  return plugin;
});

/**
 * parseOrReport is the plugin's parserOverride: Babel's own parse, and on a syntax error in a
 * TypeScript file the error as typedc reports it (TYPED1005 with the extractor's wording and
 * position, docs/babel.md "Syntax errors"); Babel adds the file name and the code frame. With
 * `throwOnError: false` the file parses as empty and the 1005 goes into the metadata.
 */
function parseOrReport(code: string, parserOpts: Record<string, unknown>, parse: (code: string, opts: Record<string, unknown>) => unknown, throwOnError: boolean): unknown {
  try {
    return parse(code, parserOpts);
  } catch (error) {
    const fileName = typeof parserOpts.sourceFileName === "string" ? parserOpts.sourceFileName : undefined;
    if (fileName === undefined || !/\.[mc]?tsx?$/.test(fileName)) throw error;
    const parsed = parseFile(fileName, code);
    if (parsed.ok) throw error; // Babel's options reject what TypeScript's grammar accepts: Babel's own error
    if (!throwOnError) return parse("", parserOpts);
    const at = lineAndColumnOf(code, parsed.error.loc!.start);
    throw Object.assign(new SyntaxError(messageOf(parsed.error)), { loc: { line: at.line, column: at.column - 1 }, pos: parsed.error.loc!.start });
  }
}
