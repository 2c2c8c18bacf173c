// defineDiagnosticTests with TypeScript 5.9 (installed as `typescript-5.9`), the oldest version the plugin supports.
import ts from "typescript-5.9";
import type * as TS from "typescript";
import { defineDiagnosticTests } from "./extract-diagnostic-cases.js";

defineDiagnosticTests("typescript 5.9", ts as unknown as typeof TS);
