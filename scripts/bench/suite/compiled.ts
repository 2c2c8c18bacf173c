/**
 * compiled: the compiled form of typed-loops.ts. When the tsc transformer exists
 * (`transformFiles` exported by packages/tsc-plugin), typed-loops.ts is compiled
 * with it at bench start, once with bounds checks and once without, into
 * generated/ and loaded from there; otherwise the hand-lowered text
 * (typed-loops.lowered.ts, written after the same contract) is used, and the
 * source is recorded in the results.
 */
import { checkedLoops, uncheckedLoops, type LoweredLoops } from "./typed-loops.lowered.js";

/** CompiledLoops are typed-loops.ts's exports after compilation. */
export type CompiledLoops = LoweredLoops;

/** CompiledSource says where the compiled loops come from. */
export interface CompiledSource {
  readonly kind: "transformer" | "hand-lowered";
  readonly note: string;
  /** The folder holding the transformer's modules (kind "transformer"; removed when the process exits). */
  readonly dir?: string;
}

let transformed: { checked: CompiledLoops; unchecked: CompiledLoops; checkedFile: string; precompiled?: CompiledLoops } | undefined;
let source: CompiledSource = { kind: "hand-lowered", note: "typed-loops.lowered.ts: typed-loops.ts lowered by hand after emit-access.ts (the tsc transformer is not exported yet)" };

/** useTransformed installs the transformer's output (see transform.ts); `checkedFile` is the bounds-checked module's path; `precompiled` the bounds-checked module with a precompiled x86_64-linux layout. */
export function useTransformed(checked: CompiledLoops, unchecked: CompiledLoops, checkedFile: string, note: string, dir: string, precompiled?: CompiledLoops): void {
  transformed = { checked, unchecked, checkedFile, precompiled };
  source = { kind: "transformer", note, dir };
}

/** checkedModuleFile is the path of the transformer's bounds-checked module, for worker threads to load the same code (undefined: hand-lowered). */
export function checkedModuleFile(): string | undefined {
  return transformed?.checkedFile;
}

/** loadCheckedModule installs, in a worker thread, the module the main thread compiled (see checkedModuleFile). */
export function loadCheckedModule(file: string): void {
  const checked = require(file) as CompiledLoops;
  transformed = { checked, unchecked: checked, checkedFile: file };
  source = { kind: "transformer", note: file };
}

/** compiledSource tells which compiled text the typedc-table rows run. */
export function compiledSource(): CompiledSource {
  return source;
}

/** precompiledLoops returns typed-loops.ts compiled with bounds checks and `precompile: ["x86_64-linux"]` (the bench area's format), if the transformer made it. */
export function precompiledLoops(): CompiledLoops | undefined {
  return transformed?.precompiled;
}

/** compiledLoops returns typed-loops.ts compiled with or without bounds checks. */
export function compiledLoops(boundsChecks: boolean): CompiledLoops {
  if (transformed !== undefined) return boundsChecks ? transformed.checked : transformed.unchecked;
  return boundsChecks ? checkedLoops : uncheckedLoops;
}
