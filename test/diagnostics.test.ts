import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createDiagnostic, Diagnostics, formatDiagnostic, lineAndColumnOf } from "@typedc/core";
import { constantName, messagesDir, readCatalog, renderMessages } from "../scripts/gen-messages";

const file = "/proj/src/net.ts";
const text = "interface Net {\n  flags: bits<u32, 33>;\r\n\tname: string;\n}\n";
const host = { getText: (f: string) => (f === file ? text : undefined), cwd: "/proj" };
const flagsStart = text.indexOf("flags");

describe("catalog", () => {
  it("generated constants are up to date with messages.json", () => {
    const current = readFileSync(join(messagesDir, "messages.generated.ts"), "utf8");
    expect(current).toBe(renderMessages(readCatalog()));
  });

  it("names constants like TypeScript's Diagnostics", () => {
    expect(constantName("Field '{0}' has type '{1}', which has no C layout. Use a C type such as {2}.")).toBe(
      "Field_0_has_type_1_which_has_no_C_layout_Use_a_C_type_such_as_2",
    );
    expect(constantName("{0}")).toBe("_0");
    expect(Diagnostics.Field_0_has_type_1_which_has_no_C_layout_Use_a_C_type_such_as_2.code).toBe(1001);
  });

  it("rejects duplicate codes, codes out of range and unknown categories", () => {
    expect(() => renderMessages({ "A.": { category: "Error", code: 1001 }, "B.": { category: "Error", code: 1001 } })).toThrow(
      /code 1001 is used by "A." and "B."/,
    );
    expect(() => renderMessages({ "A.": { category: "Error", code: 42 } })).toThrow(/not in 1000..5999/);
    expect(() => renderMessages({ "A.": { category: "Fatal", code: 1001 } })).toThrow(/category "Fatal"/);
  });

  it("has the seeded messages with their codes", () => {
    const catalog = readCatalog();
    expect(catalog["Bit-field '{0}' is {1} bits wide but '{2}' holds {3}."]).toEqual({ category: "Error", code: 2003 });
    expect(catalog["{0}"]).toEqual({ category: "Error", code: 1005 });
  });
});

describe("createDiagnostic", () => {
  it("fills placeholders, repeated ones included", () => {
    const d = createDiagnostic(Diagnostics.Type_0_contains_itself_by_value_through_1_Use_ptr_0_to_refer_to_it, ["Node", "next"]);
    expect(d).toEqual({
      code: 2004,
      category: "error",
      messageText: "Type 'Node' contains itself by value through 'next'. Use 'ptr<Node>' to refer to it.",
    });
  });

  it("asserts when an argument is missing", () => {
    expect(() => createDiagnostic(Diagnostics.Cannot_find_C_type_0, [])).toThrow(/needs argument \{0\}/);
  });
});

describe("lineAndColumnOf", () => {
  it("counts 1-based lines and columns over \\n, \\r\\n and \\r", () => {
    expect(lineAndColumnOf("ab\ncd", 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumnOf("ab\ncd", 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumnOf("a\r\nb\rc", 3)).toEqual({ line: 2, column: 1 });
    expect(lineAndColumnOf("a\r\nb\rc", 5)).toEqual({ line: 3, column: 1 });
    expect(lineAndColumnOf("ab", 99)).toEqual({ line: 1, column: 3 });
  });
});

describe("formatDiagnostic", () => {
  const bits = createDiagnostic(Diagnostics.Bit_field_0_is_1_bits_wide_but_2_holds_3, ["flags", 33, "u32", 32], {
    file,
    start: flagsStart,
    length: "flags".length,
  });

  it("prints tsc's one-line form with a cwd-relative path", () => {
    expect(formatDiagnostic(bits, host)).toBe("src/net.ts:2:3 - error TYPED2003: Bit-field 'flags' is 33 bits wide but 'u32' holds 32.");
  });

  it("keeps paths outside cwd as they are and prints diagnostics without location", () => {
    const outside = { ...bits, loc: { file: "/other/a.ts", start: 0, length: 1 } };
    expect(formatDiagnostic(outside, { getText: () => "x", cwd: "/proj" })).toBe(
      "/other/a.ts:1:1 - error TYPED2003: Bit-field 'flags' is 33 bits wide but 'u32' holds 32.",
    );
    const bare = createDiagnostic(Diagnostics._0_extra_member_in_the_published_type, ["Task.x"]);
    expect(formatDiagnostic(bare, host)).toBe("warning TYPED4009: Task.x: extra member in the published type");
  });

  it("prints the path alone when the file text is unknown, and warnings as warning", () => {
    const d = createDiagnostic(Diagnostics._0_extra_member_in_the_published_type, ["Task.x"], { file: "/proj/gone.ts", start: 5, length: 1 });
    expect(formatDiagnostic(d, host)).toBe("gone.ts - warning TYPED4009: Task.x: extra member in the published type");
    expect(formatDiagnostic(d, host, { pretty: true })).toBe("gone.ts - warning TYPED4009: Task.x: extra member in the published type\n");
  });

  it("prints tsc's pretty block without color", () => {
    const nameStart = text.indexOf("name");
    const d = createDiagnostic(Diagnostics.Field_0_has_type_1_which_has_no_C_layout_Use_a_C_type_such_as_2, ["name", "string", "array<c_char, N>"], {
      file,
      start: nameStart,
      length: "name: string".length,
    });
    expect(formatDiagnostic(d, host, { pretty: true })).toBe(
      "src/net.ts:3:2 - error TYPED1001: Field 'name' has type 'string', which has no C layout. Use a C type such as array<c_char, N>.\n" +
        "\n" +
        "3  name: string;\n" +
        "   ~~~~~~~~~~~~\n",
    );
  });

  it("prints tsc's pretty block with color escapes and related locations", () => {
    const related = createDiagnostic(Diagnostics._0, ["'flags' is declared here."], { file, start: flagsStart, length: 5 });
    const d = { ...bits, related: [related] };
    expect(formatDiagnostic(d, host, { color: true })).toBe(
      "\u001b[96msrc/net.ts\u001b[0m:\u001b[93m2\u001b[0m:\u001b[93m3\u001b[0m - \u001b[91merror\u001b[0m\u001b[90m TYPED2003: \u001b[0m" +
        "Bit-field 'flags' is 33 bits wide but 'u32' holds 32.\n" +
        "\n" +
        "\u001b[7m2\u001b[0m   flags: bits<u32, 33>;\n" +
        "\u001b[7m \u001b[0m \u001b[91m  ~~~~~\u001b[0m\n" +
        "\n" +
        "  \u001b[96msrc/net.ts\u001b[0m:\u001b[93m2\u001b[0m:\u001b[93m3\u001b[0m\n" +
        "    \u001b[7m2\u001b[0m   flags: bits<u32, 33>;\n" +
        "    \u001b[7m \u001b[0m \u001b[96m  ~~~~~\u001b[0m\n" +
        "    'flags' is declared here.\n",
    );
  });

  it("elides the middle of spans of five lines or more", () => {
    const long = "a1\na2\na3\na4\na5\na6\n";
    const d = createDiagnostic(Diagnostics.Cannot_find_C_type_0, ["X"], { file: "/proj/l.ts", start: 0, length: long.length - 1 });
    expect(formatDiagnostic(d, { getText: () => long, cwd: "/proj" }, { pretty: true })).toBe(
      "l.ts:1:1 - error TYPED1004: Cannot find C type 'X'.\n" +
        "\n" +
        "  1 a1\n    ~~\n  2 a2\n    ~~\n... \n  5 a5\n    ~~\n  6 a6\n    ~~\n",
    );
  });
});
