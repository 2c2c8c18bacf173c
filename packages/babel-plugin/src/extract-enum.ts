import type * as t from "@babel/types";
import type { ModuleFile } from "./extract-module.js";
import type { BabelProgram } from "./extract-program.js";
import { resolveValueName, valueExportOf, type ValueTarget } from "./extract-resolve.js";

/** EnumValue is an enum member's constant value, or undefined when it has none (a computed member). */
export type EnumValue = number | string | undefined;

/** EnumMemberRef is an enum member together with its enum and module. */
interface EnumMemberRef {
  readonly member: t.TSEnumMember;
  readonly decl: t.TSEnumDeclaration;
  readonly file: ModuleFile;
}

/**
 * Use is where an expression is evaluated: an enum member's initializer (its enum's members are
 * in scope there), or a `const` declaration's initializer.
 */
interface Use {
  readonly node: t.Node;
  readonly file: ModuleFile;
  readonly enumDecl?: t.TSEnumDeclaration;
}

/** Entity is what an entity name expression in an initializer denotes. */
type Entity = ValueTarget | { readonly kind: "member"; readonly ref: EnumMemberRef };

/** memberNameOf is an enum member's name as TypeScript keys it: the identifier, or the string's value. */
function memberNameOf(member: t.TSEnumMember): string {
  return member.id.type === "Identifier" ? member.id.name : member.id.value;
}

/** isAmbientEnum tells whether an enum is in an ambient context (`declare enum`, or any enum of a declaration file). */
function isAmbientEnum(decl: t.TSEnumDeclaration, file: ModuleFile): boolean {
  return file.ambient || decl.declare === true;
}

/**
 * EnumEvaluator computes enum member values as TypeScript's checker does (computeEnumMemberValues
 * and its constant evaluator): literals, `+ - ~` and the binary operators on numbers, `+` on
 * strings, template literals, references to members of this or other enums (`A`, `E.A`,
 * `E["A"]`, also imported), `const` variables without a type annotation, `Infinity` and `NaN`.
 * A member without initializer is the previous numeric value plus one (0 first); in an ambient
 * non-const enum it has no constant value. A reference to a later member is 0 (TypeScript reports
 * it and uses 0); a member's reference to itself has no value.
 */
export class EnumEvaluator {
  private readonly values = new Map<t.TSEnumDeclaration, EnumValue[]>();

  constructor(private readonly program: BabelProgram) {}

  /** valuesOf is the value of every member of an enum declaration, in order. */
  valuesOf(decl: t.TSEnumDeclaration, file: ModuleFile): readonly EnumValue[] {
    const known = this.values.get(decl);
    if (known !== undefined) return known;
    const values: EnumValue[] = [];
    this.values.set(decl, values); // a cycle back into this enum reads members not yet computed as undefined
    let autoValue: number | undefined = 0;
    for (const member of decl.members) {
      let value: EnumValue;
      if (member.initializer != null) value = this.evaluate(member.initializer, file, { node: member, file, enumDecl: decl });
      else if (isAmbientEnum(decl, file) && decl.const !== true) value = undefined;
      else value = autoValue;
      values.push(value);
      autoValue = typeof value === "number" ? value + 1 : undefined;
    }
    return values;
  }

  /** valueOfMember is one member's value. */
  private valueOfMember(ref: EnumMemberRef): EnumValue {
    return this.valuesOf(ref.decl, ref.file)[ref.decl.members.indexOf(ref.member)];
  }

  /** evaluate computes a constant expression written in `file` at the enum member `location`. */
  private evaluate(expr: t.Node, file: ModuleFile, location: Use): EnumValue {
    switch (expr.type) {
      case "UnaryExpression": {
        const operand = this.evaluate(expr.argument, file, location);
        if (typeof operand !== "number") return undefined;
        if (expr.operator === "+") return operand;
        if (expr.operator === "-") return -operand;
        if (expr.operator === "~") return ~operand;
        return undefined;
      }
      case "BinaryExpression":
        return this.binary(expr, file, location);
      case "StringLiteral":
        return expr.value;
      case "NumericLiteral":
        return expr.value;
      case "TemplateLiteral":
        return this.template(expr, file, location);
      case "Identifier":
      case "MemberExpression":
        return this.entityValue(expr, file, location);
      default:
        return undefined;
    }
  }

  /** binary evaluates a binary operator on numbers, or `+` concatenating strings and numbers. */
  private binary(expr: t.BinaryExpression, file: ModuleFile, location: Use): EnumValue {
    const left = this.evaluate(expr.left, file, location);
    const right = this.evaluate(expr.right, file, location);
    if (typeof left === "number" && typeof right === "number") {
      const op = NUMERIC_OPERATORS[expr.operator];
      return op === undefined ? undefined : op(left, right);
    }
    if (left !== undefined && right !== undefined && expr.operator === "+") return "" + left + right;
    return undefined;
  }

  /** template evaluates a template literal whose every substitution is constant. */
  private template(expr: t.TemplateLiteral, file: ModuleFile, location: Use): EnumValue {
    let result = expr.quasis[0]!.value.cooked ?? "";
    for (let i = 0; i < expr.expressions.length; i++) {
      const value = this.evaluate(expr.expressions[i]!, file, location);
      if (value === undefined) return undefined;
      result += String(value) + (expr.quasis[i + 1]!.value.cooked ?? "");
    }
    return result;
  }

