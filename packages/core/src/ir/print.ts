/**
 * Printers from the C type model back to source text: `printTs` gives the
 * `__typed` TypeScript declarations (SPEC §2 syntax), `printC` gives C11 with
 * GNU attributes that clang lays out exactly as the IR means (the layout oracle's input).
 */
import type { CType, DeclSet, EnumMember, Field, NamedType, RecordType, ScalarName } from "./ctype.js";
import { SCALAR_NAMES, isAnonName, isPadName } from "./ctype.js";

// ─── TypeScript ────────────────────────────────────────────────────────────

/** TS_WRAPPERS lists the generic C-type constructors of @typedc/runtime, in import order. */
const TS_WRAPPERS = ["ptr", "array", "bits", "union", "packed", "aligned", "atomic"] as const;

/** printTs returns TypeScript source declaring every NamedType of `decls` with SPEC §2 syntax. */
export function printTs(decls: DeclSet): string {
  const used = new Set<string>();
  const body = Object.values(decls.types).map((t) => tsNamed(t, used));
  const imports = [...SCALAR_NAMES, ...TS_WRAPPERS].filter((n) => used.has(n));
  const head = imports.length > 0 ? `import type { ${imports.join(", ")} } from "@typedc/runtime";\n\n` : "";
  return head + body.join("\n\n") + "\n";
}

// tsNamed prints one top-level declaration.
function tsNamed(t: NamedType, used: Set<string>): string {
  switch (t.kind) {
    case "enum":
      return `export enum ${t.name} {\n${t.members.map((m) => `  ${m.name} = ${m.value},\n`).join("")}}`;
    case "alias":
      return `export type ${t.name} = ${tsType(t.target, used, "")};`;
    case "record": {
      const r = t.record;
      // A plain struct reads best as an interface; any record attribute needs a type alias (SPEC §2).
      if (r.kind === "struct" && !r.packed && r.byteAlign === undefined) {
        return `export interface ${t.name} ${tsBody(r, used, "")}`;
      }
      return `export type ${t.name} = ${tsRecord(r, used, "")};`;
    }
  }
}

// tsRecord prints a record literal with its attributes: `aligned<packed<union<{...}>>, N>` (SPEC §2 order).
function tsRecord(r: RecordType, used: Set<string>, indent: string): string {
  let s = tsBody(r, used, indent);
  if (r.kind === "union") s = use(used, "union", `union<${s}>`);
  if (r.packed) s = use(used, "packed", `packed<${s}>`);
  if (r.byteAlign !== undefined) s = use(used, "aligned", `aligned<${s}, ${r.byteAlign}>`);
  return s;
}

// tsBody prints `{ field: T; ... }` over several lines.
function tsBody(r: RecordType, used: Set<string>, indent: string): string {
  const inner = indent + "  ";
  const lines = r.fields.map((f) => `${inner}${f.name}: ${tsField(f, used, inner)};\n`);
  return `{\n${lines.join("")}${indent}}`;
}

// tsField prints a field's type: the outermost `aligned<T, N>` is the member attribute and a
// `packed<T>` right under it the member `packed` (SPEC §2 "Attribute placement").
function tsField(f: Field, used: Set<string>, indent: string): string {
  const isLiteral = f.type.kind === "record";
  if (isLiteral && (f.memberAlign !== undefined || f.memberPacked)) {
    // SPEC §2: wrappers directly around a record literal are record attributes, never member ones.
    throw new Error(`printTs: member attributes on inline record field '${f.name}' have no TS spelling`);
  }
  if (f.type.kind === "aligned" && f.memberAlign === undefined && !f.memberPacked) {
    throw new Error(`printTs: type-level aligned as the outermost type of field '${f.name}' would read as a member attribute`);
  }
  let s = tsType(f.type, used, indent);
  if (f.memberPacked) s = use(used, "packed", `packed<${s}>`);
  if (f.memberAlign !== undefined) s = use(used, "aligned", `aligned<${s}, ${f.memberAlign}>`);
  return s;
}

// tsType prints a CType as SPEC §2 writes it.
function tsType(t: CType, used: Set<string>, indent: string): string {
  switch (t.kind) {
    case "scalar":
      return use(used, t.name, t.name);
    case "named":
      return t.name;
    case "pointer":
      return use(used, "ptr", `ptr<${t.target === null ? "void" : tsType(t.target, used, indent)}>`);
    case "array":
      return use(used, "array", `array<${tsType(t.element, used, indent)}, ${t.count}>`);
    case "record":
      return tsRecord(t.record, used, indent);
    case "bits":
      return use(used, "bits", `bits<${tsType(t.base, used, indent)}, ${t.bitWidth}>`);
    case "atomic":
      return use(used, "atomic", `atomic<${tsType(t.base, used, indent)}>`);
    case "aligned":
      if (t.base.kind === "record") {
        throw new Error("printTs: a type-level aligned around a record literal would read as a record attribute");
      }
      return use(used, "aligned", `aligned<${tsType(t.base, used, indent)}, ${t.byteAlign}>`);
  }
}

