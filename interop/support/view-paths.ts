/**
 * view-paths.ts — reads and writes typedc runtime views by the C access paths the
 * producers print (`bits.lo`, `grid[1][2]`, `word`), and writes whole record
 * arrays from a producer's records.json. Used by the interop tests and by
 * scripts/interop/write-ts.ts (the TypeScript writer that C's check.c verifies).
 */

/** JsonValue is one value of a producer's records.json (64-bit integers and addresses as decimal strings). */
export type JsonValue = number | string | boolean | null;

/** parsePath splits `a.b[1][2]` into ["a", "b", 1, 2]. */
export function parsePath(path: string): (string | number)[] {
  const parts: (string | number)[] = [];
  for (const m of path.matchAll(/([A-Za-z_$][\w$]*)|\[(\d+)\]/g)) parts.push(m[1] !== undefined ? m[1] : Number(m[2]));
  return parts;
}

/** readViewPath reads `path` from a runtime view. */
export function readViewPath(view: any, path: string): unknown {
  let at = view;
  for (const part of parsePath(path)) at = at[part];
  return at;
}

/** writeViewPath writes `value` at `path` of a runtime view. */
export function writeViewPath(view: any, path: string, value: unknown): void {
  const parts = parsePath(path);
  let at = view;
  for (const part of parts.slice(0, -1)) at = at[part];
  at[parts[parts.length - 1]!] = value;
}

/** jsValue turns a records.json value into the JS value a field takes: decimal strings are bigints (SPEC §2). */
export function jsValue(value: JsonValue): number | bigint | boolean | null {
  return typeof value === "string" ? BigInt(value) : value;
}

/**
 * writeRecords writes every value of `records` into the array view `recs` (one
 * record per element, in the view's format) and links `next` to the following
 * element, null for the last, as interop/producers/records.c does.
 */
export function writeRecords(recs: any, records: readonly Record<string, JsonValue>[]): void {
  records.forEach((record, i) => {
    for (const [path, value] of Object.entries(record)) {
      if (path !== "next") writeViewPath(recs[i], path, jsValue(value));
    }
    recs[i].next = i + 1 < records.length ? recs[i + 1] : null;
  });
}
