/**
 * The sample year `acct demo` shows: a plan, days off, time blocks with done
 * and skipped marks, the year so far (at least ten weeks) of believable activity, commitments and
 * a review, all dated relative to "today" and drawn from a seeded generator,
 * so the same day always gives the same sample.
 */
import { seededRandom } from "./random.js";
import type { PlanInput } from "./cascade.js";
import type { Entry } from "./entry.js";
import { addDays, daysBetween, eachDay, isoWeekOf, mondayOf, weekdayOf, type IsoDate, type Weekday } from "./dates.js";

/** An entry of the sample, before it is stored (and given its id). */
export type DemoEntry = Omit<Entry, "id">;

export interface DemoBlock {
  label: string;
  days: Weekday[];
  startMin: number;
  endMin: number;
  activity: string | null;
  /** The day the block was added; its marks start then. */
  createdOn: IsoDate;
  marks: { date: IsoDate; status: "done" | "skipped"; reason: string | null }[];
}

export interface DemoCommitment {
  /** Index into the list of the commitment this one carries over, or null. */
  carriedFrom: number | null;
  text: string;
  due: IsoDate;
  metric: string | null;
  target: number | null;
  createdOn: IsoDate;
  /** Marked done on this date (commitments without a metric), or null. */
  doneOn: IsoDate | null;
}

/** A named deal of the sample, opened by one of its opportunity entries (and won by one of its deal entries). */
export interface DemoDeal {
  /** Index into `entries` of its opportunity entry, whose date it was opened on. */
  opened: number;
  /** Index into `entries` of its deal entry, when won. */
  won: number | null;
  name: string;
  valueCents: number;
  stage: string;
  close: IsoDate | null;
  moves: { date: IsoDate; from: string; to: string }[];
  reviews: { date: IsoDate; stage: string; gaps: string[]; actions: { text: string; due: IsoDate; doneOn: IsoDate | null }[] }[];
}

export interface DemoData {
  plan: PlanInput;
  daysOff: { from: IsoDate; to: IsoDate; reason: string }[];
  customType: { name: string; perWeek: number };
  blocks: DemoBlock[];
  entries: DemoEntry[];
  commitments: DemoCommitment[];
  deals: DemoDeal[];
  review: { week: string; rating: number; wins: string; misses: string; change: string };
}

/** A seed from a date, so each day's demo is the same every time. */
export function seedOf(date: IsoDate): number {
  let h = 2166136261;
  for (const ch of date) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return h >>> 0;
}

const CONTACTS = [
  "Acme Corp",
  "Globex",
  "Initech",
  "Umbrella Health",
  "Stark Logistics",
  "Wayne Foods",
  "Hooli",
  "Vandelay Imports",
  "Soylent Co",
  "Tyrell Systems",
  "Cyberdyne",
  "Wonka Retail",
];
const MIN_WEEKS_OF_HISTORY = 10;

/** Rounds to a whole number with probability for the fraction: 2.3 is 3 three times in ten. */
function stochasticRound(x: number, random: () => number): number {
  const whole = Math.floor(x);
  return whole + (random() < x - whole ? 1 : 0);
}

/**
 * The number of weeks of activity the demo logs up to today's: the whole year
 * so far, so the year-to-date figures are believable, but at least ten weeks.
 */
export function demoWeeks(today: IsoDate): number {
  const sinceNewYear = daysBetween(mondayOf(`${today.slice(0, 4)}-01-01`), mondayOf(today)) / 7 + 1;
  return Math.max(MIN_WEEKS_OF_HISTORY, sinceNewYear);
}

/**
 * The demo data for `today`: entries on working days from the first week of
 * the year (or ten weeks back, early in the year) up to today (today only
 * partly: it is still going on).
 */