  /** entityValue evaluates a name (`A`, `x`, `Infinity`) or an access (`E.A`, `E["A"]`, `ns.E.A`). */
  private entityValue(expr: t.Expression, file: ModuleFile, location: Use): EnumValue {
    const entity = this.entityOf(expr, file, location);
    if (entity === undefined) {
      if (expr.type === "Identifier" && (expr.name === "Infinity" || expr.name === "NaN")) return Number(expr.name);
      return undefined;
    }
    if (entity.kind === "member") return this.memberReference(entity.ref, location);
    if (entity.kind === "const") return this.constValue(entity.declarator, entity.file, location);
    return undefined;
  }

  /** entityOf resolves an entity name expression as a value; undefined when the name is not declared. */
  private entityOf(expr: t.Expression, file: ModuleFile, location: Use): Entity | undefined {
    if (expr.type === "Identifier") {
      const own = this.ownMember(location, expr.name);
      if (own !== undefined) return { kind: "member", ref: own };
      const target = resolveValueName(this.program, file, expr.name);
      return target.kind === "none" ? undefined : target;
    }
    if (expr.type !== "MemberExpression") return { kind: "none" };
    const name = propertyNameOf(expr);
    if (name === undefined) return { kind: "none" };
    const object = expr.object.type === "Identifier" || expr.object.type === "MemberExpression" ? this.entityOf(expr.object, file, location) : undefined;
    if (object?.kind === "enum") {
      const ref = findMember(object.decls, object.file, name);
      return ref === undefined ? { kind: "none" } : { kind: "member", ref };
    }
    if (object?.kind === "namespace" && !expr.computed) return valueExportOf(this.program, object.file, name, 0, new Set());
    return { kind: "none" };
  }

  /** ownMember finds a member of the enum being evaluated (all its merged declarations) by name. */
  private ownMember(location: Use, name: string): EnumMemberRef | undefined {
    const own = location.enumDecl;
    if (own === undefined) return undefined;
    const symbol = location.file.declaredValues.get(own.id.name);
    const decls = symbol?.kind === "enum" && symbol.decls.includes(own) ? symbol.decls : [own];
    return findMember(decls, location.file, name);
  }

  /** memberReference is the value of a referenced member: none for itself, 0 for one declared later in the same file. */
  private memberReference(ref: EnumMemberRef, location: Use): EnumValue {
    if (ref.member === location.node) return undefined;
    if (!declaredBefore(ref.member, ref.file, location)) return 0;
    return this.valueOfMember(ref);
  }

  /** constValue is the value of a `const` without a type annotation declared before the use (TypeScript's constant variables). */
  private constValue(declarator: t.VariableDeclarator, file: ModuleFile, location: Use): EnumValue {
    const id = declarator.id as t.Identifier;
    if (id.typeAnnotation != null || declarator.init == null) return undefined;
    if (declarator === location.node || !declaredBefore(declarator, file, location)) return undefined;
    return this.evaluate(declarator.init, file, { node: declarator, file });
  }
}

/** NUMERIC_OPERATORS are the binary operators TypeScript's evaluator folds on numbers. */
const NUMERIC_OPERATORS: Readonly<Record<string, (a: number, b: number) => number>> = {
  "|": (a, b) => a | b,
  "&": (a, b) => a & b,
  ">>": (a, b) => a >> b,
  ">>>": (a, b) => a >>> b,
  "<<": (a, b) => a << b,
  "^": (a, b) => a ^ b,
  "*": (a, b) => a * b,
  "/": (a, b) => a / b,
  "+": (a, b) => a + b,
  "-": (a, b) => a - b,
  "%": (a, b) => a % b,
  "**": (a, b) => a ** b,
};

/** propertyNameOf is the name an access reads: `.A`, or `["A"]` with a string (or substitution-free template). */
function propertyNameOf(expr: t.MemberExpression): string | undefined {
  const property = expr.property;
  if (!expr.computed) return property.type === "Identifier" ? property.name : undefined;
  if (property.type === "StringLiteral") return property.value;
  if (property.type === "TemplateLiteral" && property.expressions.length === 0) return property.quasis[0]!.value.cooked ?? undefined;
  return undefined;
}

/** findMember finds a member by name in enum declarations of one module. */
function findMember(decls: readonly t.TSEnumDeclaration[], file: ModuleFile, name: string): EnumMemberRef | undefined {
  for (const decl of decls) {
    const member = decl.members.find((m) => memberNameOf(m) === name);
    if (member !== undefined) return { member, decl, file };
  }
  return undefined;
}

/**
 * declaredBefore tells whether a declaration may be read at an enum member (TypeScript's
 * isBlockScopedNameDeclaredBeforeUse): always from another module or in an ambient context,
 * else when it starts before the use.
 */
function declaredBefore(declaration: t.Node, file: ModuleFile, location: Use): boolean {
  if (file.root !== location.file.root || file.ambient) return true;
  if (location.enumDecl !== undefined && isAmbientEnum(location.enumDecl, file)) return true;
  return declaration.start! <= location.node.start!;
}
