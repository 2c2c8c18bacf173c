import type * as t from "@babel/types";
import type { SourceLoc } from "@typedc/core";

/** SourceText is a parsed file's name and text, which locations and messages are cut from. */
export interface SourceText {
  readonly fileName: string;
  readonly text: string;
}

/** startOf is a node's first character (Babel's `start`: leading comments excluded, as TypeScript's `getStart()`). */
function startOf(node: t.Node): number {
  if (node.start == null) throw new Error(`assert: ${node.type} has no start offset`);
  return node.start;
}

/** endOf is the offset just past a node's last character. */
function endOf(node: t.Node): number {
  if (node.end == null) throw new Error(`assert: ${node.type} has no end offset`);
  return node.end;
}

/** spanLoc is the SourceLoc of the characters [start, end) of a file. */
export function spanLoc(source: SourceText, start: number, end: number): SourceLoc {
  return { file: source.fileName, start, length: end - start };
}

/** locOf is the SourceLoc of a node: its file, its first token and its length (the TS extractor's `locOf`). */
export function locOf(source: SourceText, node: t.Node): SourceLoc {
  return spanLoc(source, startOf(node), endOf(node));
}

/** rawTextOf is the exact source text of a node. */
export function rawTextOf(source: SourceText, node: t.Node): string {
  return source.text.slice(startOf(node), endOf(node));
}

/** textOf is the source text of a node with whitespace runs collapsed, shortened to 60 characters for messages (as the TS extractor's). */
export function textOf(source: SourceText, node: t.Node): string {
  const text = rawTextOf(source, node).replace(/\s+/g, " ");
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
