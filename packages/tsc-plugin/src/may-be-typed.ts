/**
 * A quick test that lets the transformer return most files untouched: a file can hold a
 * typed access only if it names `__typed`, `typedCache` or `TypedCache`, or imports (or
 * re-exports) from a module that can (a typed binding or function may come from there).
 */
import type * as TS from "typescript";

const MARKERS = /__typed|typedCache|TypedCache/;
const answers = new WeakMap<TS.SourceFile, boolean>();

/** mayBeTyped tells whether a file may contain something the transformer rewrites or reports. */
export function mayBeTyped(ts: typeof TS, checker: TS.TypeChecker, sf: TS.SourceFile, visiting = new Set<TS.SourceFile>()): boolean {
  const known = answers.get(sf);
  if (known !== undefined) return known;
  if (visiting.has(sf)) return false; // an import cycle: decided by the other files on it
  visiting.add(sf);
  let answer = MARKERS.test(sf.text);
  for (const s of sf.statements) {
    if (answer) break;
    const spec = ts.isImportDeclaration(s) || ts.isExportDeclaration(s) ? s.moduleSpecifier : undefined;
    if (spec === undefined) continue;
    const target = checker.getSymbolAtLocation(spec)?.valueDeclaration;
    if (target !== undefined && ts.isSourceFile(target)) answer = mayBeTyped(ts, checker, target, visiting);
  }
  visiting.delete(sf);
  if (visiting.size === 0 || answer) answers.set(sf, answer);
  return answer;
}
