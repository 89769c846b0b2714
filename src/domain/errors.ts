/** Exit codes of the contract: 2 for input the user can fix, 1 for everything else. */
export const EXIT_USAGE = 2;
export const EXIT_FAILURE = 1;
export const EXIT_INTERRUPTED = 130;

/**
 * The one error type commands throw. `exitCode` decides the process exit;
 * `hint` is an optional second line telling the user what to do.
 */
export class AcctError extends Error {
  readonly exitCode: number;
  readonly hint: string | undefined;

  constructor(message: string, exitCode: number = EXIT_USAGE, hint?: string) {
    super(message);
    this.name = "AcctError";
    this.exitCode = exitCode;
    this.hint = hint;
  }
}

/** Bad input: exit 2, nothing written. */
export function usageError(message: string, hint?: string): AcctError {
  return new AcctError(message, EXIT_USAGE, hint);
}

/** Anything that is not the user's input: exit 1. */
export function failure(message: string, hint?: string): AcctError {
  return new AcctError(message, EXIT_FAILURE, hint);
}
