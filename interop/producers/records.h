/*
 * records.h — the C declarations of the interop records.
 *
 * interop/producers/records.ts declares the same types in typedc syntax
 * (SPEC §2); the two must mean exactly the same layout in every format.
 * Every feature typedc models appears here at least once: bit-fields
 * (signed, straddling a byte, not fitting the current unit, zero-width,
 * unnamed), a packed struct, a member `packed` attribute, a union, a C11
 * anonymous union, a record `aligned` attribute, a member `aligned`
 * attribute, a 2-D array, `long`/`unsigned long`, `wchar_t`, plain `char`,
 * `_Bool`, float/double, 64-bit integers, an enum and a self pointer.
 */
#ifndef TYPEDC_INTEROP_RECORDS_H
#define TYPEDC_INTEROP_RECORDS_H

#include <stddef.h>
#include <stdint.h>

/* A negative enumerator makes the enum `int` (GCC: unsigned int otherwise). */
enum Color { COLOR_NEG = -2, COLOR_RED = 1, COLOR_GREEN = 2, COLOR_BLUE = 300 };

struct Bits {
  uint32_t lo : 3;
  int32_t s5 : 5;      /* signed bit-field: plain `int` bit-fields are signed in GCC */
  uint32_t mid : 20;   /* bits 8..27 of the first 32-bit unit */
  uint64_t wide : 40;  /* does not fit after bit 28 in its unit: SysV moves it (i386 differs: 4-byte unit alignment) */
  int64_t sw : 33;     /* signed, wider than 32 bits */
  uint32_t : 0;        /* zero-width: next field starts at a 32-bit boundary */
  uint8_t b4 : 4;
  uint8_t : 2;         /* unnamed: takes space, is not a member */
  uint16_t cross : 7;  /* straddles a byte boundary inside its 16-bit unit */
};

struct __attribute__((packed)) Packed {
  uint8_t tag;
  uint32_t value;
  uint16_t port;
  int64_t big;
};

union Num {
  int32_t i;
  float f;
  uint8_t bytes[4];
};

/* Record attribute: alignment 8, size rounded up to 8. */
struct __attribute__((aligned(8))) Pair {
  int16_t x;
  int16_t y;
};

struct Rec {
  int32_t id;
  char c;                 /* plain char: signed on x86/mips, unsigned on arm/aarch64/riscv/s390x */
  signed char sc;
  unsigned char uc;
  _Bool flag;
  short sh;
  unsigned short ush;
  int in;
  unsigned int uin;
  long lg;                /* 4 or 8 bytes */
  unsigned long ulg;
  long long ll;
  unsigned long long ull;
  int64_t i64;            /* 4-aligned on i386 */
  uint64_t u64;
  float f;
  double d;               /* 4-aligned on i386 */
  wchar_t wc;             /* unsigned on arm/aarch64, signed elsewhere */
  enum Color color;
  struct Bits bits;
  uint8_t odd;
  struct Packed pk;       /* alignment 1: starts right after `odd` */
  uint32_t loose __attribute__((packed)); /* member packed: alignment 1 */
  union Num num;
  union {                 /* C11 anonymous member (`_anon0` in TypeScript) */
    uint32_t word;
    uint8_t octets[4];
  };
  struct Pair pair;
  int16_t grid[3][4];
  uint8_t tag;
  int32_t al __attribute__((aligned(16))); /* member aligned: alignment 16, size 4 */
  struct Rec *next;       /* absolute address in the writer's memory (see docs/interop.md) */
  char name[6];
};

#endif