export function buildDemo(today: IsoDate): DemoData {
  const random = seededRandom(seedOf(today));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const year = Number(today.slice(0, 4));
  const thisMonday = mondayOf(today);
  const weeks = demoWeeks(today);
  const start = addDays(thisMonday, -7 * (weeks - 1));
  // A whole-year history starts on Jan 1, not in the last days of December.
  const firstDay = weeks > MIN_WEEKS_OF_HISTORY ? `${year}-01-01` : start;

  // A public holiday in the past stretch, a vacation ahead.
  const holiday = addDays(start, 7 * 4 + 4);
  const vacation = addDays(thisMonday, 7 * 6);
  const daysOff = [
    { from: holiday, to: holiday, reason: "public holiday" },
    { from: vacation, to: addDays(vacation, 4), reason: "vacation" },
  ];
  const off = new Set(daysOff.flatMap((d) => eachDay(d.from, d.to)));
  const workdays: Weekday[] = ["mon", "tue", "wed", "thu", "fri"];
  const isWorking = (date: IsoDate) => workdays.includes(weekdayOf(date)) && !off.has(date);

  const entries: DemoEntry[] = [];
  for (let week = 0; week < weeks; week++) {
    const monday = addDays(start, 7 * week);
    // Some weeks go well, some do not; the last three, after the review's change, go better.
    const form = week >= weeks - 3 ? 1.1 + random() * 0.25 : 0.68 + random() * 0.5;
    for (const date of eachDay(monday, addDays(monday, 6))) {
      if (date > today || date < firstDay || !isWorking(date)) continue;
      const share = date === today ? 0.4 : 1;
      const calls = stochasticRound(9.2 * form * share * (0.75 + random() * 0.5), random);
      // Calls are logged in two or three sittings.
      let left = calls;
      for (const part of [0.5, 0.3, 1]) {
        const n = part === 1 ? left : Math.round(calls * part);
        if (n > 0) entries.push({ date, type: "call", count: n, amountCents: null, minutes: null, contact: null, note: null });
        left -= n;
        if (left <= 0) break;
      }
      const meetings = stochasticRound(calls * (0.08 + random() * 0.05), random);
      for (let i = 0; i < meetings; i++) {
        entries.push({ date, type: "meeting", count: 1, amountCents: null, minutes: 30 + 15 * Math.floor(random() * 4), contact: pick(CONTACTS), note: null });
      }
      const opportunities = stochasticRound(meetings * (0.35 + random() * 0.3), random);
      for (let i = 0; i < opportunities; i++) {
        entries.push({ date, type: "opportunity", count: 1, amountCents: null, minutes: null, contact: pick(CONTACTS), note: null });
      }
      if (random() < 0.12 * form * share) {
        const amount = Math.round((28_000 + random() * 26_000) / 500) * 500;
        entries.push({ date, type: "deal", count: 1, amountCents: amount * 100, minutes: 45, contact: pick(CONTACTS), note: "signed" });
      }
      const linkedin = stochasticRound(4.4 * form * share * (0.6 + random() * 0.8), random);
      if (linkedin > 0) entries.push({ date, type: "linkedin", count: linkedin, amountCents: null, minutes: null, contact: null, note: null });
    }
  }

  const blocks: DemoBlock[] = [
    { label: "Prospecting calls", createdOn: firstDay, days: ["tue", "thu"], startMin: 8 * 60, endMin: 9 * 60 + 30, activity: "call", marks: [] },
    { label: "Follow-ups", createdOn: firstDay, days: ["mon", "wed"], startMin: 14 * 60, endMin: 15 * 60, activity: "meeting", marks: [] },
    { label: "Pipeline review", createdOn: firstDay, days: ["fri"], startMin: 16 * 60, endMin: 16 * 60 + 30, activity: null, marks: [] },
  ];
  const reasons = ["customer emergency", "team meeting ran over", "sick", "travel"];
  for (const block of blocks) {
    for (const date of eachDay(block.createdOn, addDays(today, -1))) {
      if (off.has(date) || !block.days.includes(weekdayOf(date))) continue;
      const roll = random();
      if (roll < 0.72) block.marks.push({ date, status: "done", reason: null });
      else if (roll < 0.9) block.marks.push({ date, status: "skipped", reason: pick(reasons) });
    }
  }

  const callsBetween = (from: IsoDate, to: IsoDate) =>
    entries.filter((e) => e.type === "call" && e.date >= from && e.date <= to).reduce((s, e) => s + e.count, 0);
  const meetingsBetween = (from: IsoDate, to: IsoDate) => entries.filter((e) => e.type === "meeting" && e.date >= from && e.date <= to).length;
  const week = (weeksAgo: number) => addDays(thisMonday, -7 * weeksAgo);
  const friday = (monday: IsoDate) => addDays(monday, 4);
  const keptCalls = Math.max(1, Math.floor(callsBetween(week(4), friday(week(4))) / 5) * 5);
  const commitments: DemoCommitment[] = [
    {
      carriedFrom: null,
      text: `Make ${keptCalls} prospecting calls`,
      due: friday(week(4)),
      metric: "call",
      target: keptCalls,
      createdOn: week(4),
      doneOn: null,
    },
    {
      carriedFrom: null,
      text: "Send the renewal proposal to Acme Corp",
      due: friday(week(3)),
      metric: null,
      target: null,
      createdOn: week(3),
      doneOn: addDays(week(3), 2),
    },
    // Book more meetings than came: missed, carried over, missed again, carried again (now open).
    {
      carriedFrom: null,
      text: "Book meetings with three new accounts",
      due: friday(week(2)),
      metric: "meeting",
      target: meetingsBetween(week(2), friday(week(2))) + 3,
      createdOn: week(2),
      doneOn: null,
    },
    {
      carriedFrom: 2,
      text: "Book meetings with three new accounts",
      due: friday(week(1)),
      metric: "meeting",
      target: meetingsBetween(week(1), friday(week(1))) + 2,
      createdOn: week(1),
      doneOn: null,
    },
    {
      carriedFrom: 3,
      text: "Book meetings with three new accounts",
      due: maxFriday(today),
      metric: "meeting",
      target: meetingsBetween(thisMonday, today) + 3,
      createdOn: thisMonday,
      doneOn: null,
    },
    { carriedFrom: null, text: "Ask Globex for a referral", due: maxFriday(today), metric: null, target: null, createdOn: thisMonday, doneOn: null },
    {
      carriedFrom: null,
      text: "Update the CRM before the pipeline review",
      due: friday(week(1)),
      metric: null,
      target: null,
      createdOn: week(1),
      doneOn: null,
    },
  ];

  return {
    plan: {
      year,
      unit: "revenue",
      target: 1_200_000_00,
      dealSizeCents: 40_000_00,
      winRate: 0.25,
      meetingRate: 0.5,
      callRate: 0.1,
      workdays,
      seasonality: Array.from({ length: 12 }, () => 1),
      hoursPerDay: 8,
      customerTime: 0.3,
    },
    daysOff,
    customType: { name: "linkedin", perWeek: 20 },
    blocks,
    entries,
    commitments,
    deals: demoDeals(entries, today),
    review: {
      week: isoWeekOf(week(1)),
      rating: 3,
      wins: "Two demos booked with Initech; closed Wayne Foods",
      misses: "Skipped Thursday's call block; CRM not updated",
      change: "Calls first thing on Tuesday and Thursday, before opening email",
    },
  };
}

