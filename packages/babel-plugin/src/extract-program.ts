import { readFileSync } from "node:fs";
import type { Diagnostic } from "@typedc/core";
import type { TypeDecl } from "./extract-ast.js";
import { buildModule, type ModuleFile } from "./extract-module.js";
import { isDeclarationFile, parseFile, type ParsedFile } from "./extract-parse.js";
import { RUNTIME_MODULE } from "./extract-runtime.js";
import { isExternalLibraryFile, resolveModule, type FileSystem } from "./module-resolve.js";

/** ProgramOptions are the file system hooks of an extraction: `readFile` (undefined: no such file) and `resolve` (a module specifier → a file). */
export interface ProgramOptions {
  readonly readFile?: (fileName: string) => string | undefined;
  readonly resolve?: (specifier: string, fromFile: string) => string | undefined;
}

// A ModuleFile per parse: rebuilt only when its file was parsed again.
const modules = new WeakMap<ParsedFile, ModuleFile>();

/**
 * BabelProgram is the set of modules one extraction reads: the entry file and every module it
 * reaches through imports and re-exports, in TypeScript's program order (a module's imports
 * before the module, depth first, in source order).
 */
export class BabelProgram {
  /** Files in program order. */
  readonly files: ModuleFile[] = [];
  /** Files that did not parse, with their syntax error (1005). */
  readonly syntaxErrors = new Map<string, Diagnostic>();
  /** Files whose syntax error a conversion ran into (TypeScript reports the syntax errors of the files it extracts from). */
  readonly reportedSyntaxErrors = new Set<string>();
  private readonly byName = new Map<string, ModuleFile | null>();
  private readonly fileOfDecl = new Map<TypeDecl, ModuleFile>();
  private readonly fs: FileSystem;
  private readonly resolveHook: ProgramOptions["resolve"];

  constructor(options: ProgramOptions = {}) {
    // One read per file per program, as a TypeScript program reads its files once: module resolution
    // probes a file by reading it and `load` reads it again, and both see the same text.
    const readFile = options.readFile ?? readTextFile;
    const texts = new Map<string, string | undefined>();
    this.fs = {
      readFile: (fileName) => {
        if (texts.has(fileName)) return texts.get(fileName);
        const text = readFile(fileName);
        texts.set(fileName, text);
        return text;
      },
    };
    this.resolveHook = options.resolve;
  }

  /** load reads, parses and records a file and, first, everything it imports; undefined when it cannot be read or parsed. */
  load(fileName: string): ModuleFile | undefined {
    const known = this.byName.get(fileName);
    if (known !== undefined) return known ?? undefined;
    const text = this.fs.readFile(fileName);
    if (text === undefined) {
      this.byName.set(fileName, null);
      return undefined;
    }
    const parsed = parseFile(fileName, text);
    if (!parsed.ok) {
      this.syntaxErrors.set(fileName, parsed.error);
      this.byName.set(fileName, null);
      return undefined;
    }
    let module = modules.get(parsed);
    if (module === undefined) {
      module = buildModule(parsed.source, parsed.program, isExternalLibraryFile(fileName), isDeclarationFile(fileName));
      modules.set(parsed, module);
    }
    this.byName.set(fileName, module);
    this.registerDecls(module);
    for (const specifier of module.moduleReferences) {
      const target = this.resolve(module, specifier);
      if (target !== undefined) this.load(target);
    }
    this.files.push(module);
    return module;
  }

  /** registerDecls records the scope of every type declaration of a module and of its namespaces. */
  private registerDecls(scope: ModuleFile): void {
    for (const decl of scope.symbolOf.keys()) this.fileOfDecl.set(decl, scope);
    for (const inner of scope.namespaces.values()) this.registerDecls(inner);
  }

  /** resolve is the file a module specifier of a module names; undefined for `@typedc/runtime` (known by name) and for what does not resolve. */
  resolve(from: ModuleFile, specifier: string): string | undefined {
    if (specifier === RUNTIME_MODULE) return undefined;
    const fromFile = from.source.fileName;
    return this.resolveHook?.(specifier, fromFile) ?? resolveModule(this.fs, fromFile, specifier);
  }

  /** runtimeInstalled tells whether `@typedc/runtime` resolves from a module (asked only when a name it does not export is imported: an error path). */
  runtimeInstalled(from: ModuleFile): boolean {
    const fromFile = from.source.fileName;
    return (this.resolveHook?.(RUNTIME_MODULE, fromFile) ?? resolveModule(this.fs, fromFile, RUNTIME_MODULE)) !== undefined;
  }

  /** moduleOf loads the module a specifier names (undefined when it does not resolve or parse). */
  moduleOf(from: ModuleFile, specifier: string): ModuleFile | undefined {
    const target = this.resolve(from, specifier);
    return target === undefined ? undefined : this.load(target);
  }

  /** reportSyntaxError marks a file that did not parse as one whose 1005 belongs in the result. */
  reportSyntaxError(fileName: string): void {
    if (this.syntaxErrors.has(fileName)) this.reportedSyntaxErrors.add(fileName);
  }

  /** fileOf is the scope (module or namespace body) that declares a declaration (an assert throws for a node of no loaded module). */
  fileOf(decl: TypeDecl): ModuleFile {
    const file = this.fileOfDecl.get(decl);
    if (file === undefined) throw new Error(`assert: declaration '${decl.id?.name}' belongs to no loaded module`);
    return file;
  }
}

/** readTextFile reads a file as UTF-8, or undefined when it is missing or a directory. */
export function readTextFile(fileName: string): string | undefined {
  try {
    return readFileSync(fileName, "utf8");
  } catch {
    return undefined;
  }
}
