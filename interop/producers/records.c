/*
 * records.c — writes REC_COUNT `struct Rec` records, as this ISA's C compiler
 * lays them out, to a binary file, and prints as JSON every value it wrote
 * (read back from memory, so the JSON is what a reader of the file must see)
 * plus the layout of every record type (offsetof/sizeof; bit-fields found by
 * setting one to all ones and looking for the bits).
 *
 * usage: records <abi-id> <out.bin>   (JSON on stdout)
 *
 * The records live in a static array: with `-static` (no PIE) its address is
 * fixed at link time, so `next` pointers are real absolute addresses and yet
 * deterministic. The JSON records that address as `base`; a reader finds the
 * record a pointer targets at file offset `next - base` (docs/interop.md).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "records.h"
#include "values.h"

static struct Rec recs[REC_COUNT];

/* ---- JSON output: one flat object per record, keys are C access paths. ---- */

static int first_key;

/* key prints `"k": ` preceded by a comma unless it is the first key of an object. */
static void key(const char *k) {
  printf("%s\"%s\": ", first_key ? "" : ", ", k);
  first_key = 0;
}
/* put_i prints an integer that fits a JS number exactly. */
static void put_i(const char *k, long long v) { key(k); printf("%lld", v); }
/* put_u prints an unsigned integer that fits a JS number exactly. */
static void put_u(const char *k, unsigned long long v) { key(k); printf("%llu", v); }
/* put_big_i prints a 64-bit signed value as a decimal string (a bigint in JS). */
static void put_big_i(const char *k, long long v) { key(k); printf("\"%lld\"", v); }
/* put_big_u prints a 64-bit unsigned value as a decimal string (a bigint in JS). */
static void put_big_u(const char *k, unsigned long long v) { key(k); printf("\"%llu\"", v); }
/* put_f prints a float or double exactly (17 significant digits round-trip a double). */
static void put_f(const char *k, double v) { key(k); printf("%.17g", v); }
/* put_b prints a _Bool. */
static void put_b(const char *k, _Bool v) { key(k); printf("%s", v ? "true" : "false"); }
/* put_ptr prints a pointer as a decimal address string, or null. */
static void put_ptr(const char *k, const void *p) {
  key(k);
  if (p) printf("\"%llu\"", (unsigned long long)(uintptr_t)p);
  else printf("null");
}

/* print_rec prints every member of r; `long`/`unsigned long` values fit 32 bits, so they are numbers. */
static void print_rec(const struct Rec *r) {
  char k[32];
  first_key = 1;
  printf("    {");
  put_i("id", r->id);
  put_i("c", r->c); /* converts per the ABI's char signedness */
  put_i("sc", r->sc);
  put_u("uc", r->uc);
  put_b("flag", r->flag);
  put_i("sh", r->sh);
  put_u("ush", r->ush);
  put_i("in", r->in);
  put_u("uin", r->uin);
  put_i("lg", r->lg);
  put_u("ulg", r->ulg);
  put_big_i("ll", r->ll);
  put_big_u("ull", r->ull);
  put_big_i("i64", r->i64);
  put_big_u("u64", r->u64);
  put_f("f", r->f);
  put_f("d", r->d);
  put_i("wc", (long long)r->wc); /* converts per the ABI's wchar_t signedness */
  put_i("color", r->color);
  put_u("bits.lo", r->bits.lo);
  put_i("bits.s5", r->bits.s5);
  put_u("bits.mid", r->bits.mid);
  put_big_u("bits.wide", r->bits.wide);
  put_big_i("bits.sw", r->bits.sw);
  put_u("bits.b4", r->bits.b4);
  put_u("bits.cross", r->bits.cross);
  put_u("odd", r->odd);
  put_u("pk.tag", r->pk.tag);
  put_u("pk.value", r->pk.value);
  put_u("pk.port", r->pk.port);
  put_big_i("pk.big", r->pk.big);
  put_u("loose", r->loose);
  put_i("num.i", r->num.i);
  put_f("num.f", r->num.f);
  for (int j = 0; j < 4; j++) { snprintf(k, sizeof k, "num.bytes[%d]", j); put_u(k, r->num.bytes[j]); }
  put_u("word", r->word);
  for (int j = 0; j < 4; j++) { snprintf(k, sizeof k, "octets[%d]", j); put_u(k, r->octets[j]); }
  put_i("pair.x", r->pair.x);
  put_i("pair.y", r->pair.y);
  for (int row = 0; row < 3; row++)
    for (int col = 0; col < 4; col++) {
      snprintf(k, sizeof k, "grid[%d][%d]", row, col);
      put_i(k, r->grid[row][col]);
    }
  put_u("tag", r->tag);
  put_i("al", r->al);
  put_ptr("next", r->next);
  for (int j = 0; j < 6; j++) { snprintf(k, sizeof k, "name[%d]", j); put_i(k, r->name[j]); }
  printf("}");
}

