// One ledger of long and wide text — a 99-character promise, Japanese
// double-width characters, long names and notes — shared by the in-process
// and the real-terminal width tests so both check the same rows.

export const NOW = "2026-03-12T15:00";
export const LONG = "Ask every one of the forty accounts on the Q1 list for a referral before the board meeting in April";

/** Commands to run after `acct demo` to fill every column with long text. */
export const WIDE_TEXT_SEED: string[][] = [
  ["type", "add", "linkedin-connection-requests"],
  ["plan", "target", "linkedin-connection-requests", "25"],
  ["commit", "add", LONG, "--due", "fri", "--metric", "linkedin-connection-requests", "--target", "40"],
  ["commit", "add", "株式会社サンプル商事の購買部長と面談する約束を取り付ける、来週の木曜日までに必ず", "--due", "fri"],
  ["block", "add", "Prospecting calls to the enterprise accounts in the northern region", "--days", "sat", "--start", "10:00", "--end", "11:00"],
  ["off", "add", "2026-05-01", "--reason", "Labour Day, and the long weekend the whole office takes together every year"],
  ["log", "meeting", "--minutes", "45", "--contact", "Initech Global Procurement Services", "--note", LONG],
  ["audit", "--reflect", "--rating", "4", "--wins", LONG, "--misses", "no calls on Friday afternoon", "--change", LONG],
  ["plan", "set", "--win-rate", "30%", "--note", LONG],
];
