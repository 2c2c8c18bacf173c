import { dirname, join, resolve as resolvePath } from "node:path";

/** FileSystem is what module resolution and parsing read: the Node file system unless the caller gives its own. */
export interface FileSystem {
  /** readFile returns a file's text, or undefined when it does not exist. */
  readonly readFile: (fileName: string) => string | undefined;
}

// TypeScript's extension priority for a module path without extension (moduleResolution "bundler").
const EXTENSIONS = [".ts", ".tsx", ".d.ts"] as const;
// `import "./x.js"` names the output of ./x.ts (TypeScript maps output extensions back to sources).
const OUTPUT_TO_SOURCE: Readonly<Record<string, readonly string[]>> = {
  ".js": [".ts", ".tsx", ".d.ts"],
  ".jsx": [".tsx", ".d.ts"],
  ".mjs": [".mts", ".d.mts"],
  ".cjs": [".cts", ".d.cts"],
};

/**
 * resolveModule finds the file a module specifier names, as TypeScript's "bundler" resolution does
 * for TypeScript sources: relative and absolute paths with `.ts`/`.tsx`/`.d.ts` tried in order,
 * `.js`→`.ts` mapping, `dir/index.ts`, and bare specifiers through `node_modules` (the package's
 * `types`/`typings`, or `index.d.ts`, or `@types/<name>`). Undefined when nothing matches.
 */
export function resolveModule(fs: FileSystem, fromFile: string, specifier: string): string | undefined {
  if (specifier.startsWith(".") || specifier.startsWith("/")) return resolvePathLike(fs, resolvePath(dirname(fromFile), specifier));
  return resolvePackage(fs, dirname(fromFile), specifier);
}

/** exists tells whether a file can be read. */
function exists(fs: FileSystem, fileName: string): boolean {
  return fs.readFile(fileName) !== undefined;
}

/** resolvePathLike tries a path as a file (with extensions or mapped output extensions), then as a directory. */
function resolvePathLike(fs: FileSystem, path: string): string | undefined {
  const mapped = Object.entries(OUTPUT_TO_SOURCE).find(([ext]) => path.endsWith(ext));
  if (mapped !== undefined) {
    const stem = path.slice(0, -mapped[0].length);
    for (const ext of mapped[1]) if (exists(fs, stem + ext)) return stem + ext;
  }
  if (/\.([mc]?ts|tsx)$/.test(path) && exists(fs, path)) return path;
  for (const ext of EXTENSIONS) if (exists(fs, path + ext)) return path + ext;
  return resolveDirectory(fs, path);
}

/** resolveDirectory resolves a directory through its package.json `types`/`typings`, then `index`. */
function resolveDirectory(fs: FileSystem, dir: string): string | undefined {
  const manifest = fs.readFile(join(dir, "package.json"));
  if (manifest !== undefined) {
    try {
      const pkg = JSON.parse(manifest) as { types?: unknown; typings?: unknown };
      const entry = typeof pkg.types === "string" ? pkg.types : typeof pkg.typings === "string" ? pkg.typings : undefined;
      if (entry !== undefined) {
        const found = resolvePathLike(fs, join(dir, entry));
        if (found !== undefined) return found;
      }
    } catch {
      // an unreadable manifest is ignored, as TypeScript ignores it
    }
  }
  for (const ext of EXTENSIONS) if (exists(fs, join(dir, `index${ext}`))) return join(dir, `index${ext}`);
  return undefined;
}

/** resolvePackage looks a bare specifier up in every `node_modules` from a directory to the root, then in `@types`. */
function resolvePackage(fs: FileSystem, fromDir: string, specifier: string): string | undefined {
  const typesName = specifier.startsWith("@") ? specifier.slice(1).replace("/", "__") : specifier;
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const found =
      resolvePathLike(fs, join(dir, "node_modules", specifier)) ?? resolvePathLike(fs, join(dir, "node_modules", "@types", typesName));
    if (found !== undefined) return found;
    if (dirname(dir) === dir) return undefined;
  }
}

/** isExternalLibraryFile tells whether a file was found in a `node_modules` folder (TypeScript's "external library"). */
export function isExternalLibraryFile(fileName: string): boolean {
  return /[\\/]node_modules[\\/]/.test(fileName);
}
