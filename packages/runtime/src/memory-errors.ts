import { Diagnostics, formatMessage } from "@typedc/core";
import type { DiagnosticMessage } from "@typedc/core";
import { TypedError } from "./errors.js";

/** MemoryMessages are the catalog entries (messages.json, 5001–5099) the memory, directory and allocators throw. */
export const MemoryMessages = Diagnostics;

/** memoryError builds an error of class `ErrorClass` from a catalog message and its arguments, with the message's code. */
export function memoryError<E extends TypedError>(
  ErrorClass: new (code: number, message: string) => E,
  message: DiagnosticMessage,
  args: readonly (string | number)[],
): E {
  return new ErrorClass(message.code, formatMessage(message.message, args));
}
