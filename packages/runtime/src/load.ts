/**
 * loadTypes: the type sets of `typedc tables --format all` output, for using the
 * runtime from plain JavaScript (SPEC §3: `__typed(name, { memory, format, type })`
 * with `type` from `loadTypes(json)`). Parsing and validation are core's
 * (parseTablesJson); every table returned is deeply frozen (SPEC §4).
 */
import { deepFreeze, parseTablesJson, TableFormatError, type TypeSet } from "@typedc/core";
import { AccessMessages, formatError, integrityError } from "./checks.js";

/**
 * loadTypes parses a tables document (JSON text or the parsed object) and returns
 * `{ [declaration]: TypeSet }`, deeply frozen. A malformed document throws
 * TypedFormatError; a table whose content does not match its hash TypedIntegrityError.
 */
export function loadTypes(json: string | object): Readonly<Record<string, TypeSet>> {
  try {
    return deepFreeze({ ...parseTablesJson(json).types });
  } catch (e) {
    if (!(e instanceof TableFormatError)) throw e;
    // parseTablesJson reports an altered table at its `.hash` (core/src/tables/json.ts).
    if (/\.hash: stored /.test(e.message)) throw integrityError(AccessMessages.TableAltered, [e.message]);
    throw formatError(AccessMessages.BadTablesJson, [e.message]);
  }
}
