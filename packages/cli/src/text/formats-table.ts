import type { AbiSpec } from "@typedc/core";
import type { Palette } from "../color.js";
import { tableText, type Column } from "./table.js";

/** FormatRow is the summary of one data format that `typedc formats` prints (SPEC §5). */
export interface FormatRow {
  readonly id: string;
  readonly triple: string;
  readonly endian: "little" | "big";
  readonly pointerByteSize: number;
  readonly longByteSize: number;
  readonly wcharByteSize: number;
  readonly charSigned: boolean;
  /** Alignment of `i64`/`long long` as a struct member (4 on i386-linux, 8 elsewhere). */
  readonly i64ByteAlign: number;
  readonly bitfields: "sysv" | "ms";
  readonly enums: "gcc" | "msvc";
  readonly dataLayout: string;
}

/** formatRowOf summarises an AbiSpec; `char` is signed when its encoding is `signed_char`. */
export function formatRowOf(spec: AbiSpec): FormatRow {
  return {
    id: spec.id,
    triple: spec.triple,
    endian: spec.endian,
    pointerByteSize: spec.pointer.byteSize,
    longByteSize: spec.scalars.c_long.byteSize,
    wcharByteSize: spec.scalars.c_wchar.byteSize,
    charSigned: spec.scalars.c_char.encoding === "signed_char",
    i64ByteAlign: spec.scalars.i64.byteAlign,
    bitfields: spec.bitfields,
    enums: spec.enums,
    dataLayout: spec.dataLayout,
  };
}

const COLUMNS: readonly Column[] = [
  { header: "format", align: "left" },
  { header: "clang triple", align: "left" },
  { header: "endian", align: "left" },
  { header: "ptr", align: "right" },
  { header: "long", align: "right" },
  { header: "wchar", align: "right" },
  { header: "char", align: "left" },
  { header: "i64 align", align: "right" },
  { header: "bit-fields", align: "left" },
  { header: "data layout", align: "left" },
];

/** formatsTableText prints the formats as a table, one row per format, sizes and alignments in bytes. */
export function formatsTableText(rows: readonly FormatRow[], palette: Palette): string {
  const cells = rows.map((r) => [
    r.id,
    r.triple,
    r.endian,
    String(r.pointerByteSize),
    String(r.longByteSize),
    String(r.wcharByteSize),
    r.charSigned ? "signed" : "unsigned",
    String(r.i64ByteAlign),
    r.bitfields,
    r.dataLayout,
  ]);
  return tableText(COLUMNS, cells, (text, row, column) => (row === -1 ? palette.bold(text) : column === 0 ? palette.cyan(text) : text));
}
