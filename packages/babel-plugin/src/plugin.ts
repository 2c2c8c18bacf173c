import type { NodePath, PluginObj, PluginPass } from "@babel/core";
import { declare } from "@babel/helper-plugin-utils";
import type * as t from "@babel/types";
import { checkDecls, checkFileDecls, type DeclSet, type Diagnostic, type Result, type TablesFile } from "@typedc/core";
import { join } from "node:path";
import { extractDeclsBabel } from "./extract.js";
import { readTextFile } from "./extract-program.js";
import { generateFile } from "./gen-run.js";
import { codeFrameError, messageOf } from "./plugin-report.js";
import { parseFile, syntaxDiagnostic } from "./extract-parse.js";
import { sourceNames, unveil, veil, type Veiled } from "./gen-veil.js";
import { lineAndColumnOf, RUNTIME_NAMESPACE } from "@typedc/core";

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
  // Babel makes the plugin again for every file compiled with new options; the check parses a semver range each time.
  if (!compatibleVersions.has(api.version)) {
    api.assertVersion(7);
    compatibleVersions.add(api.version);
  }
  const throwOnError = rawOptions.throwOnError !== false;
  // `parserOverride` is a Babel 7 plugin property that @types/babel__core does not list.
  const plugin: PluginObj<PluginPass> & { parserOverride: unknown } = {
    name: "typedc",
    parserOverride(code: string, parserOpts: Record<string, unknown>, parse: (code: string, opts: Record<string, unknown>) => unknown) {
      return parseOrReport(code, parserOpts, parse, throwOnError);
    },
    visitor: {
      Program: {
        exit(path: NodePath<t.Program>) {
          const veiled = veiledPrograms.get(path.node);
          if (veiled === undefined) return;
          veiledPrograms.delete(path.node);
          unveil(path.node, veiled);
        },
        enter(path: NodePath<t.Program>, state: PluginPass) {
          const fileName = state.filename ?? join(state.cwd, "unknown.ts");
          if (!/\.[mc]?tsx?$/.test(fileName)) return; // only TypeScript has declarations and annotations
          const syntaxError = syntaxErrors.get(path.node);
          if (syntaxError !== undefined) {
            (state.file.metadata as unknown as Record<string, unknown>).typedc = { diagnostics: [syntaxError], declarationChecks: [] } satisfies TypedcMetadata;
            return;
          }
          const code = state.file.code;
          const generated = generateFile(path, fileName, code, rawOptions, state.cwd);
          const diagnostics = generated.diagnostics;
          const declarationChecks = diagnostics.some((d) => d.category === "error") ? [] : checkFileDecls(generated.decls, fileName);
          const metadata: TypedcMetadata = { tables: generated.tables, diagnostics, declarationChecks };
          (state.file.metadata as unknown as Record<string, unknown>).typedc = metadata;
          const first = [...diagnostics, ...declarationChecks].find((d) => d.category === "error");
          if (first !== undefined && throwOnError) throw codeFrameError(path, state, fileName, first);
          if (first !== undefined || generated.body === undefined) return;
          const original = new Set<t.Node>(path.node.body);
          // typedc's own code is hidden from the rest of the pass and put back on exit (gen-veil.ts).
          const veiled = veil(generated.body, sourceNames(path.node));
          if (veiled.hidden.size > 0) veiledPrograms.set(path.node, veiled);
          path.node.body = generated.body;
          // The file's scope keeps its original references, so preset-typescript elides exactly the
          // imports that the source uses only as types (TypeScript's rule, decided on the source
          // before the rewrite). The declarations the rewrite adds at the top level are registered.
          for (const statement of path.get("body")) {
            if (!original.has(statement.node) && !statement.isImportDeclaration()) path.scope.registerDeclaration(statement);
          }
          keepRuntimeImport(path);
        },
      },
    },
  };
  return plugin;
});

/** compatibleVersions are the @babel/core versions `assertVersion(7)` accepted in this process. */
const compatibleVersions = new Set<string>();

/** veiledPrograms are the programs whose typedc code is hidden until their exit, with what to put back. */
const veiledPrograms = new WeakMap<t.Program, Veiled>();

/** syntaxErrors holds the 1005 of a file that parsed as empty (`throwOnError: false`), by its empty Program. */
const syntaxErrors = new WeakMap<t.Program, Diagnostic>();

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
    // The extractor's parse recovers from what Babel's build parse may not (a missing semicolon): then Babel's error is the 1005.
    const parsed = parseFile(fileName, code);
    const diagnostic = parsed.ok ? syntaxDiagnostic({ fileName, text: code }, error) : parsed.error;
    if (!throwOnError) {
      const empty = parse("", parserOpts) as { program: t.Program };
      syntaxErrors.set(empty.program, diagnostic);
      return empty;
    }
    const at = lineAndColumnOf(code, diagnostic.loc!.start);
    throw Object.assign(new SyntaxError(messageOf(diagnostic)), { loc: { line: at.line, column: at.column - 1 }, pos: diagnostic.loc!.start });
  }
}

/**
 * keepRuntimeImport registers the added `import * as __typedc` with its first use (the helpers'
 * `__typedc.name`), so preset-typescript sees a value import it keeps, and does not add the
 * `export {}` it adds to a module whose imports it all removed (TypeScript adds none).
 */
function keepRuntimeImport(program: NodePath<t.Program>): void {
  const body = program.get("body");
  const runtimeImport = body.find((s) => s.isImportDeclaration() && s.node.specifiers.length === 1 && s.node.specifiers[0]!.type === "ImportNamespaceSpecifier" && s.node.specifiers[0]!.local.name === RUNTIME_NAMESPACE);
  if (runtimeImport === undefined) return;
  program.scope.registerDeclaration(runtimeImport);
  const binding = program.scope.getBinding(RUNTIME_NAMESPACE);
  for (const statement of body) {
    if (!statement.isVariableDeclaration()) continue;
    for (const d of statement.get("declarations")) {
      const init = d.get("init");
      if (init.isMemberExpression() && init.get("object").isIdentifier({ name: RUNTIME_NAMESPACE })) {
        binding?.reference(init.get("object"));
        return;
      }
    }
  }
}
