import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AcctError } from "../../src/domain/errors.js";
import { parseLogWords } from "../../src/domain/log-words.js";

const TYPES = ["call", "email", "meeting"];
const resolve = (word: string) => {
  if (!TYPES.includes(word)) throw new Error(`unknown ${word}`);
  return word;
};

describe("parseLogWords", () => {
  it("reads types, each with an optional count", () => {
    expect(parseLogWords(["call", "18", "meeting", "email", "1"], resolve)).toEqual([
      { type: "call", count: 18 },
      { type: "meeting", count: 1 },
      { type: "email", count: 1 },
    ]);
  });

  it("tells the resolver which word is first", () => {
    const firsts: boolean[] = [];
    parseLogWords(["call", "2", "email"], (w, first) => (firsts.push(first), w));
    expect(firsts).toEqual([true, false]);
  });

  it.each([
    [["5", "call"], /count comes after its type/],
    [["call", "1", "2"], /two counts in a row/],
    [["call", "0"], /count must be from 1/],
    [["call", "1e3"], /not a whole number/],
  ])("refuses %j", (words, pattern) => {
    expect(() => parseLogWords(words, resolve)).toThrow(AcctError);
    expect(() => parseLogWords(words, resolve)).toThrow(pattern);
  });

  it("gives back any list of entries written out as words (with the count 1 left out or not)", () => {
    const entry = fc.record({ type: fc.constantFrom(...TYPES), count: fc.integer({ min: 1, max: 100_000 }), explicit: fc.boolean() });
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 8 }), (entries) => {
        const words = entries.flatMap((e) => (e.count === 1 && !e.explicit ? [e.type] : [e.type, String(e.count)]));
        expect(parseLogWords(words, resolve)).toEqual(entries.map(({ type, count }) => ({ type, count })));
      }),
    );
  });
});
