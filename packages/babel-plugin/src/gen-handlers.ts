/** The visitor's handlers defined outside gen-transform.ts, registered once (writes, for...of, arrows). */
import { visitArrow } from "./gen-arrow.js";
import { visitForOf } from "./gen-for-of.js";
import { visitFor } from "./gen-loop-version.js";
import { checkTypedReturn, checkTypedSignatures, checkUnfollowedCall } from "./gen-typed-returns.js";
import { lowerEnum } from "./gen-enum.js";
import { HANDLERS, visitEachChild } from "./gen-transform.js";
import { visitAssignment, visitUpdate } from "./gen-update.js";

HANDLERS.AssignmentExpression = visitAssignment;
HANDLERS.UpdateExpression = visitUpdate;
HANDLERS.ForOfStatement = visitForOf;
HANDLERS.ForStatement = (v, n) => visitFor(v, n) ?? visitEachChild(v, n);
for (const type of ["ClassMethod", "ObjectMethod", "ClassProperty", "ObjectProperty"]) {
  HANDLERS[type] = (v, n) => (checkTypedReturn(v.fs.st, n), visitEachChild(v, n));
}
HANDLERS.TSDeclareMethod = (v, n) => (checkTypedReturn(v.fs.st, n), n);
HANDLERS.TSInterfaceDeclaration = HANDLERS.TSTypeAliasDeclaration = (v, n) => (checkTypedSignatures(v.fs.st, n), n);
// A call through a type typedc does not follow is reported first, as the tsc plugin's visitCall does.
const visitCall = HANDLERS.CallExpression!;
HANDLERS.CallExpression = (v, n) => (checkUnfollowedCall(v.fs.st, n), visitCall(v, n));
HANDLERS.ArrowFunctionExpression = visitArrow;
HANDLERS.TSEnumDeclaration = (v, n) => {
  const out = lowerEnum(v.fs.st, n, false);
  if (out === undefined) return visitEachChild(v, n);
  v.fs.changed = true;
  return out;
};
HANDLERS.ExportNamedDeclaration = (v, n) => {
  if (n.declaration == null) return n;
  const out = n.declaration.type === "TSEnumDeclaration" ? lowerEnum(v.fs.st, n.declaration, true) : undefined;
  if (out === undefined) return visitEachChild(v, n);
  v.fs.changed = true;
  return out;
};
