import { Project, ts } from "ts-morph";
import type { BuildSettings } from "./settings.js";

/** BuildProject is a ts-morph project opened from a tsconfig, the tsconfig's own options and the problems found in it. */
export interface BuildProject {
  /** undefined when the tsconfig cannot be read (a JSON syntax error): tsc stops there too. */
  readonly project: Project | undefined;
  /** The options as the tsconfig (and `--outDir`) set them, before the emit overrides below. */
  readonly options: ts.CompilerOptions;
  readonly configDiagnostics: readonly ts.Diagnostic[];
}

/**
 * EMIT_OVERRIDES make the program always run the emit, and with it the
 * transformer, whose diagnostics (escapes, unknown members, …) exist only
 * once a file is rewritten: whether anything is written is decided afterwards
 * from the tsconfig's own `noEmit`, `noEmitOnError` and `emitDeclarationOnly`
 * (decideWrites), as tsc would decide it.
 */
const EMIT_OVERRIDES: ts.CompilerOptions = { noEmit: false, noEmitOnError: false, emitDeclarationOnly: false };

/**
 * openBuildProject loads the tsconfig's project with ts-morph (its files, its
 * options, `--outDir` on top) on ts-morph's bundled TypeScript; the project is
 * kept by `--watch`, which refreshes changed files in it.
 */
export function openBuildProject(settings: BuildSettings): BuildProject {
  const outDir: ts.CompilerOptions = settings.outDir !== undefined ? { outDir: settings.outDir } : {};
  const configDiagnostics: ts.Diagnostic[] = [];
  const host: ts.ParseConfigFileHost = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => configDiagnostics.push(d) };
  const parsed = ts.getParsedCommandLineOfConfigFile(settings.configPath, outDir, host);
  configDiagnostics.push(...(parsed?.errors ?? []));
  const options = parsed?.options ?? outDir;
  // A JSON syntax error stops tsc before anything is built; the parse above recovers from it silently.
  const syntax = ts.parseConfigFileTextToJson(settings.configPath, ts.sys.readFile(settings.configPath) ?? "").error;
  if (syntax !== undefined || parsed === undefined) return { project: undefined, options, configDiagnostics: [...(syntax !== undefined ? [syntax] : []), ...configDiagnostics] };
  const project = new Project({ tsConfigFilePath: settings.configPath, compilerOptions: { ...outDir, ...EMIT_OVERRIDES } });
  return { project, options, configDiagnostics };
}