/* ---- Layout, in the shape of `typedc layout --json` (SPEC §7). ---- */

static int first_field;

/* field prints one non-bit-field member. */
static void field(const char *name, size_t byte_offset, size_t byte_size) {
  printf("%s\n        { \"name\": \"%s\", \"offset\": %zu, \"size\": %zu }", first_field ? "" : ",", name,
         byte_offset, byte_size);
  first_field = 0;
}

/*
 * bitfield prints a bit-field found in `probe` (a zeroed record in which only
 * this field was set to all ones). Bits are numbered as DWARF's
 * DW_AT_data_bit_offset counts them: on little-endian targets bit 0 is the
 * least significant bit of byte 0, on big-endian ones the most significant.
 */
static void bitfield(const char *name, const unsigned char *probe, size_t record_size, size_t base_size) {
  const uint16_t one = 1;
  const int little = *(const unsigned char *)&one == 1;
  long first_bit = -1, bit_count = 0;
  for (size_t byte = 0; byte < record_size; byte++)
    for (int b = 0; b < 8; b++) {
      int bit_in_byte = little ? b : 7 - b; /* b counts from the least significant bit */
      if (probe[byte] & (1u << b)) {
        long bit = (long)byte * 8 + bit_in_byte;
        if (first_bit < 0 || bit < first_bit) first_bit = bit;
        bit_count++;
      }
    }
  printf("%s\n        { \"name\": \"%s\", \"offset\": %ld, \"size\": %zu, \"bitOffset\": %ld, \"bitSize\": %ld }",
         first_field ? "" : ",", name, first_bit / 8, base_size, first_bit, bit_count);
  first_field = 0;
}

