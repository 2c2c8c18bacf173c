/**
 * Paths and file helpers shared by the oracle scripts: where fixtures live and how
 * their JSON is written (stable key order, one field per line, to keep diffs readable).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** REPO_ROOT is the monorepo root. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** LAYOUT_FIXTURES is the root of the layout fixtures (random/, quirks/, headers/). */
export const LAYOUT_FIXTURES = join(REPO_ROOT, "fixtures/layout");

/** ABI_FACTS_FILE is the per-ABI scalar facts file the ABI table is tested against. */
export const ABI_FACTS_FILE = join(REPO_ROOT, "fixtures/abi/facts.json");

/** WORK_DIR holds the objects and dumps of a run (git-ignored). */
export const WORK_DIR = join(REPO_ROOT, ".oracle-work");

/** writeText writes a file, creating its directory. */
export function writeText(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/**
 * compactJson prints JSON indented by two spaces per level, except that objects with no
 * object or array inside (a field, a scalar fact) stay on one line.
 */
export function compactJson(value: unknown, indent = ""): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const entries: [string | null, unknown][] = Array.isArray(value)
    ? value.map((v) => [null, v])
    : Object.entries(value as object).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return Array.isArray(value) ? "[]" : "{}";
  const flat = entries.every(([, v]) => v === null || typeof v !== "object");
  const open = Array.isArray(value) ? "[" : "{";
  const close = Array.isArray(value) ? "]" : "}";
  const item = (k: string | null, v: unknown, ind: string) => (k === null ? "" : JSON.stringify(k) + ": ") + compactJson(v, ind);
  if (flat) return open + entries.map(([k, v]) => item(k, v, "")).join(", ") + close;
  const inner = indent + "  ";
  return `${open}\n${entries.map(([k, v]) => inner + item(k, v, inner)).join(",\n")}\n${indent}${close}`;
}
