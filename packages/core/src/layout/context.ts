import type { AbiSpec } from "../abi/spec.js";
import type { DeclSet, RecordType } from "../ir/ctype.js";
import { assertLayout } from "./assert.js";
import type { RecordLayout } from "./types.js";

/**
 * RecordResult is a record laid out for one ABI plus what only the layout engine needs:
 * `requiredByteAlign`, MSVC's "required alignment" (alignment forced by `aligned`
 * attributes on the record, its members or their types), which survives `packed`
 * (clang MicrosoftRecordLayoutBuilder::RequiredAlignment).
 */
export interface RecordResult {
  readonly layout: RecordLayout;
  readonly requiredByteAlign: number;
}

/** RecordBuilder lays out one record body for the context's ABI (one per bit-field strategy). */
export type RecordBuilder = (ctx: LayoutContext, record: RecordType) => RecordResult;

/** LayoutContext is the memo of every record laid out for one (DeclSet, AbiSpec) pair. */
export interface LayoutContext {
  readonly decls: DeclSet;
  readonly abi: AbiSpec;
  /** record returns the memoised layout of a record body. */
  record(record: RecordType): RecordResult;
}

const CONTEXTS = new WeakMap<DeclSet, WeakMap<AbiSpec, LayoutContext>>();

// createContext builds a fresh memo; `inProgress` catches a by-value cycle that slipped past checkDecls.
function createContext(decls: DeclSet, abi: AbiSpec, build: RecordBuilder): LayoutContext {
  const done = new Map<RecordType, RecordResult>();
  const inProgress = new Set<RecordType>();
  const ctx: LayoutContext = {
    decls,
    abi,
    record(record) {
      const known = done.get(record);
      if (known !== undefined) return known;
      assertLayout(!inProgress.has(record), "a record contains itself by value");
      inProgress.add(record);
      try {
        const result = build(ctx, record);
        done.set(record, result);
        return result;
      } finally {
        inProgress.delete(record);
      }
    },
  };
  return ctx;
}

/** contextFor returns the memoised LayoutContext of (decls, abi), creating it with `build` on first use. */
export function contextFor(decls: DeclSet, abi: AbiSpec, build: RecordBuilder): LayoutContext {
  let byAbi = CONTEXTS.get(decls);
  if (byAbi === undefined) {
    byAbi = new WeakMap();
    CONTEXTS.set(decls, byAbi);
  }
  let ctx = byAbi.get(abi);
  if (ctx === undefined) {
    ctx = createContext(decls, abi, build);
    byAbi.set(abi, ctx);
  }
  return ctx;
}
