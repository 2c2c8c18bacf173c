/**
 * DiagnosticMessage is one catalog entry of messages.json, as the generated
 * constants in messages.generated.ts spell it: a stable code, a category and a
 * text with `{0}`, `{1}`, … placeholders (TypeScript's diagnosticMessages.json style).
 */
export interface DiagnosticMessage {
  readonly code: number; // stable; never reused
  readonly category: "error" | "warning" | "suggestion";
  readonly message: string;
}
