import { describe, expect, it } from "vitest";
import type { Audit } from "../../src/domain/audit.js";
import { celebrationLines } from "../../src/render/audit-text.js";

const withCelebrations = (celebrations: Audit["celebrations"]) => ({ celebrations }) as Audit;

describe("celebrationLines", () => {
  it("says whether the streak includes this week", () => {
    expect(celebrationLines(withCelebrations({ targetsHit: [], streak: 1, streakIncludesThisWeek: true, personalBests: [] }), "$")).toEqual([
      "On plan this week",
    ]);
    // A week in progress that is not on plan yet: the streak is last week's, and must not claim this one.
    expect(celebrationLines(withCelebrations({ targetsHit: [], streak: 1, streakIncludesThisWeek: false, personalBests: [] }), "$")).toEqual([
      "On plan last week",
    ]);
    expect(celebrationLines(withCelebrations({ targetsHit: [], streak: 3, streakIncludesThisWeek: false, personalBests: [] }), "$")).toEqual([
      "3 weeks on plan in a row up to last week",
    ]);
    expect(celebrationLines(withCelebrations({ targetsHit: [], streak: 0, streakIncludesThisWeek: false, personalBests: [] }), "$")).toEqual([]);
  });
});
