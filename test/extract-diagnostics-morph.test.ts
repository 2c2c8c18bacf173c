// defineDiagnosticTests with ts-morph's bundled TypeScript (what the CLI uses).
import { ts } from "ts-morph";
import type * as TS from "typescript";
import { defineDiagnosticTests } from "./extract-diagnostic-cases.js";

defineDiagnosticTests("ts-morph", ts as unknown as typeof TS);
