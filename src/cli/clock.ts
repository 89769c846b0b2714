/** Reads "now" once: from ACCT_NOW when set, else the local clock. */
import { isSupportedYear, isValidIsoDate, YEAR_RANGE, type IsoDate } from "../domain/dates.js";
import { usageError } from "../domain/errors.js";

export interface Clock {
  /** Today's date. */
  today: IsoDate;
  /** Minutes after local midnight. */
  minutes: number;
  /** A timestamp for created/updated columns. */
  stamp: string;
}

const pad = (n: number) => String(n).padStart(2, "0");

export function readClock(env: NodeJS.ProcessEnv, systemNow: Date = new Date()): Clock {
  const fixed = env.ACCT_NOW?.trim();
  if (fixed) {
    // A date and time without an offset are taken as written: a fixed clock means the same day in every time zone.
    const year = Number(fixed.slice(0, 4));
    if (/^\d{4}-/.test(fixed) && !isSupportedYear(year)) throw usageError(`ACCT_NOW '${fixed}' is outside the years acct handles (${YEAR_RANGE})`);
    const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(fixed);
    if (!m || !isValidIsoDate(m[1] as string) || Number(m[2] ?? 0) > 23 || Number(m[3] ?? 0) > 59) {
      throw usageError(`ACCT_NOW '${fixed}' is not a date`, "use YYYY-MM-DD or an ISO date-time like 2026-03-12T09:30");
    }
    // With an offset it names an instant: now is that instant on the local clock, as the system clock would say.
    if (m[4] !== undefined) {
      const instant = new Date(fixed.replace(" ", "T").replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
      if (Number.isNaN(instant.getTime())) throw usageError(`ACCT_NOW '${fixed}' is not a date`, "use YYYY-MM-DD or an ISO date-time like 2026-03-12T09:30");
      return fromLocal(instant);
    }
    // A date alone means the end of that day (SPEC: the clock): all of its working hours have passed.
    const minutes = m[2] === undefined ? 23 * 60 + 59 : Number(m[2]) * 60 + Number(m[3]);
    return { today: m[1] as string, minutes, stamp: `${m[1]}T${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}:00` };
  }
  return fromLocal(systemNow);
}

/** The clock of an instant, read in the local time zone. */
function fromLocal(d: Date): Clock {
  const today = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return { today, minutes: d.getHours() * 60 + d.getMinutes(), stamp: `${today}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}` };
}
