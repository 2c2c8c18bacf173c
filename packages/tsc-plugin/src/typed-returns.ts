/**
 * Typed returns the transformer cannot follow (docs/compiler.md, "Known limits"): a call is
 * typed only when its callee names a function whose return is annotated `__typed<T>`, or a
 * parameter or variable whose annotation gives its calls a shape typedc follows (call-shape.ts);
 * a method, an accessor or a function-valued property returning `__typed<T>` would hand its
 * callers a CompiledRef, which has no fields, and `obj.get(i).pid` would read `undefined` without
 * a word. So such a declaration is reported (1217) where it is written, by syntax, as the Babel
 * plugin reports it: class and object members (bodies or not: abstract, ambient and overload
 * signatures are what callers see), the member signatures of interfaces and type aliases, and
 * those of type literals written inline anywhere else (a parameter's, a variable's, a return's
 * annotation). A property typed by a reference to a function type or a callable interface
 * returning `__typed<T>` is such a member too. A call through a shape typedc does not follow (a
 * generic alias, an interface with `extends` or several call signatures) is reported at the call
 * (1218).
 *
 * Call and construct signatures, and a function type that is not a member's type, are the
 * shapes of functions (`type F = (i: number) => __typed<T>` types a function, whose calls
 * follow the rules for functions) and are not reported.
 */
import type * as TS from "typescript";
import { Diagnostics } from "@typedc/core";
import { annotatedCallShape, calleeDeclarationOf, functionLike } from "./bindings.js";
import { callShapeOf, isTypedReturn, unparen } from "./call-shape.js";
import type { FileState } from "./file-state.js";
import { report } from "./transformer.js";

type Member = TS.MethodDeclaration | TS.GetAccessorDeclaration | TS.PropertyDeclaration | TS.PropertyAssignment;

/** MemberReturn is the return type of the function a member's annotation types, and where a report about it goes. */
interface MemberReturn {
  readonly returnType: TS.TypeNode;
  readonly at: TS.Node;
}

/** checkTypedReturn reports a method, accessor, or function-valued property (or object literal member) annotated to return `__typed<T>`. */
export function checkTypedReturn(fs: FileState, node: Member): void {
  const { ts } = fs.st;
  if (ts.isPropertyAssignment(node)) return reportIfTyped(fs, node.name, functionReturnOf(ts, node.initializer));
  if (!ts.isPropertyDeclaration(node)) return reportIfTyped(fs, node.name, node.type);
  // The annotation is what callers see (`pick: (i: number) => __typed<T> = ...`, `declare pick: ...`);
  // without one, the initializer's own return annotation.
  const annotated = node.type === undefined ? undefined : memberFunctionReturn(fs, node.type);
  if (annotated !== undefined && isTypedReturn(fs.st, annotated.returnType)) return reportIfTyped(fs, node.name, annotated.returnType, annotated.at);
  reportIfTyped(fs, node.name, functionReturnOf(ts, node.initializer));
}

/**
 * checkTypedSignatures reports the method, getter and function-typed property signatures
 * returning `__typed<T>` of an interface or a type alias, at any depth of its type literals
 * (`interface A { inner: { get(): __typed<T> } }`), in source order.
 */
export function checkTypedSignatures(fs: FileState, node: TS.InterfaceDeclaration | TS.TypeAliasDeclaration): void {
  fs.st.ts.forEachChild(node, (n) => checkSignaturesUnder(fs, n));
}

/**
 * checkInlineSignatures reports the member signatures of the type literals a file writes outside
 * interfaces and type aliases (those are checked where the visitor meets them): in a parameter's,
 * a variable's, a property's or a return's annotation, at any depth, in source order. One walk
 * of the file after the visit (the visitor does not enter types), as the Babel plugin makes it.
 */
export function checkInlineSignatures(fs: FileState, sf: TS.SourceFile): void {
  const { ts } = fs.st;
  const walk = (n: TS.Node): void => {
    if (ts.isInterfaceDeclaration(n) || ts.isTypeAliasDeclaration(n)) return;
    if (ts.isTypeLiteralNode(n)) return checkSignaturesUnder(fs, n);
    ts.forEachChild(n, walk);
  };
  ts.forEachChild(sf, walk);
}

