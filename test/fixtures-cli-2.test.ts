/** The second half of the fixtures through `typedc build` (see fixtures-cli.test.ts). */
import { describeFixturesCli } from "./fixtures-cli-run.ts";

describeFixturesCli(1, 2);
