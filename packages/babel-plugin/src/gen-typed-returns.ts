/**
 * Typed returns the code generator cannot follow (the tsc plugin's typed-returns.ts): a
 * method, an accessor or a function-valued property annotated to return `__typed<T>` would hand
 * its callers a CompiledRef without fields; it is reported (1217) where it is written.
 */
import type * as t from "@babel/types";
import { Diagnostics } from "@typedc/core";
import { annotationType } from "./gen-bindings.js";
import { report } from "./gen-report.js";
import { textOf, type GenState } from "./gen-state.js";

type Member = t.ClassMethod | t.ObjectMethod | t.ClassProperty | t.ObjectProperty | t.TSDeclareMethod;

/** checkTypedReturn reports a method, accessor, or function-valued property (or object literal member) annotated to return `__typed<T>`. */
export function checkTypedReturn(st: GenState, node: Member): void {
  if (node.type === "ClassMethod" || node.type === "ObjectMethod" || node.type === "TSDeclareMethod") {
    if (node.kind === "set" || node.kind === "constructor") return;
  }
  const fn = node.type === "ClassProperty" || node.type === "ObjectProperty" ? node.value : node;
  if (fn == null || !(fn.type === "ClassMethod" || fn.type === "ObjectMethod" || fn.type === "TSDeclareMethod" || fn.type === "ArrowFunctionExpression" || fn.type === "FunctionExpression")) return;
  const returnType = fn.returnType;
  if (returnType == null || returnType.type !== "TSTypeAnnotation") return;
  const typed = annotationType(st, returnType.typeAnnotation);
  if (typed?.kind !== "object") return;
  const argument = (returnType.typeAnnotation as t.TSTypeReference).typeParameters!.params[0]!;
  report(st, Diagnostics._0_returns_typed_1_from_a_method_accessor_or_property_whose_calls_typedc_does_not_follow_callers_would_get_a_handle_without_fields_Declare_it_as_a_function_function_0_typed_1_or_return_a_plain_object_with_toPlain, [textOf(st, node.key), textOf(st, argument)], returnType.typeAnnotation);
}
