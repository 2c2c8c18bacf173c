// defineExtractTests with the installed TypeScript 6 (the root dev dependency).
import * as ts from "typescript";
import { defineExtractTests } from "./extract-cases.js";

defineExtractTests("typescript 6", ts);
