/**
 * The record every workload of the benchmark suite (issue #7) reads and writes,
 * declared as typedc declarations (SPEC §2); its layouts come from the core:
 *   struct Rec { int32_t a; double b; uint8_t c; int64_t d; uint16_t e[4]; };
 */
import type { i32, f64, u8, i64, u16, array } from "@typedc/runtime";

/** Rec is the benchmark record: one field of each size class and a small array. */
export interface Rec {
  a: i32;
  b: f64;
  c: u8;
  d: i64;
  e: array<u16, 4>;
}
