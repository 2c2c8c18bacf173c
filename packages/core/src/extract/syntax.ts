import type { DiagnosticMessage } from "../diagnostics/message.js";
import type { ScalarName, SourceLoc } from "../ir/ctype.js";

/**
 * The adapter between a front-end's syntax tree and the conversion rules of core/extract.
 *
 * The rules that turn `__typed` declarations' annotations into CTypes (SPEC §2) are the same for
 * every front-end; only the tree differs (the TypeScript compiler API in tsc-plugin, Babel's AST in
 * babel-plugin). Each front-end implements TypeSyntax over its own node type `N`, so a rule is
 * written once and the front-ends cannot drift apart. The adapter only answers questions about
 * single nodes; every decision (what is a record, an attribute, an error) is made in core/extract.
 */
export interface TypeSyntax<N> {
  /** kindOf says what a type node is (without looking through parentheses). */
  kindOf(node: N): TypeNodeKind;
  /** parenthesizedInner is the type inside a node of kind "parenthesized". */
  parenthesizedInner(node: N): N;
  /** typeNameOf is the name part of a node of kind "reference" (`rt.u16` in `rt.u16`, `array` in `array<u8, 16>`), for messages. */
  typeNameOf(reference: N): N;
  /** typeArgumentsOf is the type arguments of a node of kind "reference" (`[u8, 16]` in `array<u8, 16>`), or undefined when it has none. */
  typeArgumentsOf(reference: N): readonly N[] | undefined;
  /** membersOf is the members of a node of kind "object" (an object type literal). */
  membersOf(literal: N): readonly N[];
  /** memberOf says what one member of an interface or object type literal is. */
  memberOf(member: N): MemberSyntax<N>;
  /** numericLiteralOf is the value of a literal type whose literal is a number (`16`, `0x10`, `1_024`), else undefined. */
  numericLiteralOf(node: N): number | undefined;
  /** runtimeNameOf is the runtime C type a node of kind "reference" names, if it names one; no side effects (asked often). */
  runtimeNameOf(reference: N): RuntimeTypeName | undefined;
  /**
   * referenceOf resolves the name of a node of kind "reference" for converting it. It is asked once
   * per converted reference, so it may act on the answer: a user declaration with C layout is
   * recorded as referenced (it becomes a NamedType too) before "named" is returned.
   */
  referenceOf(reference: N): ReferenceTarget;
  /** textOf is a node's source text for messages (whitespace collapsed, at most 60 characters). */
  textOf(node: N): string;
  /** locOf is where a node is written (its first token, trivia skipped, and its length). */
  locOf(node: N): SourceLoc;
  /** report adds a catalog diagnostic located at a node. */
  report(message: DiagnosticMessage, args: readonly (string | number)[], node: N): void;
}

/**
 * TypeNodeKind is what the conversion rules tell apart in a type node. The kinds from "string" on
 * have no C layout and only choose the C type a message suggests instead.
 */
export type TypeNodeKind =
  /** A type in parentheses: looked through. */
  | "parenthesized"
  /** A named type, possibly with type arguments (`Task`, `rt.u16`, `array<u8, 16>`). */
  | "reference"
  /** An object type literal `{ ... }`: a record when written where a type is expected. */
  | "object"
  /** `void`: only meaningful as `ptr<void>`. */
  | "void"
  /** A node the parser made up after a syntax error (already reported as 1005). */
  | "missing"
  | "string"
  | "number"
  | "boolean"
  | "bigint"
  /** An array or tuple type. */
  | "array"
  | "union"
  /** A function or constructor type. */
  | "function"
  /** A literal type (`1`, `"a"`, `true`, `null`). */
  | "literal"
  | "intersection"
  | "other";

/** GENERIC_TYPE_NAMES lists the generic C type constructors of `@typedc/runtime` (SPEC §2), plus `__typed` (§3). */
export const GENERIC_TYPE_NAMES = ["ptr", "array", "union", "bits", "packed", "aligned", "atomic", "__typed"] as const;

/** GenericTypeName is one of GENERIC_TYPE_NAMES. */
export type GenericTypeName = (typeof GENERIC_TYPE_NAMES)[number];

/** RuntimeTypeName is any type name `@typedc/runtime` exports for declarations (each front-end's resolver yields these). */
export type RuntimeTypeName = ScalarName | GenericTypeName;

/**
 * ReferenceTarget is what a converted type reference stands for, as far as the conversion rules
 * care: the front-end's resolver knows more (modules, files, declarations) and folds it into these.
 */
export type ReferenceTarget =
  | { readonly kind: "runtime"; readonly name: RuntimeTypeName }
  /** A user declaration with C layout, by its DeclSet name. */
  | { readonly kind: "named"; readonly name: string }
  /** Something without C layout: a default-library or plain TypeScript type, a foreign declaration that uses no C types. */
  | { readonly kind: "noLayout" }
  /** Nothing to say here: a type parameter (1007 at its declaration), a module that does not parse (its syntax error). */
  | { readonly kind: "reportedElsewhere" }
  | { readonly kind: "unresolvedImport"; readonly moduleName: string }
  /** A name the installed `@typedc/runtime` does not export (1023). */
  | { readonly kind: "notInRuntime"; readonly name: string }
  | { readonly kind: "unknown" };

/** MemberSyntax is one member of an interface or object type literal, as the conversion rules see it. */
export type MemberSyntax<N> =
  /** A property with a C name (an identifier, or a quoted name that is a C identifier); `type` is its annotation. */
  | { readonly kind: "property"; readonly name: string; readonly optional: boolean; readonly type: N | undefined }
  /** A property whose name is computed or not a C identifier; `nameNode` spans the name as written (`[k]`). */
  | { readonly kind: "badName"; readonly nameNode: N }
  /** A method, getter or setter signature; `nameText` is its name as written, for messages. */
  | { readonly kind: "method"; readonly nameText: string }
  | { readonly kind: "indexSignature" }
  /** A call or construct signature. */
  | { readonly kind: "callSignature" };

/** C_IDENTIFIER matches a C identifier (GNU C also accepts `$`). */
const C_IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** isCIdentifier tells whether a quoted member name can name a C member (C11 6.4.2.1), so that every format can name it. */
export function isCIdentifier(name: string): boolean {
  return C_IDENTIFIER.test(name);
}

/** unparen strips parentheses around a type node. */
export function unparen<N>(syntax: TypeSyntax<N>, node: N): N {
  let inner = node;
  while (syntax.kindOf(inner) === "parenthesized") inner = syntax.parenthesizedInner(inner);
  return inner;
}
