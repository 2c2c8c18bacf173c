/**
 * generateFile: the Babel plugin's code generation for one file, from its Babel tree (read
 * in the plugin's own Program.enter, before preset-typescript strips the types): options,
 * declarations (the Babel extractor), then the rewrite. Diagnostics come in the tsc plugin's
 * order: options, declarations, accesses.
 */
import type { NodePath } from "@babel/traverse";
import type * as t from "@babel/types";
import { resolveGeneratorOptions, type DeclSet, type Diagnostic, type TablesFile } from "@typedc/core";
import { extractWithContext, type Extraction } from "./extract.js";
import { readTextFile } from "./extract-program.js";
import { RUNTIME_MODULE } from "./extract-runtime.js";
import { finishFile } from "./gen-file.js";
import { newFileState } from "./gen-file-state.js";
import "./gen-handlers.js";
import { indexParents, type GenState, type SourceFile } from "./gen-state.js";
import { newVisitor } from "./gen-transform.js";
import { checkInlineSignatures } from "./gen-typed-returns.js";

/** PLUGIN_ONLY_KEYS are Babel plugin options that are not code generator options. */
export const PLUGIN_ONLY_KEYS: ReadonlySet<string> = new Set(["throwOnError"]);

/** GeneratedFile is what the code generation made of a file: the new program body (undefined: nothing typed, keep the file), its tables, every diagnostic, and the DeclSet. */
export interface GeneratedFile {
  readonly body?: t.Statement[];
  readonly tables?: TablesFile;
  readonly diagnostics: readonly Diagnostic[];
  readonly decls: DeclSet;
}

/** generateFile rewrites the typed accesses of a file given as Babel's Program path (not changed here: the caller installs `body`). */
export function generateFile(program: NodePath<t.Program>, fileName: string, code: string, rawOptions: Readonly<Record<string, unknown>>, cwd: string): GeneratedFile {
  const { options, diagnostics: optionDiagnostics } = resolveGeneratorOptions(rawOptions, PLUGIN_ONLY_KEYS);
  const extraction = extractWithContext(fileName, { readFile: (file) => (file === fileName ? code : readTextFile(file)) }, true);
  const decls = extraction.result.value;
  const before = [...optionDiagnostics, ...extraction.result.diagnostics];
  if (extraction.root === undefined || nothingToRewrite(extraction)) return { diagnostics: before, decls };
  const file: SourceFile = { fileName, text: code, program: program.node, module: extraction.root };
  const parents = new WeakMap<t.Node, t.Node>();
  indexParents(parents, program.node);
  const st: GenState = {
    decls,
    options,
    ctx: { ...extraction.context(), scope: { file: extraction.root, typeParameters: new Set() } },
    babelProgram: extraction.program,
    diagnostics: [],
    typeSets: new Map(),
    file,
    parents,
    files: new Map([[program.node, file]]),
    imports: new Map(),
  };
  const fs = newFileState(st, cwd);
  const v = newVisitor(fs);
  const statements = v.statements(program.node.body);
  checkInlineSignatures(st, program.node); // after the visit, as the tsc plugin checks them
  if (!fs.used) return { body: fs.changed ? statements : undefined, diagnostics: [...before, ...st.diagnostics], decls };
  const { body, tables } = finishFile(fs, statements, fs.envs[0]!);
  return { body, tables, diagnostics: [...before, ...st.diagnostics], decls };
}

/**
 * nothingToRewrite tells whether a file can be left as it is without visiting it: neither it nor
 * any module of its import closure mentions `__typed` or `@typedc/runtime` (a typed binding, or a
 * function returning one, is annotated where it is declared; every runtime export is imported by
 * that name), so no expression of the file can be typed, and it declares no enum (lowered here as
 * TypeScript lowers it). Most files of an application are such files; the visit would only find
 * that out, at about a millisecond a file.
 */
function nothingToRewrite(extraction: Extraction): boolean {
  if (/\benum\b/.test(extraction.root!.source.text)) return false;
  return !extraction.program.files.some(({ source: { text } }) => text.includes("__typed") || text.includes(RUNTIME_MODULE));
}
