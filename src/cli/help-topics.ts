/** The concepts behind acct, explained by `acct help <topic>`. */

export interface HelpTopic {
  name: string;
  summary: string;
  text: string;
}

export const HELP_TOPICS: readonly HelpTopic[] = [
  {
    name: "cascade",
    summary: "how an annual target becomes deals, opportunities, meetings and calls",
    text: `The cascade

Results come from outcomes, and outcomes come from activity. acct works the
funnel backwards from your annual target:

  deals          = target ÷ deal size        (or the target, with --unit deals)
  opportunities  = deals ÷ win rate
  meetings       = opportunities ÷ meeting rate
  calls          = meetings ÷ call rate

each rounded up. With 1.2m at 40k a deal and rates 25 % / 50 % / 10 %:
30 deals, 120 opportunities, 240 meetings, 2,400 calls.

Each annual total is then split over the 12 months in proportion to
seasonality × working days (in whole units, so the months add up exactly);
a working day's target is its month's target ÷ its working days, and a
week's plan is the sum of its working days' targets. Days off
(acct off add) re-spread the plan at once.

  $ acct plan set --target 1.2m --deal-size 40k --win-rate 25% --meeting-rate 50% --call-rate 10%
  $ acct plan show
`,
  },
  {
    name: "buffer",
    summary: "buffer days: how many working days ahead of (or behind) the plan you are",
    text: `Buffer days

The audit turns "ahead or behind" into days you can feel: the gap between
what you did this year and what was planned so far, measured in the coming
working days' targets, in order (the last one as a fraction).

+3 means the next three working days' plan is already done: you could stop
for them and still be on plan; −2 means you owe the next two working days'
worth on top of them. Because the coming days carry the plan's seasonality,
a day behind in a quiet month weighs less than one before a busy month.
Each metric (calls, meetings, opportunities, deals, revenue) has its own
buffer. A metric is on-track when its year-to-date actual reaches the plan,
at-risk from 80%, else behind.

  $ acct audit
  $ acct audit --json
`,
  },
  {
    name: "commitments",
    summary: "SMART promises with a due date that the weekly review checks",
    text: `Commitments

A commitment is specific, measurable and has a due date:

  $ acct commit add "Book 5 meetings with logistics leads" --due 2026-03-20 --metric meeting --target 5

With a metric it is kept when the entries of that type from its creation to
its due date reach the target; without one, when you mark it done by its due
date (acct commit done ID). After the due date an unkept commitment is
missed. Re-commit a missed one with acct commit add --carry ID: the audit
flags anything carried over twice or more, because a promise that keeps
moving is a problem to talk about, not a task.
`,
  },
  {
    name: "audit",
    summary: "the weekly audit: plan against actual, conversion, time, promises",
    text: `The weekly audit

Once a week, compare what you did with what the plan needed (acct audit,
default: this week). Per metric: the week's plan and actual, year to date,
status, buffer days (acct help buffer), a projection for the year and what
you now need per week. Then: are your conversion rates holding (the weakest
stage is named), how much time went to customers, how many time blocks you
kept, which commitments were kept or missed, and what your last review said
you would change.

Close it with a review (acct audit --reflect) and send the Markdown summary
to your buddy (acct audit --format md, acct share).

For the command's flags: acct audit --help
`,
  },
  {
    name: "dates",
    summary: "dates, ranges and weeks you can type",
    text: `Dates

  2026-03-12          a calendar date (impossible ones like 2026-02-30 are errors)
  today, yesterday,   relative to now (ACCT_NOW fixes "now" for scripts and tests)
  tomorrow
  fri, friday         the most recent Friday, today included (log --date, block
                      done, log list --from, off add); for a due date (commit add
                      --due) the next Friday after today: --due fri on a Friday
                      is a week away
  last fri            Friday of the previous ISO week (Monday to Sunday)
  next fri            Friday of the next ISO week: on a Monday, 11 days away
  +3d, -2d, +2w, -1w  days or weeks from today
  eow                 the last working day of this week; after it, of next week
  eom, eoq            the last working day of this month or quarter; after it,
                      of the next one
  A..B                an inclusive range, for days off: 2026-08-03..2026-08-14
  2026-W11            an ISO week, Monday to Sunday (acct audit --week)
  2026-03, 2026-Q1    a month; a quarter (Q1 is January to March)

Working days are the plan's workdays (mon–fri without a plan); days off do
not move eow, eom or eoq. Words may be in any case, with extra spaces. A due
date is today or later: yesterday, last fri or -2d are refused there.

  $ acct commit add "Send the Acme proposal" --due eow
  $ acct log list --from "last mon"
  $ acct off add 2026-12-24..2026-12-31 --reason holidays
  $ acct plan show --year 2026
`,
  },
  {
    name: "money",
    summary: "amounts you can type and how they are shown",
    text: `Money

  42000, 42,000       plain amounts
  42k, 1.5m           thousands and millions
  $42,000.50          a currency sign is ignored; cents are kept

Amounts are stored as whole cents; JSON shows currency units (42000.5). Zero,
negative amounts and amounts above 1e12 are errors. The symbol shown in text
output is a setting:

  $ acct config set currency €
  $ acct plan set --target 1.2m --deal-size 40k --win-rate 25% --meeting-rate 50% --call-rate 10%
`,
  },
];

/** The topics list shown under `acct --help` and `acct help`. */
export function topicsHelp(): string {
  const width = Math.max(...HELP_TOPICS.map((t) => t.name.length)) + 2;
  return `Topics (acct help <topic>):\n${HELP_TOPICS.map((t) => `  ${t.name.padEnd(width)}${t.summary}`).join("\n")}\n`;
}
