/**
 * EXIT_CODES are the exit statuses of `typedc` (documented in docs/cli.md):
 * 0 success (warnings allowed), 1 an error diagnostic or a bad option value
 * (unknown format, missing input), 2 a usage error found by the argument
 * parser (unknown option, missing argument), 3 an internal error (a bug).
 */
export const EXIT_CODES = {
  ok: 0,
  errors: 1,
  usage: 2,
  internal: 3,
} as const;

/** ExitCode is one of the EXIT_CODES values. */
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];
