/**
 * SysvCursor is the running state of a SysV/Itanium record layout (clang
 * ItaniumRecordLayoutBuilder): `dataBitSize` is the bytes used so far, in bits (always a
 * whole number of bytes), `unfilledBitCount` the bits of the last byte a bit-field left free,
 * `byteAlign` the record alignment so far.
 */
export interface SysvCursor {
  readonly isUnion: boolean;
  readonly packed: boolean;
  dataBitSize: number;
  unfilledBitCount: number;
  byteAlign: number;
}
