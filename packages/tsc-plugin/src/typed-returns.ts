/**
 * Typed returns the transformer cannot follow (docs/compiler.md, "Known limits"): a call is
 * typed only when its callee names a function whose return is annotated `__typed<T>`; a method,
 * an accessor or a function-valued property returning `__typed<T>` would hand its callers a
 * CompiledRef, which has no fields, and `obj.get(i).pid` would read `undefined` without a word.
 * So such a declaration is reported (1217) where it is written, by syntax, as the Babel plugin
 * reports it.
 */
import type * as TS from "typescript";
import { Diagnostics } from "@typedc/core";
import { annotationType } from "./bindings.js";
import type { FileState } from "./file-state.js";
import { report } from "./transformer.js";

/** checkTypedReturn reports a method, accessor, or function-valued property (or object literal member) annotated to return `__typed<T>`. */
export function checkTypedReturn(fs: FileState, node: TS.MethodDeclaration | TS.GetAccessorDeclaration | TS.PropertyDeclaration | TS.PropertyAssignment): void {
  const { ts } = fs.st;
  const fn = ts.isPropertyDeclaration(node) || ts.isPropertyAssignment(node) ? node.initializer : node;
  if (fn === undefined || !(ts.isMethodDeclaration(fn) || ts.isGetAccessorDeclaration(fn) || ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) || fn.type === undefined) return;
  if (fn.body === undefined) return; // an overload or ambient signature: reported at its implementation
  const typed = annotationType(fs.st, fn.type);
  if (typed?.kind !== "object") return;
  const typeText = (fn.type as TS.TypeReferenceNode).typeArguments![0]!.getText();
  report(fs, Diagnostics._0_returns_typed_1_from_a_method_accessor_or_property_whose_calls_typedc_does_not_follow_callers_would_get_a_handle_without_fields_Declare_it_as_a_function_function_0_typed_1_or_return_a_plain_object_with_toPlain, [node.name.getText(), typeText], fn.type);
}
