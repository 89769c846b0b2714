/** `--clear amount,note`: which optional fields an edit empties (`acct log edit`, `acct opp edit`). */
import { usageError } from "../domain/errors.js";

/**
 * The fields `input` names, each one of `fields`; a field also given a value
 * (`given`) contradicts its clearing. Unknown or contradicting: exit 2.
 */
export function parseClear<F extends string>(input: string | undefined, fields: readonly F[], given: (field: F) => boolean): Set<F> {
  const clear = new Set<F>();
  for (const raw of input?.split(",") ?? []) {
    const field = raw.trim().toLowerCase();
    if (!(fields as readonly string[]).includes(field)) throw usageError(`cannot clear '${raw}'`, `fields that can be cleared: ${fields.join(", ")}`);
    if (given(field as F)) throw usageError(`--${field} and --clear ${field} contradict each other`);
    clear.add(field as F);
  }
  return clear;
}
