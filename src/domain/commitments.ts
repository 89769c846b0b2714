/**
 * Commitments: SMART promises with a due date, kept automatically from logged
 * entries (a metric and a target) or by being marked done in time.
 */
import type { IsoDate } from "./dates.js";

export type StoredStatus = "open" | "done" | "dropped";
export type CommitmentStatus = "open" | "kept" | "missed" | "dropped";

/** A commitment as stored. */
export interface Commitment {
  id: number;
  text: string;
  due: IsoDate;
  /** An activity type (e.g. `call`) whose entries measure it, or null. */
  metric: string | null;
  target: number | null;
  createdOn: IsoDate;
  stored: StoredStatus;
  closedOn: IsoDate | null;
  carriedFrom: number | null;
}

/** The spec's JSON item `{id, text, due, metric, target, progress, status, carried}`. */
export interface CommitmentJson {
  id: number;
  text: string;
  due: IsoDate;
  metric: string | null;
  target: number | null;
  /** Sum of the metric's entries dated from creation to due; null without a metric. */
  progress: number | null;
  status: CommitmentStatus;
  /** How many times it was carried over (the length of its carried_from chain). */
  carried: number;
}

/** A commitment with what it has become: the spec's item plus the links the audit needs. */
export interface CommitmentView extends CommitmentJson {
  createdOn: IsoDate;
  carriedFrom: number | null;
  /** The id of the commitment that carried this one over, if any. */
  carriedTo: number | null;
}

/**
 * Where a commitment stands on `today`: dropped stays dropped; a measured one
 * is kept once `progress` reaches its target; another is kept when marked done
 * on or before its due date; past the due date an unkept one is missed.
 */
export function commitmentStatus(c: Commitment, progress: number | null, today: IsoDate): CommitmentStatus {
  if (c.stored === "dropped") return "dropped";
  if (c.metric !== null && c.target !== null) {
    if ((progress ?? 0) >= c.target) return "kept";
  } else if (c.stored === "done") {
    return c.closedOn !== null && c.closedOn <= c.due ? "kept" : "missed";
  }
  return today > c.due ? "missed" : "open";
}

/** Length of the carried_from chain behind each commitment (0 for an original). */
export function carriedCounts(commitments: readonly Commitment[]): Map<number, number> {
  const byId = new Map(commitments.map((c) => [c.id, c]));
  const out = new Map<number, number>();
  for (const c of commitments) {
    let n = 0;
    const seen = new Set<number>([c.id]);
    for (let from = c.carriedFrom; from !== null && !seen.has(from); n++) {
      seen.add(from);
      from = byId.get(from)?.carriedFrom ?? null;
    }
    out.set(c.id, n);
  }
  return out;
}

/** Every commitment's view on `today`, given the measured progress of those with a metric. */
export function viewCommitments(commitments: readonly Commitment[], progressById: ReadonlyMap<number, number>, today: IsoDate): CommitmentView[] {
  const carried = carriedCounts(commitments);
  const carriedTo = new Map<number, number>();
  for (const c of commitments) if (c.carriedFrom !== null) carriedTo.set(c.carriedFrom, c.id);
  return commitments.map((c) => {
    const progress = c.metric !== null ? (progressById.get(c.id) ?? 0) : null;
    return {
      id: c.id,
      text: c.text,
      due: c.due,
      metric: c.metric,
      target: c.target,
      progress,
      status: commitmentStatus(c, progress, today),
      carried: carried.get(c.id) ?? 0,
      createdOn: c.createdOn,
      carriedFrom: c.carriedFrom,
      carriedTo: carriedTo.get(c.id) ?? null,
    };
  });
}

export function commitmentToJson(v: CommitmentView): CommitmentJson {
  return { id: v.id, text: v.text, due: v.due, metric: v.metric, target: v.target, progress: v.progress, status: v.status, carried: v.carried };
}

export interface WeekCommitments {
  due: CommitmentJson[];
  kept: number;
  missed: number;
  open: number;
  overdue: CommitmentJson[];
  repeated: CommitmentJson[];
}

/**
 * The audit's view of commitments for the week `from`…`to`: those due in it
 * (with kept/missed/open counts), missed ones due earlier that were never
 * carried over, and those carried over twice or more that are not yet kept
 * (neither dropped nor carried on again).
 */
export function summarizeCommitments(views: readonly CommitmentView[], from: IsoDate, to: IsoDate): WeekCommitments {
  const due = views.filter((v) => v.due >= from && v.due <= to && v.status !== "dropped");
  const count = (s: CommitmentStatus) => due.filter((v) => v.status === s).length;
  const overdue = views.filter((v) => v.due < from && v.status === "missed" && v.carriedTo === null);
  const repeated = views.filter((v) => v.carried >= 2 && v.status !== "kept" && v.status !== "dropped" && v.carriedTo === null);
  return {
    due: due.map(commitmentToJson),
    kept: count("kept"),
    missed: count("missed"),
    open: count("open"),
    overdue: overdue.map(commitmentToJson),
    repeated: repeated.map(commitmentToJson),
  };
}

/** Open commitments due from `today` to `until` (both included), soonest first: "due soon" for status. */
export function dueSoon(views: readonly CommitmentView[], today: IsoDate, until: IsoDate): CommitmentView[] {
  return views.filter((v) => v.status === "open" && v.due >= today && v.due <= until).sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.id - b.id));
}