// use records that `name` must be imported and returns `text`.
function use(used: Set<string>, name: string, text: string): string {
  used.add(name);
  return text;
}

// ─── C ─────────────────────────────────────────────────────────────────────

/**
 * C_SCALARS spells each scalar in C with compiler builtin macros only, so the
 * printed C needs no header (clang and GCC predefine `__INT32_TYPE__`, …).
 * `c_ssize_t` is the signed integer of pointer size (`__INTPTR_TYPE__`), like POSIX `ssize_t`.
 */
export const C_SCALARS: Readonly<Record<ScalarName, string>> = {
  i8: "__INT8_TYPE__",
  u8: "__UINT8_TYPE__",
  i16: "__INT16_TYPE__",
  u16: "__UINT16_TYPE__",
  i32: "__INT32_TYPE__",
  u32: "__UINT32_TYPE__",
  i64: "__INT64_TYPE__",
  u64: "__UINT64_TYPE__",
  f32: "float",
  f64: "double",
  bool: "_Bool",
  c_char: "char",
  c_schar: "signed char",
  c_uchar: "unsigned char",
  c_short: "short",
  c_ushort: "unsigned short",
  c_int: "int",
  c_uint: "unsigned int",
  c_long: "long",
  c_ulong: "unsigned long",
  c_size_t: "__SIZE_TYPE__",
  c_ssize_t: "__INTPTR_TYPE__",
  c_ptrdiff_t: "__PTRDIFF_TYPE__",
  c_intptr_t: "__INTPTR_TYPE__",
  c_uintptr_t: "__UINTPTR_TYPE__",
  c_longlong: "long long",
  c_ulonglong: "unsigned long long",
  c_float: "float",
  c_double: "double",
  c_wchar: "__WCHAR_TYPE__",
};

/** C_ENUM_SEPARATOR joins an enum's name and a member's name into a C enumerator (C enumerators share one scope). */
export const C_ENUM_SEPARATOR = "__";

/** C_ALIGNED_PREFIX starts the names of the typedefs printC makes for type-level `aligned<T, N>`. */
export const C_ALIGNED_PREFIX = "__typedc_aligned_";

/** printC returns C11 (with GNU attributes) declaring every NamedType of `decls` with the same layout. */
export function printC(decls: DeclSet): string {
  const ctx: CContext = { decls, out: [], alignedCount: 0 };
  const types = Object.values(decls.types);
  for (const t of types) if (t.kind === "enum") ctx.out.push(cEnum(t.name, t.members));
  // Forward declarations let pointers name records declared later (and themselves).
  const forward = types.flatMap((t) => (t.kind === "record" ? [`${t.record.kind} ${t.name};`] : []));
  if (forward.length > 0) ctx.out.push(forward.join("\n"));
  for (const t of orderByValue(decls)) {
    if (t.kind === "record") ctx.out.push(`${cRecordHead(t.record, t.name)} ${cBody(t.record, ctx, "")};`);
    else if (t.kind === "alias") ctx.out.push(`typedef ${cDecl(t.target, t.name, ctx, "")};`);
  }
  return ctx.out.join("\n\n") + "\n";
}

interface CContext {
  readonly decls: DeclSet;
  /** Top-level declarations printed so far; aligned typedefs are pushed just before their first user. */
  readonly out: string[];
  alignedCount: number;
}

// cEnum prints `enum E { E__A = 1, ... };`.
function cEnum(name: string, members: readonly EnumMember[]): string {
  const lines = members.map((m) => `  ${name}${C_ENUM_SEPARATOR}${m.name} = ${m.value},\n`);
  return `enum ${name} {\n${lines.join("")}};`;
}

// orderByValue returns records and aliases so that every type used by value (not through a
// pointer) comes before its user: C needs complete types for members and array elements.
function orderByValue(decls: DeclSet): NamedType[] {
  const done = new Set<string>();
  const order: NamedType[] = [];
  const visit = (name: string, path: readonly string[]): void => {
    if (done.has(name)) return;
    if (path.includes(name)) throw new Error(`printC: cycle by value through ${[...path, name].join(" -> ")}`);
    const t = decls.types[name];
    if (t === undefined) throw new Error(`printC: unknown type '${name}'`);
    for (const dep of valueDeps(t)) visit(dep, [...path, name]);
    done.add(name);
    if (t.kind !== "enum") order.push(t);
  };
  for (const name of Object.keys(decls.types)) visit(name, []);
  return order;
}

// valueDeps lists the named types a declaration needs complete.
function valueDeps(t: NamedType): string[] {
  const deps: string[] = [];
  const walk = (c: CType): void => {
    switch (c.kind) {
      case "named":
        deps.push(c.name);
        return;
      case "pointer":
        return; // an incomplete type is enough behind a pointer
      case "array":
        return walk(c.element);
      case "record":
        return c.record.fields.forEach((f) => walk(f.type));
      case "bits":
      case "atomic":
      case "aligned":
        return walk(c.base);
      case "scalar":
        return;
    }
  };
  if (t.kind === "record") t.record.fields.forEach((f) => walk(f.type));
  if (t.kind === "alias") walk(t.target);
  return deps;
}

