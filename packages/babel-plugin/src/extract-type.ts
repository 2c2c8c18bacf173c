import type * as t from "@babel/types";
import {
  convertTypeSyntax,
  isCIdentifier,
  type CType,
  type DiagnosticMessage,
  type MemberSyntax,
  type ReferenceTarget,
  type RuntimeTypeName,
  type Site,
  type SourceLoc,
  type TypeNodeKind,
  type TypeSyntax,
} from "@typedc/core";
import { typeArgsOf } from "./extract-ast.js";
import type { DeclContext } from "./extract-context.js";
import { report, text } from "./extract-report.js";
import { resolveTypeName } from "./extract-resolve.js";
import { locOf } from "./extract-text.js";
import { usesCTypes } from "./extract-uses.js";

/**
 * convertType maps a type that is not a field's whole type (an array element, a pointer target,
 * an alias body, a `__typed<T>` argument) to a CType by core's rules; undefined after reporting.
 */
export function convertType(ctx: DeclContext, node: t.TSType, site: Site): CType | undefined {
  return convertTypeSyntax(new BabelTypeSyntax(ctx), node, site);
}

/**
 * BabelTypeSyntax is core's TypeSyntax adapter over Babel's tree, for one declaration's scope:
 * the conversion rules live in core/extract (shared with the TypeScript front-end); this class
 * only answers what a node is, where names resolve (the declaration's module) and where messages go.
 */
export class BabelTypeSyntax implements TypeSyntax<t.Node> {
  constructor(private readonly ctx: DeclContext) {}

  kindOf(node: t.Node): TypeNodeKind {
    // A switch rather than a table lookup: this is asked several times per field, and the common
    // kinds come first.
    switch (node.type) {
      case "TSTypeReference":
        return "reference";
      case "TSTypeLiteral":
        return "object";
      case "TSParenthesizedType":
        return "parenthesized";
      case "TSVoidKeyword":
        return "void";
      case "TSLiteralType":
        // A template literal type with substitutions is TypeScript's TemplateLiteralType, not a LiteralType.
        return node.literal.type === "TemplateLiteral" && node.literal.expressions.length > 0 ? "other" : "literal";
      case "TSNullKeyword": // TypeScript's LiteralType covers `null` too, so it suggests the same C type
        return "literal";
      case "TSStringKeyword":
        return "string";
      case "TSNumberKeyword":
        return "number";
      case "TSBooleanKeyword":
        return "boolean";
      case "TSBigIntKeyword":
        return "bigint";
      case "TSArrayType":
      case "TSTupleType":
        return "array";
      case "TSUnionType":
        return "union";
      case "TSFunctionType":
      case "TSConstructorType":
        return "function";
      case "TSIntersectionType":
        return "intersection";
      default:
        return "other";
    }
  }

  parenthesizedInner(node: t.Node): t.Node {
    return (node as t.TSParenthesizedType).typeAnnotation;
  }

  typeNameOf(reference: t.Node): t.Node {
    return (reference as t.TSTypeReference).typeName;
  }

  typeArgumentsOf(reference: t.Node): readonly t.Node[] | undefined {
    return typeArgsOf(reference as t.TSTypeReference);
  }

  membersOf(literal: t.Node): readonly t.Node[] {
    return (literal as t.TSTypeLiteral).members;
  }

  memberOf(member: t.Node): MemberSyntax<t.Node> {
    switch (member.type) {
      case "TSPropertySignature": {
        const name = cNameOf(member);
        if (name === undefined) {
          // Located at the name as written: a made-up node spanning it (keySpan).
          const { start, end } = keySpan(this.ctx, member);
          return { kind: "badName", nameNode: { type: "Identifier", name: "", start, end } as t.Identifier };
        }
        return { kind: "property", name, optional: member.optional === true, type: member.typeAnnotation?.typeAnnotation };
      }
      case "TSMethodSignature": // Babel's method signatures include `get x()` and `set x(v)`
        return { kind: "method", nameText: keyText(this.ctx, member) };
      case "TSIndexSignature":
        return { kind: "indexSignature" };
      default:
        return { kind: "callSignature" };
    }
  }

  numericLiteralOf(node: t.Node): number | undefined {
    // Babel's `value` is the literal's numeric value, as TypeScript's `Number(text)`.
    return node.type === "TSLiteralType" && node.literal.type === "NumericLiteral" ? node.literal.value : undefined;
  }

  runtimeNameOf(reference: t.Node): RuntimeTypeName | undefined {
    const target = resolveTypeName(this.ctx, (reference as t.TSTypeReference).typeName);
    return target.kind === "runtime" ? target.name : undefined;
  }

  referenceOf(reference: t.Node): ReferenceTarget {
    const { ctx } = this;
    const target = resolveTypeName(ctx, (reference as t.TSTypeReference).typeName);
    switch (target.kind) {
      case "decl": {
        // An interface or alias of an external library counts only if it uses C types itself.
        const { decl, file } = target;
        if (file.foreign && decl.type !== "TSEnumDeclaration" && !usesCTypes(ctx, decl, file)) return { kind: "noLayout" };
        ctx.referenced.push(decl);
        return { kind: "named", name: ctx.nameOf(decl) };
      }
      case "typeParameter":
        return { kind: "reportedElsewhere" }; // once, at the generic declaration (1007)
      case "unparsable":
        ctx.program.reportSyntaxError(target.fileName); // the module's syntax error (1005) is the diagnostic, as TypeScript reports it
        return { kind: "reportedElsewhere" };
      case "lib":
      case "other":
        return { kind: "noLayout" };
      default:
        return target;
    }
  }

  textOf(node: t.Node): string {
    return text(this.ctx, node);
  }

  locOf(node: t.Node): SourceLoc {
    return locOf(this.ctx.scope.file.source, node);
  }

  report(message: DiagnosticMessage, args: readonly (string | number)[], node: t.Node): void {
    report(this.ctx, message, args, node);
  }
}

/** KeyedMember is a member with a name: a property or a method signature. */
type KeyedMember = t.TSPropertySignature | t.TSMethodSignature;

/**
 * keySpan is where a member's name is written: for a computed name the brackets are included, as
 * TypeScript's ComputedPropertyName node spans `[k]` where Babel's key is only `k`.
 */
function keySpan(ctx: DeclContext, member: KeyedMember): { start: number; end: number } {
  const key = member.key;
  if (!member.computed) return { start: key.start!, end: key.end! };
  const source = ctx.scope.file.source.text;
  const open = source.lastIndexOf("[", key.start! - 1);
  const close = source.indexOf("]", key.end!);
  if (open < member.start! || close < 0) throw new Error("assert: computed member name without brackets");
  return { start: open, end: close + 1 };
}

/** keyText is a member's name as written (`run`, `[k]`), whitespace collapsed. */
function keyText(ctx: DeclContext, member: KeyedMember): string {
  const { start, end } = keySpan(ctx, member);
  const raw = ctx.scope.file.source.text.slice(start, end).replace(/\s+/g, " ");
  return raw.length > 60 ? `${raw.slice(0, 57)}...` : raw;
}

/** cNameOf is a property's C member name: an identifier, or a quoted name that is a C identifier (C11 6.4.2.1); undefined otherwise. */
function cNameOf(member: t.TSPropertySignature): string | undefined {
  const key = member.key;
  if (member.computed) return undefined;
  if (key.type === "Identifier") return key.name;
  if (key.type === "StringLiteral" && isCIdentifier(key.value)) return key.value;
  return undefined;
}
