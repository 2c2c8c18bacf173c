import { ABI_IDS, createDiagnostic, Diagnostics, isAbiId, type AbiId, type Diagnostic, type Result } from "@typedc/core";

/**
 * parseFormatList reads a `--format` value: ABI ids separated by commas, or
 * `all` (every format of SPEC §5, in ABI_IDS order), or `host` (`hostId`).
 * Duplicates are dropped; order is kept. Unknown ids are diagnostics.
 */
export function parseFormatList(text: string, hostId: AbiId): Result<AbiId[]> {
  const words = text.split(",").map((w) => w.trim()).filter((w) => w !== "");
  if (words.length === 0) return { value: [], diagnostics: [createDiagnostic(Diagnostics.The_format_list_is_empty_give_ABI_ids_separated_by_commas_or_all, [])] };
  const ids: AbiId[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const word of words) {
    const expanded = expandFormatWord(word, hostId);
    if (expanded === undefined) {
      diagnostics.push(createDiagnostic(Diagnostics.Unknown_format_0_Known_formats_1, [word, ["all", "host", ...ABI_IDS].join(", ")]));
      continue;
    }
    for (const id of expanded) if (!ids.includes(id)) ids.push(id);
  }
  return { value: ids, diagnostics };
}

// expandFormatWord returns the ids one word of a format list stands for, or undefined if it names none.
function expandFormatWord(word: string, hostId: AbiId): readonly AbiId[] | undefined {
  if (word === "all") return ABI_IDS;
  if (word === "host") return [hostId];
  return isAbiId(word) ? [word] : undefined;
}