#define FIELD(S, m) field(#m, offsetof(S, m), sizeof(((S *)0)->m))
#define BITFIELD(S, m, T)                                          \
  do {                                                             \
    S probe_;                                                      \
    memset(&probe_, 0, sizeof probe_);                             \
    probe_.m = ~probe_.m; /* zero to all ones */                  \
    bitfield(#m, (const unsigned char *)&probe_, sizeof probe_, sizeof(T)); \
  } while (0)
#define BEGIN_TYPE(name, kind, S)                                                                      \
  printf("%s\n    \"%s\": { \"kind\": \"%s\", \"size\": %zu, \"align\": %zu, \"fields\": [", first_type ? "" : ",", \
         name, kind, sizeof(S), _Alignof(S));                                                         \
  first_type = 0;                                                                                      \
  first_field = 1;
#define END_TYPE() printf("\n      ] }")

static void print_layout(void) {
  int first_type = 1;
  printf("{");
  BEGIN_TYPE("Bits", "struct", struct Bits)
  BITFIELD(struct Bits, lo, uint32_t);
  BITFIELD(struct Bits, s5, int32_t);
  BITFIELD(struct Bits, mid, uint32_t);
  BITFIELD(struct Bits, wide, uint64_t);
  BITFIELD(struct Bits, sw, int64_t);
  BITFIELD(struct Bits, b4, uint8_t);
  BITFIELD(struct Bits, cross, uint16_t);
  END_TYPE();
  BEGIN_TYPE("Packed", "struct", struct Packed)
  FIELD(struct Packed, tag); FIELD(struct Packed, value); FIELD(struct Packed, port); FIELD(struct Packed, big);
  END_TYPE();
  BEGIN_TYPE("Num", "union", union Num)
  FIELD(union Num, i); FIELD(union Num, f); FIELD(union Num, bytes);
  END_TYPE();
  BEGIN_TYPE("Pair", "struct", struct Pair)
  FIELD(struct Pair, x); FIELD(struct Pair, y);
  END_TYPE();
  BEGIN_TYPE("Rec", "struct", struct Rec)
  FIELD(struct Rec, id); FIELD(struct Rec, c); FIELD(struct Rec, sc); FIELD(struct Rec, uc);
  FIELD(struct Rec, flag); FIELD(struct Rec, sh); FIELD(struct Rec, ush); FIELD(struct Rec, in);
  FIELD(struct Rec, uin); FIELD(struct Rec, lg); FIELD(struct Rec, ulg); FIELD(struct Rec, ll);
  FIELD(struct Rec, ull); FIELD(struct Rec, i64); FIELD(struct Rec, u64); FIELD(struct Rec, f);
  FIELD(struct Rec, d); FIELD(struct Rec, wc); FIELD(struct Rec, color); FIELD(struct Rec, bits); FIELD(struct Rec, odd);
  FIELD(struct Rec, pk); FIELD(struct Rec, loose); FIELD(struct Rec, num);
  {
    /* The anonymous union has no name to take sizeof of: its size is its largest member's, rounded to its alignment (both 4 here). */
    size_t anon_size = sizeof(((struct Rec *)0)->word) > sizeof(((struct Rec *)0)->octets) ? sizeof(((struct Rec *)0)->word)
                                                                                           : sizeof(((struct Rec *)0)->octets);
    printf(",\n        { \"name\": \"_anon0\", \"offset\": %zu, \"size\": %zu, \"inline\": { \"kind\": \"union\", \"size\": %zu, "
           "\"fields\": [ { \"name\": \"word\", \"offset\": 0, \"size\": %zu }, { \"name\": \"octets\", \"offset\": %zu, \"size\": %zu } ] } }",
           offsetof(struct Rec, word), anon_size, anon_size, sizeof(((struct Rec *)0)->word),
           offsetof(struct Rec, octets) - offsetof(struct Rec, word), sizeof(((struct Rec *)0)->octets));
  }
  FIELD(struct Rec, pair); FIELD(struct Rec, grid); FIELD(struct Rec, tag); FIELD(struct Rec, al);
  FIELD(struct Rec, next); FIELD(struct Rec, name);
  END_TYPE();
  printf("\n  }");
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: %s <abi-id> <out.bin>\n", argv[0]);
    return 2;
  }
  memset(recs, PAD_BYTE, sizeof recs);
  for (int i = 0; i < REC_COUNT; i++) {
    rec_fill(&recs[i], i);
    recs[i].next = i + 1 < REC_COUNT ? &recs[i + 1] : NULL;
  }
  FILE *bin = fopen(argv[2], "wb");
  if (!bin || fwrite(recs, sizeof recs, 1, bin) != 1 || fclose(bin) != 0) {
    perror(argv[2]);
    return 1;
  }
  printf("{\n  \"abi\": \"%s\",\n  \"count\": %d,\n  \"recordSize\": %zu,\n  \"recordAlign\": %zu,\n", argv[1], REC_COUNT,
         sizeof(struct Rec), _Alignof(struct Rec));
  printf("  \"padByte\": %d,\n  \"base\": \"%llu\",\n", PAD_BYTE, (unsigned long long)(uintptr_t)recs);
  printf("  \"layout\": ");
  print_layout();
  printf(",\n  \"records\": [\n");
  for (int i = 0; i < REC_COUNT; i++) {
    print_rec(&recs[i]);
    printf(i + 1 < REC_COUNT ? ",\n" : "\n");
  }
  printf("  ]\n}\n");
  return 0;
}
