import * as fs from "node:fs";
import * as path from "node:path";

/** ModuleFormat is how Node runs a file: as an ES module or as CommonJS. */
export type ModuleFormat = "module" | "commonjs";

/**
 * moduleFormatOf decides a TypeScript file's format by Node's rules for the
 * JavaScript it stands for (nodejs.org/api/packages.html#determining-module-system):
 * `.mts` is ESM, `.cts` CommonJS, and `.ts`/`.tsx` follow the `"type"` field of the
 * nearest package.json (`"module"`: ESM, anything else or none: CommonJS).
 */
export function moduleFormatOf(file: string): ModuleFormat {
  if (/\.mts$/.test(file)) return "module";
  if (/\.cts$/.test(file)) return "commonjs";
  return packageTypeOf(path.dirname(file)) === "module" ? "module" : "commonjs";
}

const packageTypes = new Map<string, string | undefined>();

// packageTypeOf reads the "type" of the nearest package.json at or above a directory (cached per directory).
function packageTypeOf(dir: string): string | undefined {
  if (packageTypes.has(dir)) return packageTypes.get(dir);
  let type: string | undefined;
  const file = path.join(dir, "package.json");
  if (fs.existsSync(file)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(file, "utf8")) as { type?: unknown };
      type = typeof pkg.type === "string" ? pkg.type : "commonjs";
    } catch {
      type = "commonjs";
    }
  } else {
    const parent = path.dirname(dir);
    type = parent === dir ? undefined : packageTypeOf(parent);
  }
  packageTypes.set(dir, type);
  return type;
}
