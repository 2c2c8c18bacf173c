/**
 * Every transform fixture through `typedc build` (the CLI path, ts-morph's
 * TypeScript), compared with the same expected files as fixtures.test.ts and with
 * the compiler-API path run now (`transformFiles` on TypeScript 6.0): the CLI
 * must write what the tsc plugin emits, byte for byte, report the same typedc
 * diagnostics (the CLI prints them sorted by position: compared as sets of lines)
 * and write nothing when there are errors.
 */
import { describeFixturesCli } from "./fixtures-cli-run.ts";

describeFixturesCli(0, 2);
