/**
 * Enums as TypeScript emits them (the compiler's own lowering, not typedc's), so that a file
 * compiles to the same program through either front-end:
 *   enum State { Running = 0, Stopped = 4 }
 * → var State; (function (State) { State[State["Running"] = 0] = "Running"; ... })(State || (State = {}));
 * Only a plain enum whose every member has a constant value (the extractor's EnumEvaluator,
 * TypeScript's rules) is lowered here; `const`/`declare` enums and enums with computed members
 * are left to preset-typescript.
 */
import t = require("@babel/types"); // not `import * as`: its interop getter sat in front of every `t.…` (docs/babel.md, "Speed")
import type { TSEnumDeclaration } from "@babel/types";
import { parentOf, type GenState } from "./gen-state.js";

/** enumValuesOf finds the extractor's copy of a top-level enum of the file (same position) and its member values. */
function enumValuesOf(st: GenState, node: TSEnumDeclaration): readonly (number | string | undefined)[] | undefined {
  const module = st.file.module;
  if (module === undefined) return undefined;
  for (const statement of module.program.body) {
    const s = statement.type === "ExportNamedDeclaration" && statement.declaration != null ? statement.declaration : statement;
    if (s.type === "TSEnumDeclaration" && s.start === node.start) return st.ctx.enums.valuesOf(s, module);
  }
  return undefined;
}

const emitted = new WeakMap<t.Node, Set<string>>();

/** memberName is a member's name (`A`, `"a b"`). */
function memberName(member: t.TSEnumMember): string {
  return member.id.type === "Identifier" ? member.id.name : member.id.value;
}

/** valueLiteral is a constant as TypeScript prints it (`-1` as a unary minus). */
function valueLiteral(value: number | string): t.Expression {
  if (typeof value === "string") return t.stringLiteral(value);
  return value < 0 || Object.is(value, -0) ? t.unaryExpression("-", t.numericLiteral(-value)) : t.numericLiteral(value);
}

/** lowerEnum returns the statements of a plain enum as TypeScript emits them, or undefined to leave it to preset-typescript. */
export function lowerEnum(st: GenState, node: TSEnumDeclaration, exported: boolean): t.Statement[] | undefined {
  if (node.const === true || node.declare === true) return undefined;
  const values = enumValuesOf(st, node);
  const name = node.id.name;
  if (values === undefined || values.some((v) => v === undefined || (typeof v === "number" && !Number.isFinite(v)))) return undefined;
  if (node.members.some((m) => memberName(m) === name)) return undefined; // TypeScript renames the parameter then
  const E = () => t.identifier(name);
  const body = node.members.map((member, k) => {
    const key = t.stringLiteral(memberName(member));
    const value = values[k] as number | string;
    const assign = t.assignmentExpression("=", t.memberExpression(E(), key, true), valueLiteral(value));
    // Numeric members also map back from value to name.
    return t.expressionStatement(typeof value === "string" ? assign : t.assignmentExpression("=", t.memberExpression(E(), assign, true), t.stringLiteral(memberName(member))));
  });
  const holder = parentOf(st, node)!;
  const scope = holder.type === "ExportNamedDeclaration" ? parentOf(st, holder)! : holder;
  const names = emitted.get(scope) ?? new Set<string>();
  emitted.set(scope, names);
  const out: t.Statement[] = [];
  if (!names.has(name)) {
    // The first declaration of the name in its scope declares the variable (merged enums reuse it).
    names.add(name);
    const decl = t.variableDeclaration("var", [t.variableDeclarator(E())]);
    out.push(exported ? t.exportNamedDeclaration(decl, []) : decl);
  }
  const iife = t.callExpression(t.functionExpression(null, [E()], t.blockStatement(body)), [t.logicalExpression("||", E(), t.assignmentExpression("=", E(), t.objectExpression([])))]);
  out.push(t.expressionStatement(iife));
  for (const s of out) s.loc = node.loc ?? null;
  return out;
}
