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

// The package name found for each directory already searched, per pass (keyed by the pass's runtimeFiles cache):
// the files of one folder share their nearest package.json, so it is read once per folder, not once per file.
const packageNamesByPass = new WeakMap<Map<string, boolean>, Map<string, string | undefined>>();

/** nearestPackageName is the `name` of the closest package.json above a file, if readable. */
function nearestPackageName(ctx: ExtractContext, fileName: string): string | undefined {
  const sys = ctx.ts.sys as typeof ctx.ts.sys | undefined;
  if (sys === undefined) return undefined;
  let byDir = packageNamesByPass.get(ctx.runtimeFiles);
  if (byDir === undefined) packageNamesByPass.set(ctx.runtimeFiles, (byDir = new Map()));
  const searched: string[] = [];
  const answer = (name: string | undefined): string | undefined => {
    for (const dir of searched) byDir.set(dir, name);
    return name;
  };
  let dir = fileName.replace(/[\\/][^\\/]*$/, "");
  for (let depth = 0; depth < 64 && dir.length > 0; depth++) {
    if (byDir.has(dir)) return answer(byDir.get(dir));
    searched.push(dir);
    const text = sys.readFile(`${dir}/package.json`);
    if (text !== undefined) {
      try {
        const name: unknown = (JSON.parse(text) as { name?: unknown }).name;
        return answer(typeof name === "string" ? name : undefined);
      } catch {
        return answer(undefined);
      }
    }
    const parent = dir.replace(/[\\/][^\\/]*$/, "");
    // The top folder searched: no package.json above any of the folders.
    if (parent === dir || parent.length === 0) return answer(undefined);
    dir = parent;
  }
  // A file at the root, or past the depth limit (not remembered: a package.json may be above, within a shallower file's reach).
  return undefined;
}
