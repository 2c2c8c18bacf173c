// defineDiagnosticTests with the installed TypeScript 6 (the root dev dependency).
import * as ts from "typescript";
import { defineDiagnosticTests } from "./extract-diagnostic-cases.js";

defineDiagnosticTests("typescript 6", ts);
