import { expect, test } from "vitest";
import { fuzzDirectory } from "../scripts/fuzz/directory-fuzz.ts";

test("random directory corruption: an unchanged attach or a TypedError, integrity errors for sealed bytes", () => {
  for (const seed of [1, 2, 3]) {
    const result = fuzzDirectory(500, seed);
    expect(result.attached).toBeGreaterThan(0);
    expect(result.integrityErrors).toBeGreaterThan(0);
  }
});
