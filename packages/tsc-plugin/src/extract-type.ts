import type * as TS from "typescript";
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
import type { ExtractContext } from "./extract-context.js";
import { locOf, textOf } from "./extract-loc.js";
import { report } from "./extract-report.js";
import { resolveTypeName } from "./extract-resolve.js";
import { usesCTypes } from "./extract-uses.js";

/**
 * convertType maps a type that is not a field's whole type (an array element, a pointer target,
 * an alias body, a `__typed<T>` argument) to a CType by core's rules; undefined after reporting.
 */
export function convertType(ctx: ExtractContext, node: TS.TypeNode, site: Site): CType | undefined {
  return convertTypeSyntax(new TsTypeSyntax(ctx), node, site);
}

/**
 * TsTypeSyntax is core's TypeSyntax adapter over the TypeScript compiler API's tree: the
 * conversion rules live in core/extract (shared with the Babel front-end); this class only
 * answers what a node is, with the `ts` module the extractor was given (so SyntaxKind numbers
 * are those of the user's TypeScript version).
 */
export class TsTypeSyntax implements TypeSyntax<TS.Node> {
  private readonly kinds: readonly (TypeNodeKind | undefined)[];

  constructor(private readonly ctx: ExtractContext) {
    this.kinds = kindTableOf(ctx.ts);
  }

  kindOf(node: TS.Node): TypeNodeKind {
    // A node the parser made up after a syntax error is empty; the syntax error (1005) is its diagnostic.
    if (node.pos === node.end) return "missing";
    return this.kinds[node.kind] ?? "other";
  }

  parenthesizedInner(node: TS.Node): TS.Node {
    return (node as TS.ParenthesizedTypeNode).type;
  }

  typeNameOf(reference: TS.Node): TS.Node {
    return (reference as TS.TypeReferenceNode).typeName;
  }

  typeArgumentsOf(reference: TS.Node): readonly TS.Node[] | undefined {
    return (reference as TS.TypeReferenceNode).typeArguments;
  }

  membersOf(literal: TS.Node): readonly TS.Node[] {
    return (literal as TS.TypeLiteralNode).members;
  }

  memberOf(member: TS.Node): MemberSyntax<TS.Node> {
    const { ts } = this.ctx;
    if (ts.isPropertySignature(member)) {
      const nameNode = member.name;
      // A quoted name must still be a C identifier (C11 6.4.2.1), so that every format can name the member.
      const isCName = ts.isIdentifier(nameNode) || ((ts.isStringLiteral(nameNode) || ts.isNumericLiteral(nameNode)) && isCIdentifier(nameNode.text));
      if (!isCName) return { kind: "badName", nameNode };
      return { kind: "property", name: nameNode.text, optional: member.questionToken !== undefined, type: member.type };
    }
    if (ts.isMethodSignature(member) || ts.isGetAccessorDeclaration(member) || ts.isSetAccessorDeclaration(member)) {
      return { kind: "method", nameText: textOf(member.name) };
    }
    if (ts.isIndexSignatureDeclaration(member)) return { kind: "indexSignature" };
    return { kind: "callSignature" };
  }

  numericLiteralOf(node: TS.Node): number | undefined {
    const { ts } = this.ctx;
    if (!ts.isLiteralTypeNode(node) || !ts.isNumericLiteral(node.literal)) return undefined;
    return Number(node.literal.text.replace(/_/g, ""));
  }

  runtimeNameOf(reference: TS.Node): RuntimeTypeName | undefined {
    const target = resolveTypeName(this.ctx, (reference as TS.TypeReferenceNode).typeName);
    return target.kind === "runtime" ? target.name : undefined;
  }

  referenceOf(reference: TS.Node): ReferenceTarget {
    const { ctx } = this;
    const target = resolveTypeName(ctx, (reference as TS.TypeReferenceNode).typeName);
    switch (target.kind) {
      case "decl": {
        // An interface or alias of a default or external library counts only if it uses C types itself.
        const { decl } = target;
        if (ctx.isForeignFile(decl.getSourceFile()) && !ctx.ts.isEnumDeclaration(decl) && !usesCTypes(ctx, decl)) return { kind: "noLayout" };
        ctx.referenced.push(decl);
        return { kind: "named", name: ctx.nameOf(decl) };
      }
      case "typeParameter":
        return { kind: "reportedElsewhere" }; // once, at the generic declaration (1007)
      case "other":
        return { kind: "noLayout" };
      default:
        return target;
    }
  }

  textOf(node: TS.Node): string {
    return textOf(node);
  }

  locOf(node: TS.Node): SourceLoc {
    return locOf(node);
  }

  report(message: DiagnosticMessage, args: readonly (string | number)[], node: TS.Node): void {
    report(this.ctx, message, args, node);
  }
}

/** kindTables caches, per TypeScript module, which TypeNodeKind each SyntaxKind number is. */
const kindTables = new WeakMap<typeof TS, (TypeNodeKind | undefined)[]>();

/** kindTableOf is the TypeNodeKind of each SyntaxKind of a TypeScript module (undefined: "other"). */
function kindTableOf(ts: typeof TS): readonly (TypeNodeKind | undefined)[] {
  let table = kindTables.get(ts);
  if (table !== undefined) return table;
  const K = ts.SyntaxKind;
  const pairs: [TS.SyntaxKind, TypeNodeKind][] = [
    [K.ParenthesizedType, "parenthesized"],
    [K.TypeReference, "reference"],
    [K.TypeLiteral, "object"],
    [K.VoidKeyword, "void"],
    [K.StringKeyword, "string"],
    [K.NumberKeyword, "number"],
    [K.BooleanKeyword, "boolean"],
    [K.BigIntKeyword, "bigint"],
    [K.ArrayType, "array"],
    [K.TupleType, "array"],
    [K.UnionType, "union"],
    [K.FunctionType, "function"],
    [K.ConstructorType, "function"],
    [K.LiteralType, "literal"],
    [K.IntersectionType, "intersection"],
  ];
  table = [];
  for (const [kind, typeKind] of pairs) table[kind] = typeKind;
  kindTables.set(ts, table);
  return table;
}
