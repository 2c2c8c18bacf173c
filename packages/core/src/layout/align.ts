import type { CType, RecordType } from "../ir/ctype.js";
import { assertLayout } from "./assert.js";
import type { LayoutContext } from "./context.js";
import { enumSpec } from "./enum.js";
import { isPowerOfTwo } from "./math.js";

/**
 * TypeInfo is clang's ASTContext::getTypeInfo for a CType: size and alignment as `sizeof`
 * and `_Alignof` give them, and whether an `aligned` attribute fixed the alignment
 * (`alignRequired`, clang's AlignRequirementKind, which MSVC layout honours even when packed).
 */
export interface TypeInfo {
  readonly byteSize: number;
  readonly byteAlign: number;
  readonly alignRequired: boolean;
}

/** typeInfo returns the size and alignment of any CType in the context's ABI (flexible arrays: size 0). */
export function typeInfo(ctx: LayoutContext, type: CType): TypeInfo {
  switch (type.kind) {
    case "scalar": {
      const s = ctx.abi.scalars[type.name];
      return { byteSize: s.byteSize, byteAlign: s.byteAlign, alignRequired: false };
    }
    case "pointer":
      return { byteSize: ctx.abi.pointer.byteSize, byteAlign: ctx.abi.pointer.byteAlign, alignRequired: false };
    case "array": {
      // C11 6.5.3.4: sizeof an array is count × sizeof element; its alignment the element's.
      const element = typeInfo(ctx, type.element);
      return { ...element, byteSize: element.byteSize * type.count };
    }
    case "record":
      return recordInfo(ctx, type.record);
    case "named":
      return namedInfo(ctx, type.name);
    case "aligned": {
      // clang getTypeInfo(TypedefType): an aligned typedef *overrides* the alignment, so it can
      // lower it too (GCC manual: "When used as part of a typedef, the aligned attribute can
      // both increase and decrease alignment").
      assertLayout(isPowerOfTwo(type.byteAlign), `aligned(${type.byteAlign}) is not a power of two`);
      const base = typeInfo(ctx, type.base);
      return { byteSize: base.byteSize, byteAlign: type.byteAlign, alignRequired: true };
    }
    case "atomic":
      return atomicInfo(ctx, type.base);
    case "bits":
      assertLayout(false, "a bit-field type outside a field");
  }
}

// recordInfo is sizeof/_Alignof of a record; an `aligned` record attribute makes the alignment required.
function recordInfo(ctx: LayoutContext, record: RecordType): TypeInfo {
  const { layout } = ctx.record(record);
  return { byteSize: layout.byteSize, byteAlign: layout.byteAlign, alignRequired: record.byteAlign !== undefined };
}

// namedInfo follows a name: a record, an enum, or an alias (a plain typedef: no alignment of its own).
function namedInfo(ctx: LayoutContext, name: string): TypeInfo {
  const decl = ctx.decls.types[name];
  assertLayout(decl !== undefined, `unknown type name '${name}'`);
  switch (decl.kind) {
    case "record":
      return recordInfo(ctx, decl.record);
    case "enum": {
      const spec = enumSpec(ctx.decls, name, ctx.abi);
      return { byteSize: spec.byteSize, byteAlign: spec.byteAlign, alignRequired: false };
    }
    case "alias":
      return typeInfo(ctx, decl.target);
  }
}

// atomicInfo: clang getTypeInfo(AtomicType) rounds the size up to a power of two and aligns
// `_Atomic T` to that size when it is at most the target's MaxAtomicPromoteWidth (so
// `_Atomic long long` is 8-aligned on i386 where `long long` is 4-aligned).
function atomicInfo(ctx: LayoutContext, base: CType): TypeInfo {
  const info = typeInfo(ctx, base);
  const maxPromote = ctx.abi.maxAtomicPromoteByteSize ?? 8;
  if (info.byteSize === 0 || info.byteSize > maxPromote) return info;
  let byteSize = 1;
  while (byteSize < info.byteSize) byteSize *= 2;
  return { byteSize, byteAlign: byteSize, alignRequired: info.alignRequired };
}

/** desugar strips the aliases and type-level `aligned` wrappers around a type (clang getUnqualifiedDesugaredType). */
export function desugar(ctx: LayoutContext, type: CType): CType {
  let t = type;
  for (;;) {
    if (t.kind === "aligned") {
      t = t.base;
      continue;
    }
    if (t.kind === "named") {
      const decl = ctx.decls.types[t.name];
      assertLayout(decl !== undefined, `unknown type name '${t.name}'`);
      if (decl.kind === "alias") {
        t = decl.target;
        continue;
      }
    }
    return t;
  }
}

/** baseElementRecord returns the record at the bottom of a type's arrays and aliases, if any (clang getBaseElementTypeUnsafe). */
export function baseElementRecord(ctx: LayoutContext, type: CType): RecordType | undefined {
  const t = desugar(ctx, type);
  if (t.kind === "array") return baseElementRecord(ctx, t.element);
  if (t.kind === "record") return t.record;
  if (t.kind === "named") {
    const decl = ctx.decls.types[t.name];
    if (decl?.kind === "record") return decl.record;
  }
  return undefined;
}

/** isFlexibleArray tells whether a member type is a flexible array member (`array<T, 0>`). */
export function isFlexibleArray(type: CType): boolean {
  return type.kind === "array" && type.count === 0;
}
