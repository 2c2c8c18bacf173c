import type * as TS from "typescript";
import type { SourceLoc } from "@typedc/core";

/** locOf is the SourceLoc of a node: its file, its first token (trivia skipped) and its length. */
export function locOf(node: TS.Node): SourceLoc {
  const start = node.getStart();
  return { file: node.getSourceFile().fileName, start, length: node.getEnd() - start };
}

/** textOf is the source text of a node, shortened for messages. */
export function textOf(node: TS.Node): string {
  const text = node.getText().replace(/\s+/g, " ");
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
