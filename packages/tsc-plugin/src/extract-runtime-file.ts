import type { ExtractContext } from "./extract-context.js";

/**
 * isRuntimeFile tells whether a file belongs to the `@typedc/runtime` package: the nearest
 * package.json above it is named "@typedc/runtime" (files read through `ts.sys`; answers cached).
 */
export function isRuntimeFile(ctx: ExtractContext, fileName: string): boolean {
  const cached = ctx.runtimeFiles.get(fileName);
  if (cached !== undefined) return cached;
  const answer = nearestPackageName(ctx, fileName) === "@typedc/runtime";
  ctx.runtimeFiles.set(fileName, answer);
  return answer;
}

/** nearestPackageName is the `name` of the closest package.json above a file, if readable. */
function nearestPackageName(ctx: ExtractContext, fileName: string): string | undefined {
  const sys = ctx.ts.sys as typeof ctx.ts.sys | undefined;
  if (sys === undefined) return undefined;
  let dir = fileName.replace(/[\\/][^\\/]*$/, "");
  for (let depth = 0; depth < 64 && dir.length > 0; depth++) {
    const text = sys.readFile(`${dir}/package.json`);
    if (text !== undefined) {
      try {
        const name: unknown = (JSON.parse(text) as { name?: unknown }).name;
        return typeof name === "string" ? name : undefined;
      } catch {
        return undefined;
      }
    }
    const parent = dir.replace(/[\\/][^\\/]*$/, "");
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}
