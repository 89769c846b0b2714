/**
 * ACCT_NOW (SPEC, Conventions: clock): a date alone is the end of that day, a
 * date-time without an offset is taken as written, and one with an offset
 * names an instant, read on the local clock as the system clock would be.
 */
import { afterEach, describe, expect, it } from "vitest";
import { readClock } from "../../src/cli/clock.js";

const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe("readClock", () => {
  it("takes a date alone as the end of that day, and a date-time without an offset as written, in any zone", () => {
    for (const tz of ["UTC", "America/New_York", "Asia/Tokyo"]) {
      process.env.TZ = tz;
      expect(readClock({ ACCT_NOW: "2026-06-16" })).toEqual({ today: "2026-06-16", minutes: 23 * 60 + 59, stamp: "2026-06-16T23:59:00" });
      expect(readClock({ ACCT_NOW: "2026-06-16T02:00" })).toMatchObject({ today: "2026-06-16", minutes: 120 });
    }
  });

  it("reads a date-time with an offset as that instant on the local clock", () => {
    process.env.TZ = "America/New_York";
    // 02:00 UTC on Jun 16 is 22:00 on Jun 15 in New York (EDT, UTC−4).
    expect(readClock({ ACCT_NOW: "2026-06-16T02:00Z" })).toEqual({ today: "2026-06-15", minutes: 22 * 60, stamp: "2026-06-15T22:00:00" });
    expect(readClock({ ACCT_NOW: "2026-06-16T08:30:00+0200" })).toMatchObject({ today: "2026-06-16", minutes: 2 * 60 + 30 });
    process.env.TZ = "Asia/Tokyo";
    expect(readClock({ ACCT_NOW: "2026-06-16 20:00-05:00" })).toMatchObject({ today: "2026-06-17", minutes: 10 * 60 });
  });

  it("refuses what is not a date or time", () => {
    for (const bad of ["2026-02-30", "2026-06-16T24:00", "2026-06-16T10:00+25:00", "2026-06-16T10:00+0200x", "yesterday"]) {
      expect(() => readClock({ ACCT_NOW: bad }), bad).toThrow(/ACCT_NOW '.*' is not a date/);
    }
  });
});
