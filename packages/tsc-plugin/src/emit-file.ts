/**
 * The file-level part of the output: after the file's leading imports,
 * `import * as __typedc from "@typedc/runtime"`, the runtime exports it uses bound to
 * locals, then the file's type sets as one constant
 * (deduplicated by C type; every table keyed by format), then the refs of typed
 * bindings imported from other modules, then the rest:
 *   const __typedc$types = __typedc.loadTypes("{\"typedc\":\"tables\",...}");
 */
import type * as TS from "typescript";
import { abiSpec, buildTableOfType, createDiagnostic, Diagnostics, tablesFileOf, type CType, type TablesFile, type TypeSet, type TypeTable } from "@typedc/core";
import { RUNTIME_ID, TYPES_ID, refDeclarations, rtCall, type FileState } from "./file-state.js";
import { nodeLoc } from "./program-state.js";

const tablesByFile = new WeakMap<TS.SourceFile, TablesFile>();

/** tablesOfFile returns the tables a rewritten file embeds (undefined when it embeds none). */
export function tablesOfFile(sf: TS.SourceFile): TablesFile | undefined {
  return tablesByFile.get(sf);
}

/** typeSetsOf builds the TablesFile of a file's type sets, reporting a type that cannot be laid out (1216). */
export function typeSetsOf(fs: FileState): TablesFile {
  const sets: Record<string, TypeSet> = {};
  for (const [key, { type, node }] of fs.typeSets) {
    let set = fs.st.typeSets.get(key);
    if (set === undefined) {
      set = buildSet(fs, type);
      fs.st.typeSets.set(key, set);
    }
    if (set !== null) sets[key] = set;
    // The declarations have errors (already reported by the extractor): no table for this type.
    else fs.st.diagnostics.push(createDiagnostic(Diagnostics.The_C_type_in_typed_0_has_errors_see_the_declaration_s_diagnostics, [key], nodeLoc(node)));
  }
  return tablesFileOf(sets);
}

/** buildSet lays a type out for every target format, or returns null when its declarations cannot be laid out. */
function buildSet(fs: FileState, type: CType): TypeSet | null {
  try {
    const set: Partial<Record<string, TypeTable>> = {};
    for (const format of fs.st.options.formats) set[format] = buildTableOfType(fs.st.decls, type, abiSpec(format));
    return set as TypeSet;
  } catch {
    return null;
  }
}

/** finishFile adds the runtime import, the type sets constant and the imported bindings' refs. */
export function finishFile(fs: FileState, statements: readonly TS.Statement[], hoisted: readonly TS.Statement[]): TS.SourceFile {
  const { ts } = fs.st;
  const f = fs.f;
  const head: TS.Statement[] = [];
  let types: TS.Statement | undefined;
  if (fs.typeSets.size > 0) {
    const tables = typeSetsOf(fs);
    tablesByFile.set(fs.sf, tables);
    // Single quotes: JSON has none, so the emitter escapes nothing in this long literal.
    const json = f.createStringLiteral(JSON.stringify(tables), true);
    types = f.createVariableStatement(undefined, f.createVariableDeclarationList([f.createVariableDeclaration(TYPES_ID, undefined, undefined, rtCall(fs, "loadTypes", [json]))], ts.NodeFlags.Const));
  }
  const importedRefs = refDeclarations(fs, fs.sf);
  // const __typedc$ix = __typedc.ix, __typedc$cpath = __typedc.cpath, ...  (in order of first use)
  const helpers = [...fs.helpers].map((name) => f.createVariableDeclaration(`${RUNTIME_ID}$${name}`, undefined, undefined, f.createPropertyAccessExpression(f.createIdentifier(RUNTIME_ID), name)));
  if (helpers.length > 0) head.push(f.createVariableStatement(undefined, f.createVariableDeclarationList(helpers, ts.NodeFlags.Const)));
  if (types !== undefined) head.push(types);
  head.push(...hoisted);
  // Refs of imported typed bindings open after the last import (the exporter has run by then).
  let afterImports = 0;
  statements.forEach((s, i) => {
    if (ts.isImportDeclaration(s)) afterImports = i + 1;
  });
  const runtimeImport = f.createImportDeclaration(undefined, f.createImportClause(false, undefined, f.createNamespaceImport(f.createIdentifier(RUNTIME_ID))), f.createStringLiteral("@typedc/runtime"));
  // After the file's leading imports (so its header comment stays first); nothing there can use them.
  let leading = 0;
  while (leading < statements.length && ts.isImportDeclaration(statements[leading]!)) leading++;
  const start = [...statements.slice(0, leading), runtimeImport, ...head];
  if (afterImports <= leading) return f.updateSourceFile(fs.sf, [...start, ...importedRefs, ...statements.slice(leading)]);
  return f.updateSourceFile(fs.sf, [...start, ...statements.slice(leading, afterImports), ...importedRefs, ...statements.slice(afterImports)]);
}