// cRecordHead prints `struct __attribute__((packed, aligned(N))) Tag`: attributes right after the
// keyword belong to the record type (GCC manual, "Type Attributes").
function cRecordHead(r: RecordType, tag: string): string {
  const attrs: string[] = [];
  if (r.packed) attrs.push("packed");
  if (r.byteAlign !== undefined) attrs.push(`aligned(${r.byteAlign})`);
  const attrText = attrs.length > 0 ? ` __attribute__((${attrs.join(", ")}))` : "";
  return `${r.kind}${attrText}${tag === "" ? "" : " " + tag}`;
}

// cBody prints `{ members }`.
function cBody(r: RecordType, ctx: CContext, indent: string): string {
  const inner = indent + "  ";
  const lines = r.fields.map((f) => `${inner}${cField(f, ctx, inner)};\n`);
  return `{\n${lines.join("")}${indent}}`;
}

// cField prints one member declaration with its member attributes after the declarator.
function cField(f: Field, ctx: CContext, indent: string): string {
  const attrs: string[] = [];
  if (f.memberPacked) attrs.push("packed");
  if (f.memberAlign !== undefined) attrs.push(`aligned(${f.memberAlign})`);
  const attrText = attrs.length > 0 ? ` __attribute__((${attrs.join(", ")}))` : "";
  // `_padN` is an unnamed bit-field, `_anonN` an anonymous member (SPEC §2): no declarator.
  const declarator = isPadName(f.name) || (isAnonName(f.name) && f.type.kind === "record") ? "" : cName(f.name);
  if (f.type.kind === "bits") {
    return `${cDecl(f.type.base, declarator, ctx, indent)} : ${f.type.bitWidth}${attrText}`;
  }
  return cDecl(f.type, declarator, ctx, indent) + attrText;
}

// cDecl prints a declaration of `inner` with type `t`, building C's inside-out declarator.
function cDecl(t: CType, inner: string, ctx: CContext, indent: string): string {
  const space = inner === "" ? "" : " ";
  switch (t.kind) {
    case "scalar":
      return `${C_SCALARS[t.name]}${space}${inner}`;
    case "named":
      return `${cNamedSpec(t.name, ctx.decls)}${space}${inner}`;
    case "pointer":
      return t.target === null ? `void *${inner}` : cDecl(t.target, `*${inner}`, ctx, indent);
    case "array": {
      // `*p` followed by `[N]` needs parentheses: `int (*p)[4]` is a pointer to an array.
      const base = inner.startsWith("*") ? `(${inner})` : inner;
      return cDecl(t.element, `${base}[${t.count === 0 ? "" : t.count}]`, ctx, indent);
    }
    case "record":
      return `${cRecordHead(t.record, "")} ${cBody(t.record, ctx, indent)}${space}${inner}`;
    case "atomic":
      return `_Atomic(${cDecl(t.base, "", ctx, indent)})${space}${inner}`;
    case "aligned":
      return `${cAlignedTypedef(t.base, t.byteAlign, ctx)}${space}${inner}`;
    case "bits":
      throw new Error("printC: bits<> is only valid directly as a field type");
  }
}

// cAlignedTypedef emits `typedef T name __attribute__((aligned(N)));` (a type-level alignment,
// like the kernel's `__aligned_u64`) and returns its name.
function cAlignedTypedef(base: CType, byteAlign: number, ctx: CContext): string {
  const name = `${C_ALIGNED_PREFIX}${ctx.alignedCount++}`;
  ctx.out.push(`typedef ${cDecl(base, name, ctx, "")} __attribute__((aligned(${byteAlign})));`);
  return name;
}

// cNamedSpec spells a reference to a named type: `struct S`, `union U`, `enum E` or the typedef name.
function cNamedSpec(name: string, decls: DeclSet): string {
  const t = decls.types[name];
  if (t === undefined) throw new Error(`printC: unknown type '${name}'`);
  if (t.kind === "record") return `${t.record.kind} ${name}`;
  if (t.kind === "enum") return `enum ${name}`;
  return name;
}

/** C_KEYWORDS are the C11 keywords (plus GNU spellings) that cannot name a member. */
export const C_KEYWORDS: ReadonlySet<string> = new Set(
  ("auto break case char const continue default do double else enum extern float for goto if inline int long " +
    "register restrict return short signed sizeof static struct switch typedef union unsigned void volatile while " +
    "_Alignas _Alignof _Atomic _Bool _Complex _Generic _Imaginary _Noreturn _Static_assert _Thread_local asm typeof")
    .split(" "),
);

// cName checks that a member name is also a valid C identifier.
function cName(name: string): string {
  if (C_KEYWORDS.has(name)) throw new Error(`printC: member name '${name}' is a C keyword`);
  return name;
}
