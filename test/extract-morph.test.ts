// defineExtractTests with ts-morph's bundled TypeScript (what the CLI uses).
import { ts } from "ts-morph";
import type * as TS from "typescript";
import { defineExtractTests } from "./extract-cases.js";

defineExtractTests("ts-morph", ts as unknown as typeof TS);
