/** The words of `acct log call 18 meeting 2 opp 1`: types, each followed by an optional count. */
import { usageError } from "./errors.js";
import { parseCount } from "./parse.js";

/** One entry to log: a resolved type and its count. */
export interface TypeCount {
  type: string;
  count: number;
}

/** A word that starts like a number is meant as a count (no type name starts with a digit). */
const looksLikeCount = (word: string) => /^[+-]?[\d.,]/.test(word.trim());

/**
 * Reads `call 18 meeting 2 opp` as entries: a word that is not a count is a
 * type (resolved by `resolve`, which throws for an unknown one, told whether
 * it is the first word) and starts a new entry; a count after it is its
 * count, 1 when absent. A count first, or two counts in a row, is refused.
 */
export function parseLogWords(words: readonly string[], resolve: (word: string, first: boolean) => string): TypeCount[] {
  const entries: TypeCount[] = [];
  let counted = false;
  for (const word of words) {
    const last = entries.at(-1);
    if (!looksLikeCount(word)) {
      entries.push({ type: resolve(word, last === undefined), count: 1 });
      counted = false;
    } else if (last === undefined) {
      throw usageError(`a count comes after its type, not before ('${word}' is first)`, "e.g. acct log call 18 meeting 2");
    } else if (counted) {
      throw usageError(`two counts in a row ('${last.count} ${word}'): each count follows its type`, "e.g. acct log call 18 meeting 2");
    } else {
      last.count = parseCount(word);
      counted = true;
    }
  }
  return entries;
}
