/*
 * values.h — the deterministic value of every member of record `i`.
 *
 * The producer writes these values; the consumer (interop/consumers/check.c)
 * recomputes them and compares. They include negative numbers, values with
 * the top bit set (signedness of `char`, `wchar_t`, bit-fields) and values
 * whose bytes differ (endianness). Arithmetic is done in 64 bits and then
 * converted, and floating-point values are exact (no rounding anywhere, so i386's
 * x87 excess precision cannot change them), so every value is the same on every
 * ISA and with every compiler except where the C type itself differs (plain
 * `char`, `wchar_t`: the conversion is the point).
 */
#ifndef TYPEDC_INTEROP_VALUES_H
#define TYPEDC_INTEROP_VALUES_H

#include <string.h>
#include "records.h"

/* REC_COUNT is how many records the producer writes. */
#define REC_COUNT 5

/* PAD_BYTE fills the buffer before writing, so padding and unnamed bit-fields are visible, not zero. */
#define PAD_BYTE 0xA5

static const enum Color rec_colors[4] = { COLOR_NEG, COLOR_RED, COLOR_GREEN, COLOR_BLUE };

/* rec_fill writes the values of record i into r (all members but `next`). */
static void rec_fill(struct Rec *r, int i) {
  int64_t k = i;
  r->id = i;
  r->c = (char)(0x41 + k * 37);            /* 65, 102, 139, 176, 213: >127 tests signedness */
  r->sc = (signed char)(-100 + k * 50);
  r->uc = (unsigned char)(200 + k * 10);
  r->flag = (i & 1) != 0;
  r->sh = (short)(-30000 + k * 12345);
  r->ush = (unsigned short)(65535 - k * 1000);
  r->in = (int)(-2000000000LL + k * 1000000007LL);
  r->uin = (unsigned int)(0xF0000000u + (uint32_t)k * 0x01010101u);
  r->lg = (long)(-1000003LL * (k + 1));    /* fits 32 bits: the same value in every format */
  r->ulg = (unsigned long)(0xFFFFFFF0u - (uint32_t)k);
  r->ll = (long long)(-0x123456789ALL * (k + 1));
  r->ull = 0xFEDCBA9876543210ULL ^ ((uint64_t)k << 56);
  r->i64 = (int64_t)(0x8000000000000000ULL + (uint64_t)k * 0x0102030405060708ULL);
  r->u64 = 0x0102030405060708ULL * (uint64_t)(k + 1);
  r->f = (float)k * 1.5f - 3.25f;
  /* 53 significant bits, exact in double: no rounding, so x87 excess precision (i386) cannot change it. */
  r->d = -(double)(0x1FFFFFFFFFFFFFLL - k * 0x10101) / 1048576.0;
  r->wc = (wchar_t)((i & 1) ? -(k * 1000) : 0x263A + k);
  r->color = rec_colors[i % 4];
  r->bits.lo = (uint32_t)(k * 3 + 1) & 7u;
  r->bits.s5 = (int32_t)(-16 + k * 7);
  r->bits.mid = (uint32_t)(0xABCDE ^ k);
  r->bits.wide = 0xFEDCBA9876ULL + (uint64_t)k;
  r->bits.sw = -(1LL << 32) + k * 12345;
  r->bits.b4 = (uint8_t)((k + 9) & 15);
  r->bits.cross = (uint16_t)(0x55 + k);
  r->odd = (uint8_t)(0xA0 + k);
  r->pk.tag = (uint8_t)i;
  r->pk.value = 0xDEADBEEFu - (uint32_t)k;
  r->pk.port = (uint16_t)(8080 + k);
  r->pk.big = -0x0123456789ABCDEFLL + k;
  r->loose = 0x11223344u + (uint32_t)k;
  r->num.f = (float)k * 0.5f - 1.0f;
  r->word = 0x0A0B0C0Du + (uint32_t)k * 0x01000000u;
  r->pair.x = (int16_t)(-k - 1);
  r->pair.y = (int16_t)(k * 1000);
  for (int row = 0; row < 3; row++)
    for (int col = 0; col < 4; col++)
      r->grid[row][col] = (int16_t)(k * 100 + row * 10 + col - 50);
  r->tag = (uint8_t)(0x5A ^ k);
  r->al = (int32_t)(-(k * 65536) - 1);
  memset(r->name, 0, sizeof r->name);
  memcpy(r->name, "rec", 3);
  r->name[3] = (char)('0' + i);
}

#endif
