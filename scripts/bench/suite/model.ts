/**
 * model: the benchmark record's declarations, tables and layout facts, all
 * derived from rec.ts through the extractor and the core (never hard-coded):
 * extractFromFiles → DeclSet → buildTypeSet for the formats the suite uses.
 */
import * as path from "node:path";
import ts from "typescript";
import { ABIS, buildTypeSet, type AbiId, type DeclSet, type TypeSet, type TypeTable } from "@typedc/core";
import { extractFromFiles } from "../../../packages/tsc-plugin/src/extract.js";

/** REC_FILE is the declaration file of the benchmark record. */
export const REC_FILE = path.join(__dirname, "rec.ts");

/** SUITE_FORMATS are the formats the suite lays Rec out for: the host's (x86_64-linux) and the morphing source (i386-linux). */
export const SUITE_FORMATS: readonly AbiId[] = ["x86_64-linux", "i386-linux"];

/** FieldLayout is one member of Rec in one format: byte offset and size (arrays: element size and count too). */
export interface FieldLayout {
  readonly byteOffset: number;
  readonly byteSize: number;
  readonly elementByteSize: number;
  readonly count: number;
}

/** RecLayout is Rec in one format: its stride (sizeof) and its fields by name, in declaration order. */
export interface RecLayout {
  readonly format: AbiId;
  readonly byteSize: number;
  readonly byteAlignment: number;
  readonly fields: Readonly<Record<"a" | "b" | "c" | "d" | "e", FieldLayout>>;
  readonly order: readonly string[];
}

/** Model is everything the suite knows about Rec. */
export interface Model {
  readonly decls: DeclSet;
  readonly types: TypeSet;
  readonly layouts: Readonly<Record<string, RecLayout>>;
}

/** loadModel extracts Rec from rec.ts and builds its tables for SUITE_FORMATS; an extraction error aborts the suite. */
export function loadModel(): Model {
  const { value: decls, diagnostics } = extractFromFiles(ts, [REC_FILE]);
  const errors = diagnostics.filter((d) => d.category === "error");
  if (errors.length > 0 || decls.types.Rec === undefined) {
    throw new Error(`bench: cannot extract Rec from ${REC_FILE}:\n${errors.map((d) => `TYPED${d.code}: ${d.messageText}`).join("\n")}`);
  }
  const types = buildTypeSet(decls, "Rec", SUITE_FORMATS.map((id) => ABIS[id]));
  const layouts: Record<string, RecLayout> = {};
  for (const id of SUITE_FORMATS) layouts[id] = layoutOfTable(types[id]!);
  return { decls, types, layouts };
}

/** layoutOfTable reads Rec's member offsets and sizes from a type table. */
export function layoutOfTable(table: TypeTable): RecLayout {
  const root = table.types[table.root]!;
  if (root.tag !== "structure_type") throw new Error(`bench: Rec is a ${root.tag}`);
  const fields: Record<string, FieldLayout> = {};
  for (const m of root.members) {
    const t = table.types[m.type]!;
    const isArray = t.tag === "array_type";
    const elementByteSize = isArray ? table.types[t.element]!.byteSize : m.byteSize;
    fields[m.name] = { byteOffset: m.dataMemberLocation, byteSize: m.byteSize, elementByteSize, count: isArray ? t.count : 1 };
  }
  return { format: table.format, byteSize: root.byteSize, byteAlignment: root.alignment, fields: fields as RecLayout["fields"], order: root.members.map((m) => m.name) };
}