/**
 * Names a few of the sample's opportunities as deals: one won (its deal
 * entry and an opportunity three weeks or more before it), one reviewed
 * three Fridays running with the same gaps (stalled, and past its close
 * date), one moved on after its review, and the latest ones open.
 */
function demoDeals(entries: readonly DemoEntry[], today: IsoDate): DemoDeal[] {
  const opps = entries.flatMap((e, i) => (e.type === "opportunity" ? [i] : []));
  const used = new Set<number>();
  const dateOf = (i: number) => (entries[i] as DemoEntry).date;
  const latestOpp = (until: IsoDate) => [...opps].reverse().find((i) => !used.has(i) && dateOf(i) <= until);
  const name = (i: number, what: string) => `${(entries[i] as DemoEntry).contact ?? "Acme Corp"} ${what}`;
  const endOfMonth = (date: IsoDate) => addDays(`${addDays(`${date.slice(0, 7)}-28`, 4).slice(0, 7)}-01`, -1);
  const friday = (weeksAgo: number) => addDays(mondayOf(today), 4 - 7 * weeksAgo);
  const deals: DemoDeal[] = [];

  const wonEntry = [...entries.keys()].reverse().find((i) => entries[i]?.type === "deal");
  const wonOpp = wonEntry === undefined ? undefined : latestOpp(addDays(dateOf(wonEntry), -21));
  if (wonEntry !== undefined && wonOpp !== undefined) {
    used.add(wonOpp);
    const amount = (entries[wonEntry] as DemoEntry).amountCents ?? 40_000_00;
    deals.push({ opened: wonOpp, won: wonEntry, name: name(wonOpp, "renewal"), valueCents: amount, stage: "negotiation", close: null, moves: [], reviews: [] });
  }
  const stalled = latestOpp(addDays(friday(3), -3));
  if (stalled !== undefined) {
    used.add(stalled);
    const gaps = ["No budget owner named", "Champion has not seen the ROI case"];
    deals.push({
      opened: stalled,
      won: null,
      name: name(stalled, "expansion"),
      valueCents: 85_000_00,
      stage: "discovery",
      close: friday(1),
      moves: [{ date: addDays(friday(3), -1), from: "qualify", to: "discovery" }],
      reviews: [
        { date: friday(3), stage: "discovery", gaps, actions: [{ text: "Send the ROI case to the champion", due: addDays(friday(3), 3), doneOn: null }] },
        {
          date: friday(2),
          stage: "discovery",
          gaps: [gaps[1] as string, (gaps[0] as string).toLowerCase()],
          actions: [{ text: "Ask for the budget owner", due: addDays(friday(2), 3), doneOn: addDays(friday(2), 3) }],
        },
        { date: friday(1), stage: "discovery", gaps, actions: [{ text: "Send the ROI case to the champion", due: maxFriday(today), doneOn: null }] },
      ],
    });
  }
  const moving = latestOpp(addDays(friday(2), -3));
  if (moving !== undefined) {
    used.add(moving);
    deals.push({
      opened: moving,
      won: null,
      name: name(moving, "pilot"),
      valueCents: 40_000_00,
      stage: "proposal",
      close: endOfMonth(addDays(today, 30)),
      moves: [{ date: friday(1), from: "qualify", to: "proposal" }],
      reviews: [
        {
          date: friday(2),
          stage: "qualify",
          gaps: ["Security review not started"],
          actions: [{ text: "Book the security review", due: friday(1), doneOn: addDays(friday(1), -1) }],
        },
      ],
    });
  }
  for (const [k, i] of [...opps]
    .reverse()
    .filter((i) => !used.has(i))
    .slice(0, 3)
    .entries()) {
    deals.push({
      opened: i,
      won: null,
      name: name(i, ["new logo", "upsell", "second site"][k] as string),
      valueCents: [30_000_00, 55_000_00, 25_000_00][k] as number,
      stage: "qualify",
      close: endOfMonth(addDays(today, 45 + 20 * k)),
      moves: [],
      reviews: [],
    });
  }
  return deals;
}

/** This week's Friday, or today when today is later in the week (a due date is never in the past). */
function maxFriday(today: IsoDate): IsoDate {
  const friday = addDays(mondayOf(today), 4);
  return friday < today ? today : friday;
}
