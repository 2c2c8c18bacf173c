/**
 * The Babel front-end as the fixture tests run it, and the ONE normalisation every
 * front-end comparison uses (docs/babel.md "Comparing outputs"): both texts are parsed
 * with @babel/parser and printed again with @babel/generator with fixed options, without
 * comments and without each literal's original spelling (`extra`), so that formatting
 * (TypeScript's printer vs Babel's) is the only thing it removes.
 */
import { transformSync } from "@babel/core";
import generate from "@babel/generator";
import { parse } from "@babel/parser";
import * as t from "@babel/types";
import type { Diagnostic, TablesFile } from "@typedc/core";
import typedc from "../packages/babel-plugin/src/index.js";
import { transformOptionsOf, type Fixture, type FixtureResult } from "./fixtures-helpers.ts";

/** normaliseJs re-prints a module's text with @babel/generator (fixed options, no comments, literals from their values). */
export function normaliseJs(code: string): string {
  const ast = parse(code, { sourceType: "module", plugins: [] });
  const stack: t.Node[] = [ast.program];
  while (stack.length > 0) {
    const node = stack.pop()!;
    delete node.extra;
    node.leadingComments = node.trailingComments = node.innerComments = null;
    for (const key of t.VISITOR_KEYS[node.type] ?? []) {
      const child = (node as any)[key];
      if (Array.isArray(child)) {
        for (const c of child) if (c != null) stack.push(c);
      } else if (child != null && typeof child === "object") stack.push(child);
    }
  }
  const print = (generate as unknown as { default?: typeof generate }).default ?? generate;
  return print(ast, { comments: false, compact: false, retainLines: false, jsescOption: { quotes: "double", minimal: true } }).code + "\n";
}

/** BabelFixtureResult is a fixture's Babel result with its raw output text. */
export interface BabelFixtureResult extends FixtureResult {
  readonly raw?: string;
}

/** runBabel compiles a fixture's input with @babel/core, the typedc plugin and preset-typescript (errors collected, not thrown). */
export function runBabel(fx: Fixture, code: string, extraOptions: Record<string, unknown> = {}): BabelFixtureResult {
  const out = transformSync(code, {
    filename: fx.input,
    cwd: fx.dir,
    babelrc: false,
    configFile: false,
    highlightCode: false,
    sourceType: "module",
    plugins: [[typedc, { ...transformOptionsOf(fx), ...extraOptions, throwOnError: false }]],
    presets: [["@babel/preset-typescript", { allowDeclareFields: true }]],
  });
  const meta = (out?.metadata as unknown as { typedc?: { tables?: TablesFile; diagnostics: Diagnostic[]; declarationChecks: Diagnostic[] } } | undefined)?.typedc;
  // The tsc plugin reports the declaration check with its other diagnostics; Babel's metadata keeps it apart.
  const diagnostics = [...(meta?.diagnostics ?? []), ...(meta?.declarationChecks ?? [])];
  return { js: out?.code == null ? undefined : normaliseJs(out.code), raw: out?.code ?? undefined, tables: meta?.tables, diagnostics };
}
