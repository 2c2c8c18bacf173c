/**
 * The file-level part of the Babel plugin's output (the tsc plugin's emit-file.ts): after
 * the file's leading imports, `import * as __typedc from "@typedc/runtime"`, the runtime
 * helpers bound once, the file's type sets as one constant, the file's temporaries, its
 * other imports, the refs of typed bindings imported from other modules, then the rest.
 */
import t = require("@babel/types"); // not `import * as`: its interop getter sat in front of every `t.…` (docs/babel.md, "Speed")
import { abiSpec, buildTableOfType, createDiagnostic, Diagnostics, referencedDecls, tablesFileOf, type CType, type TablesFile, type TypeSet, type TypeTable } from "@typedc/core";
import { hoistedVars, prop, refDeclarations, rtCall, RUNTIME_ID, TYPES_ID, type FileState } from "./gen-file-state.js";
import { nodeLoc } from "./gen-state.js";

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
    else fs.st.diagnostics.push(createDiagnostic(Diagnostics.The_C_type_in_typed_0_has_errors_see_the_declaration_s_diagnostics, [key], nodeLoc(fs.st, node)));
  }
  return tablesFileOf(sets);
}

/**
 * BUILT_SETS keeps the type sets built in this process by (formats, C type, the declarations it
 * needs): a bundler compiles file after file, and every file that uses an imported type embeds
 * the same tables (the tsc plugin builds them once per program). Cleared when it grows large.
 */
const BUILT_SETS = new Map<string, TypeSet | null>();
const MAX_BUILT_SETS = 2000;

/** buildSet lays a type out for every target format, or returns null when its declarations cannot be laid out. */
function buildSet(fs: FileState, type: CType): TypeSet | null {
  const key = `${fs.st.options.formats.join(",")}\0${JSON.stringify(type)}\0${JSON.stringify(referencedDecls(fs.st.decls, type))}`;
  const known = BUILT_SETS.get(key);
  if (known !== undefined) return known;
  const set = buildSetNow(fs, type);
  if (BUILT_SETS.size >= MAX_BUILT_SETS) BUILT_SETS.clear();
  BUILT_SETS.set(key, set);
  return set;
}

function buildSetNow(fs: FileState, type: CType): TypeSet | null {
  try {
    const set: Partial<Record<string, TypeTable>> = {};
    for (const format of fs.st.options.formats) set[format] = buildTableOfType(fs.st.decls, type, abiSpec(format));
    return set as TypeSet;
  } catch {
    return null;
  }
}

/** SET_JSON keeps each built type set's JSON: sets are shared through BUILT_SETS, and each file that embeds one prints it again. */
const SET_JSON = new WeakMap<TypeSet, string>();

/** tablesJson is `JSON.stringify(tables)`, each type set's part printed once per process. */
function tablesJson(tables: TablesFile): string {
  const types = Object.entries(tables.types).map(([key, set]) => {
    let json = SET_JSON.get(set);
    if (json === undefined) SET_JSON.set(set, (json = JSON.stringify(set)));
    return `${JSON.stringify(key)}:${json}`;
  });
  return `{"typedc":${JSON.stringify(tables.typedc)},"version":${tables.version},"types":{${types.join(",")}}}`;
}

/** finishFile assembles the rewritten program body; returns it with the tables the file embeds. */
export function finishFile(fs: FileState, statements: readonly t.Statement[], temps: readonly string[]): { body: t.Statement[]; tables?: TablesFile } {
  const head: t.Statement[] = [];
  let types: t.Statement | undefined;
  let tables: TablesFile | undefined;
  if (fs.typeSets.size > 0) {
    tables = typeSetsOf(fs);
    const json = t.stringLiteral(tablesJson(tables));
    // Printed as it is, single-quoted as the tsc plugin prints it (JSON has no `'`; a `\` or line break would need escapes):
    // Babel's generator then skips re-escaping tens of kilobytes.
    const plain = !/['\\\n\r\u2028\u2029]/.test(json.value);
    json.extra = { rawValue: json.value, raw: plain ? `'${json.value}'` : JSON.stringify(json.value) };
    types = t.variableDeclaration("const", [t.variableDeclarator(t.identifier(TYPES_ID), rtCall(fs, "loadTypes", [json]))]);
  }
  const importedRefs = refDeclarations(fs, fs.st.file.program);
  const helpers = [...fs.helpers].map((name) => t.variableDeclarator(t.identifier(`${RUNTIME_ID}$${name}`), prop(t.identifier(RUNTIME_ID), name)));
  if (helpers.length > 0) head.push(t.variableDeclaration("const", helpers));
  if (types !== undefined) head.push(types);
  head.push(...hoistedVars(temps));
  // Refs of imported typed bindings open after the last import (the exporter has run by then).
  let afterImports = 0;
  statements.forEach((s, i) => {
    if (s.type === "ImportDeclaration") afterImports = i + 1;
  });
  const runtimeImport = t.importDeclaration([t.importNamespaceSpecifier(t.identifier(RUNTIME_ID))], t.stringLiteral("@typedc/runtime"));
  // After the file's leading imports (so its header comment stays first); nothing there can use them.
  let leading = 0;
  while (leading < statements.length && statements[leading]!.type === "ImportDeclaration") leading++;
  const start = [...statements.slice(0, leading), runtimeImport, ...head];
  if (afterImports <= leading) return { body: [...start, ...importedRefs, ...statements.slice(leading)], tables };
  return { body: [...start, ...statements.slice(leading, afterImports), ...importedRefs, ...statements.slice(afterImports)], tables };
}
