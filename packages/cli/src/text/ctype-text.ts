import { printCType, type CType, type Field } from "@typedc/core";

/**
 * ctypeText spells a C type the way the user writes it in a declaration
 * (STYLE §4: `c_long`, `ptr<Task>`, `array<c_char, 16>`); an inline record is
 * abbreviated to `struct {…}` / `union {…}` because printers expand it anyway.
 */
export function ctypeText(type: CType): string {
  return printCType(type, (record) => `${record.kind} {…}`);
}

/**
 * fieldTypeText spells a member's type as it was written, member attributes
 * included (SPEC §2: the outermost `aligned<T, N>` of a field is the member
 * attribute, a `packed<T>` directly under it the member `packed`).
 */
export function fieldTypeText(type: CType, declared: Pick<Field, "memberAlign" | "memberPacked"> | undefined): string {
  const base = ctypeText(type);
  const packed = declared?.memberPacked === true ? `packed<${base}>` : base;
  return declared?.memberAlign !== undefined ? `aligned<${packed}, ${declared.memberAlign}>` : packed;
}

/** declaredField finds the declaration of a laid-out member by name in its record, if the record is known. */
export function declaredField(record: { readonly fields: readonly Field[] } | undefined, name: string): Field | undefined {
  return record?.fields.find((f) => f.name === name);
}

/** inlineRecordOf returns the record literal of a member declared with an inline `{ ... }` type. */
export function inlineRecordOf(field: Field | undefined): Extract<CType, { kind: "record" }>["record"] | undefined {
  return field?.type.kind === "record" ? field.type.record : undefined;
}
