import type { AbiSpec, ScalarSpec } from "../abi/spec.js";
import type { DeclSet, EnumMember } from "../ir/ctype.js";
import { assertLayout } from "./assert.js";

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
const UINT32_MAX = 2 ** 32 - 1;

// gccEnumSpec picks the underlying type as GCC and clang do for a C enum without a fixed type
// (C23 6.7.2.2, clang Sema::ActOnEnumBody): unsigned int when no enumerator is negative and all
// fit, int when some are negative and all fit, else the first of long / long long that holds them.
function gccEnumSpec(members: readonly EnumMember[], abi: AbiSpec): ScalarSpec {
  const values = members.map((m) => m.value);
  const min = Math.min(0, ...values);
  const max = Math.max(0, ...values);
  if (min >= 0) {
    if (max <= UINT32_MAX) return abi.scalars.c_uint;
    return abi.scalars.c_ulong.byteSize === 8 ? abi.scalars.c_ulong : abi.scalars.c_ulonglong;
  }
  if (min >= INT32_MIN && max <= INT32_MAX) return abi.scalars.c_int;
  return abi.scalars.c_long.byteSize === 8 ? abi.scalars.c_long : abi.scalars.c_longlong;
}

// ENUM_RULES maps AbiSpec.enums to its strategy; MSVC's C enums are always `int`.
const ENUM_RULES: Readonly<Record<AbiSpec["enums"], (members: readonly EnumMember[], abi: AbiSpec) => ScalarSpec>> = {
  gcc: gccEnumSpec,
  msvc: (_members, abi) => abi.scalars.c_int,
};

/** enumSpec returns the size, member alignment and signedness of a named C enum in one ABI. */
export function enumSpec(decls: DeclSet, enumName: string, abi: AbiSpec): ScalarSpec {
  const decl = decls.types[enumName];
  assertLayout(decl !== undefined && decl.kind === "enum", `'${enumName}' is not an enum`);
  return ENUM_RULES[abi.enums](decl.members, abi);
}
