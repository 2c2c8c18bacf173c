import { describe, expect, it } from "vitest";
import { ABI_IDS } from "@typedc/core";
import { colorEnabled } from "../packages/cli/src/color.js";
import { parseFormatList } from "../packages/cli/src/format-arg.js";
import { FALLBACK_HOST_ABI, hostAbi } from "../packages/cli/src/host-abi.js";
import { selectTypes } from "../packages/cli/src/type-names.js";

describe("parseFormatList", () => {
  it("reads ids separated by commas, keeps their order and drops duplicates", () => {
    expect(parseFormatList(" i386-linux, x86_64-linux ,i386-linux", "x86_64-linux")).toEqual({ value: ["i386-linux", "x86_64-linux"], diagnostics: [] });
  });

  it("expands 'all' to the 12 formats and 'host' to the host's", () => {
    expect(parseFormatList("all", "x86_64-linux").value).toEqual([...ABI_IDS]);
    expect(parseFormatList("host,wasm32", "aarch64-linux").value).toEqual(["aarch64-linux", "wasm32"]);
  });

  it("reports every unknown id and an empty list", () => {
    const r = parseFormatList("vax,x86_64-linux,pdp11", "x86_64-linux");
    expect(r.value).toEqual(["x86_64-linux"]);
    expect(r.diagnostics.map((d) => [d.code, d.category, d.messageText.split(".")[0]])).toEqual([
      [1102, "error", "Unknown format 'vax'"],
      [1102, "error", "Unknown format 'pdp11'"],
    ]);
    expect(parseFormatList(" , ", "x86_64-linux").diagnostics.map((d) => d.code)).toEqual([1106]);
  });
});

describe("hostAbi", () => {
  it("maps Node's platform and architecture to a format, with a fallback", () => {
    expect(hostAbi("linux", "x64")).toBe("x86_64-linux");
    expect(hostAbi("linux", "arm64")).toBe("aarch64-linux");
    expect(hostAbi("win32", "x64")).toBe("x86_64-windows");
    expect(hostAbi("darwin", "arm64")).toBe(FALLBACK_HOST_ABI);
  });
});

describe("colorEnabled", () => {
  const tty = { write: () => true, isTTY: true };
  const pipe = { write: () => true, isTTY: false };
  it("colours a terminal only, unless NO_COLOR or FORCE_COLOR decide", () => {
    expect(colorEnabled(tty, {})).toBe(true);
    expect(colorEnabled(pipe, {})).toBe(false);
    expect(colorEnabled(tty, { TERM: "dumb" })).toBe(false);
    expect(colorEnabled(tty, { NO_COLOR: "1" })).toBe(false);
    expect(colorEnabled(tty, { NO_COLOR: "" })).toBe(true);
    expect(colorEnabled(pipe, { FORCE_COLOR: "1" })).toBe(true);
    expect(colorEnabled(tty, { FORCE_COLOR: "0" })).toBe(false);
    expect(colorEnabled(pipe, { FORCE_COLOR: "1", NO_COLOR: "1" })).toBe(false);
  });
});

describe("selectTypes", () => {
  it("keeps declaration order and reports names that are not available", () => {
    expect(selectTypes(["A", "B", "C"], undefined)).toEqual({ value: ["A", "B", "C"], diagnostics: [] });
    const r = selectTypes(["A", "B", "C"], "C, A,Z");
    expect(r.value).toEqual(["A", "C"]);
    expect(r.diagnostics.map((d) => d.messageText)).toEqual(["Type 'Z' is not a struct or union declared in the input. Declared: A, B, C."]);
  });
});