/** checkSignaturesUnder reports the typed member signatures in a type node and in the type literals under it. */
function checkSignaturesUnder(fs: FileState, node: TS.Node): void {
  const { ts } = fs.st;
  const walk = (n: TS.Node): void => {
    if (ts.isMethodSignature(n) || ts.isGetAccessorDeclaration(n)) reportIfTyped(fs, n.name, n.type);
    else if (ts.isPropertySignature(n) && n.type !== undefined) {
      const found = memberFunctionReturn(fs, n.type);
      if (found !== undefined) reportIfTyped(fs, n.name, found.returnType, found.at);
    }
    ts.forEachChild(n, walk);
  };
  walk(node);
}

/**
 * checkUnfollowedCall reports a call through a parameter or a variable whose annotation gives its
 * calls a shape typedc does not follow (`get: Get<Task>`, an interface with `extends` or several
 * call signatures) when a signature returns `__typed<T>`: the result would be a handle without fields.
 */
export function checkUnfollowedCall(fs: FileState, call: TS.CallExpression): void {
  const { st } = fs;
  const { ts } = st;
  if (!ts.isIdentifier(call.expression)) return;
  const decl = calleeDeclarationOf(st, call.expression);
  if (decl === undefined || functionLike(st, decl)?.type !== undefined) return; // a function: its own annotation decides
  const shape = annotatedCallShape(st, decl);
  if (shape === undefined || shape.followed || !shape.returnTypes.some((r) => isTypedReturn(st, r))) return;
  const through = shape.annotation.getText().replace(/\s+/g, " ");
  report(fs, Diagnostics._0_is_called_through_1_whose_calls_typedc_does_not_follow_type_arguments_or_parameters_extends_or_more_than_one_call_signature_the_result_would_be_a_handle_without_fields_Annotate_0_with_the_function_type_written_out_typed_T_or_a_non_generic_alias_of_it, [call.expression.text, through], call);
}

/** functionReturnOf is the return annotation of a function or arrow expression (parentheses skipped). */
function functionReturnOf(ts: typeof TS, init: TS.Expression | undefined): TS.TypeNode | undefined {
  while (init !== undefined && ts.isParenthesizedExpression(init)) init = init.expression;
  return init !== undefined && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) ? init.type : undefined;
}

/**
 * memberFunctionReturn is the return type of the function a member's annotation types:
 * `(i: number) => __typed<T>` (parenthesised, or one member of a union:
 * `((i) => __typed<T>) | undefined`, a typed one first) at its return type; a type literal with
 * call signatures at its typed one; a reference to a function type or a callable interface
 * (`get: Get`) at the reference, as the declaration may be in another file.
 */
function memberFunctionReturn(fs: FileState, written: TS.TypeNode): MemberReturn | undefined {
  const { ts } = fs.st;
  const type = unparen(ts, written);
  if (ts.isUnionTypeNode(type)) {
    let first: MemberReturn | undefined;
    for (const member of type.types) {
      const r = memberFunctionReturn(fs, member);
      if (r !== undefined && isTypedReturn(fs.st, r.returnType)) return r;
      first ??= r;
    }
    return first;
  }
  if (!ts.isFunctionTypeNode(type) && !ts.isTypeLiteralNode(type) && !ts.isTypeReferenceNode(type)) return undefined;
  const shape = callShapeOf(fs.st, type);
  const returnType = shape?.returnTypes.find((r) => isTypedReturn(fs.st, r)) ?? shape?.returnTypes[0];
  return returnType === undefined ? undefined : { returnType, at: shape!.direct ? returnType : type };
}

/** memberName is a member's name as the message spells it (`[k]` for a computed one, as Babel's plugin spells it). */
function memberName(fs: FileState, name: TS.PropertyName): string {
  return fs.st.ts.isComputedPropertyName(name) ? `[${name.expression.getText()}]` : name.getText();
}

/** reportIfTyped reports member `name` when its return annotation is `__typed<T>` (at the annotation, or at `at`). */
function reportIfTyped(fs: FileState, name: TS.PropertyName, returnType: TS.TypeNode | undefined, at: TS.Node | undefined = returnType): void {
  if (returnType === undefined || !isTypedReturn(fs.st, returnType)) return;
  const typeText = returnType.typeArguments![0]!.getText();
  report(fs, Diagnostics._0_returns_typed_1_from_a_method_accessor_or_property_whose_calls_typedc_does_not_follow_callers_would_get_a_handle_without_fields_Declare_it_as_a_function_function_0_typed_1_or_return_a_plain_object_with_toPlain, [memberName(fs, name), typeText], at!);
}
