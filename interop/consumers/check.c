/*
 * check.c — reads a file of `struct Rec` records laid out for this ISA (written
 * by the producer, or by TypeScript through typedc in this ISA's format) and
 * checks every member against the deterministic values of values.h.
 *
 * usage: check <file> [base]
 *   base: the address the writer gave record 0 (decimal or 0x-hex; default 0,
 *   i.e. pointers are offsets from the start of the file). Record i's `next`
 *   must be base + (i + 1) * sizeof(struct Rec), and NULL for the last record.
 *
 * Prints `OK <n> records` (exit 0) or the first mismatch (exit 1).
 * Padding bytes and unnamed bit-fields are not checked: a writer may leave them as it likes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../producers/records.h"
#include "../producers/values.h"

static int failures;

/* mismatch reports the first difference and stops the check. */
static void mismatch(int i, const char *path, const char *got, const char *expected) {
  printf("MISMATCH record %d %s: got %s, expected %s\n", i, path, got, expected);
  failures++;
}

#define REPORT(fmt, path, got, want)                               \
  do {                                                             \
    char g_[64], w_[64];                                           \
    snprintf(g_, sizeof g_, fmt, got);                             \
    snprintf(w_, sizeof w_, fmt, want);                            \
    mismatch(i, path, g_, w_);                                     \
    return;                                                        \
  } while (0)
/* CHECK_I/CHECK_U/CHECK_F compare one member of the record read (a) with the expected one (e). */
#define CHECK_I(m) if (a->m != e.m) REPORT("%lld", #m, (long long)a->m, (long long)e.m)
#define CHECK_U(m) if (a->m != e.m) REPORT("%llu", #m, (unsigned long long)a->m, (unsigned long long)e.m)
#define CHECK_F(m) if (a->m != e.m) REPORT("%.17g", #m, (double)a->m, (double)e.m)

/* check_rec compares record i of the file with the values of values.h. */
static void check_rec(const struct Rec *a, int i, int n, unsigned long long base) {
  struct Rec e;
  memset(&e, 0, sizeof e);
  rec_fill(&e, i);
  CHECK_I(id); CHECK_I(c); CHECK_I(sc); CHECK_U(uc); CHECK_U(flag);
  CHECK_I(sh); CHECK_U(ush); CHECK_I(in); CHECK_U(uin); CHECK_I(lg); CHECK_U(ulg);
  CHECK_I(ll); CHECK_U(ull); CHECK_I(i64); CHECK_U(u64); CHECK_F(f); CHECK_F(d);
  CHECK_I(wc); CHECK_I(color);
  CHECK_U(bits.lo); CHECK_I(bits.s5); CHECK_U(bits.mid); CHECK_U(bits.wide); CHECK_I(bits.sw);
  CHECK_U(bits.b4); CHECK_U(bits.cross);
  CHECK_U(odd); CHECK_U(pk.tag); CHECK_U(pk.value); CHECK_U(pk.port); CHECK_I(pk.big);
  CHECK_U(loose); CHECK_F(num.f); CHECK_I(num.i); CHECK_U(word);
  for (int j = 0; j < 4; j++) { CHECK_U(num.bytes[j]); CHECK_U(octets[j]); }
  CHECK_I(pair.x); CHECK_I(pair.y);
  for (int row = 0; row < 3; row++)
    for (int col = 0; col < 4; col++) { CHECK_I(grid[row][col]); }
  CHECK_U(tag); CHECK_I(al);
  for (int j = 0; j < 6; j++) { CHECK_I(name[j]); }
  unsigned long long next_want = i + 1 < n ? base + (unsigned long long)(i + 1) * sizeof(struct Rec) : 0;
  unsigned long long next_got = (unsigned long long)(uintptr_t)a->next;
  if (next_got != next_want) REPORT("%llu", "next", next_got, next_want);
}

int main(int argc, char **argv) {
  if (argc < 2 || argc > 3) {
    fprintf(stderr, "usage: %s <file> [base]\n", argv[0]);
    return 2;
  }
  unsigned long long base = argc == 3 ? strtoull(argv[2], NULL, 0) : 0;
  FILE *in = fopen(argv[1], "rb");
  if (!in) { perror(argv[1]); return 2; }
  fseek(in, 0, SEEK_END);
  long byte_size = ftell(in);
  rewind(in);
  if (byte_size <= 0 || byte_size % (long)sizeof(struct Rec) != 0) {
    printf("BADSIZE %ld bytes is not a whole number of %zu-byte records\n", byte_size, sizeof(struct Rec));
    return 1;
  }
  /* aligned_alloc: the records need their own alignment (16, from the `aligned` member). */
  size_t alloc_size = ((size_t)byte_size + _Alignof(struct Rec) - 1) / _Alignof(struct Rec) * _Alignof(struct Rec);
  struct Rec *recs = aligned_alloc(_Alignof(struct Rec), alloc_size);
  if (!recs || fread(recs, (size_t)byte_size, 1, in) != 1) { perror(argv[1]); return 2; }
  fclose(in);
  int n = (int)(byte_size / (long)sizeof(struct Rec));
  for (int i = 0; i < n && !failures; i++) check_rec(&recs[i], i, n, base);
  if (failures) return 1;
  printf("OK %d records\n", n);
  return 0;
}
