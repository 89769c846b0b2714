/**
 * The schema, as an ordered, forward-only list. Migration N brings a file
 * from `user_version` N−1 to N; each runs inside the opening write transaction.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: everything the product stores.
  `
  CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );

  CREATE TABLE plans (
    year           INTEGER PRIMARY KEY,
    unit           TEXT    NOT NULL CHECK (unit IN ('revenue', 'deals')),
    target         INTEGER NOT NULL CHECK (target > 0),
    deal_size      INTEGER CHECK (deal_size > 0),
    win_rate       REAL    NOT NULL,
    meeting_rate   REAL    NOT NULL,
    call_rate      REAL    NOT NULL,
    workdays       TEXT    NOT NULL,
    seasonality    TEXT    NOT NULL,
    hours_per_day  REAL    NOT NULL,
    customer_time  REAL,
    updated_at     TEXT    NOT NULL
  );

  CREATE TABLE custom_types (
    name          TEXT PRIMARY KEY,
    created_at    TEXT NOT NULL
  );

  CREATE TABLE weekly_targets (
    type    TEXT PRIMARY KEY,
    target  INTEGER NOT NULL CHECK (target > 0)
  );

  CREATE TABLE days_off (
    id         INTEGER PRIMARY KEY,
    from_date  TEXT NOT NULL,
    to_date    TEXT NOT NULL,
    reason     TEXT,
    CHECK (to_date >= from_date)
  );

  CREATE TABLE entries (
    id          INTEGER PRIMARY KEY,
    date        TEXT    NOT NULL,
    type        TEXT    NOT NULL,
    count       INTEGER NOT NULL CHECK (count > 0),
    amount      INTEGER CHECK (amount > 0),
    minutes     INTEGER CHECK (minutes >= 0),
    contact     TEXT,
    note        TEXT,
    created_at  TEXT    NOT NULL,
    deleted_at  TEXT
  );
  CREATE INDEX entries_by_date ON entries (date, type) WHERE deleted_at IS NULL;

  -- Per-day, per-type totals of live entries, kept in step by triggers inside
  -- the same transaction as every entry write, so reports sum a few hundred
  -- rows a year instead of every entry.
  CREATE TABLE daily_totals (
    date     TEXT    NOT NULL,
    type     TEXT    NOT NULL,
    count    INTEGER NOT NULL,
    amount   INTEGER NOT NULL,
    minutes  INTEGER NOT NULL,
    entries  INTEGER NOT NULL,
    PRIMARY KEY (date, type)
  ) WITHOUT ROWID;

  CREATE TRIGGER entries_ai AFTER INSERT ON entries WHEN NEW.deleted_at IS NULL BEGIN
    INSERT INTO daily_totals (date, type, count, amount, minutes, entries)
    VALUES (NEW.date, NEW.type, NEW.count, coalesce(NEW.amount, 0), coalesce(NEW.minutes, 0), 1)
    ON CONFLICT (date, type) DO UPDATE SET
      count = count + excluded.count, amount = amount + excluded.amount,
      minutes = minutes + excluded.minutes, entries = entries + 1;
  END;
  CREATE TRIGGER entries_ad AFTER DELETE ON entries WHEN OLD.deleted_at IS NULL BEGIN
    UPDATE daily_totals SET count = count - OLD.count, amount = amount - coalesce(OLD.amount, 0),
      minutes = minutes - coalesce(OLD.minutes, 0), entries = entries - 1
    WHERE date = OLD.date AND type = OLD.type;
    DELETE FROM daily_totals WHERE date = OLD.date AND type = OLD.type AND entries = 0;
  END;
  CREATE TRIGGER entries_au_old AFTER UPDATE ON entries WHEN OLD.deleted_at IS NULL BEGIN
    UPDATE daily_totals SET count = count - OLD.count, amount = amount - coalesce(OLD.amount, 0),
      minutes = minutes - coalesce(OLD.minutes, 0), entries = entries - 1
    WHERE date = OLD.date AND type = OLD.type;
    DELETE FROM daily_totals WHERE date = OLD.date AND type = OLD.type AND entries = 0;
  END;
  CREATE TRIGGER entries_au_new AFTER UPDATE ON entries WHEN NEW.deleted_at IS NULL BEGIN
    INSERT INTO daily_totals (date, type, count, amount, minutes, entries)
    VALUES (NEW.date, NEW.type, NEW.count, coalesce(NEW.amount, 0), coalesce(NEW.minutes, 0), 1)
    ON CONFLICT (date, type) DO UPDATE SET
      count = count + excluded.count, amount = amount + excluded.amount,
      minutes = minutes + excluded.minutes, entries = entries + 1;
  END;

  CREATE TABLE blocks (
    id          INTEGER PRIMARY KEY,
    label       TEXT    NOT NULL,
    days        TEXT    NOT NULL,
    start_min   INTEGER NOT NULL,
    end_min     INTEGER NOT NULL CHECK (end_min > start_min),
    activity    TEXT,
    created_at  TEXT    NOT NULL,
    deleted_at  TEXT
  );

  CREATE TABLE block_marks (
    block_id  INTEGER NOT NULL REFERENCES blocks (id),
    date      TEXT    NOT NULL,
    status    TEXT    NOT NULL CHECK (status IN ('done', 'skipped')),
    reason    TEXT,
    PRIMARY KEY (block_id, date)
  );

  CREATE TABLE commitments (
    id            INTEGER PRIMARY KEY,
    text          TEXT    NOT NULL,
    due           TEXT    NOT NULL,
    metric        TEXT,
    target        INTEGER,
    created_on    TEXT    NOT NULL,
    status        TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
    closed_on     TEXT,
    carried_from  INTEGER REFERENCES commitments (id)
  );

  CREATE TABLE reviews (
    id          INTEGER PRIMARY KEY,
    week        TEXT    NOT NULL,
    rating      INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    wins        TEXT,
    misses      TEXT,
    change      TEXT,
    created_at  TEXT    NOT NULL
  );

  -- The undo journal: one row per user-visible change, holding the rows as
  -- they were before it (see store/journal.ts).
  CREATE TABLE journal (
    id          INTEGER PRIMARY KEY,
    at          TEXT    NOT NULL,
    summary     TEXT    NOT NULL,
    changes     TEXT    NOT NULL,
    undone      INTEGER NOT NULL DEFAULT 0
  );
  `,

  // 2: indexes for the questions the audit and status ask of the smaller
  // tables (commitments due in a week, block marks in a week), so they stay
  // index lookups however many years the file holds. No further index on
  // entries: every one slows `acct log` and imports, and entries_by_date with
  // daily_totals already answer the reports.
  `
  CREATE INDEX commitments_by_due ON commitments (due, status);
  CREATE INDEX block_marks_by_date ON block_marks (date, block_id);
  `,

  // 3: per-week totals (keyed by the ISO week's Monday), kept in step from
  // daily_totals by triggers, so the audit's personal bests and streaks read
  // one row per week and type instead of grouping ten years of days by week
  // on every run (30 ms at ten years of history).
  `
  CREATE TABLE weekly_totals (
    monday   TEXT    NOT NULL,
    type     TEXT    NOT NULL,
    count    INTEGER NOT NULL,
    amount   INTEGER NOT NULL,
    minutes  INTEGER NOT NULL,
    entries  INTEGER NOT NULL,
    PRIMARY KEY (monday, type)
  ) WITHOUT ROWID;

  INSERT INTO weekly_totals (monday, type, count, amount, minutes, entries)
  SELECT date(date, 'weekday 0', '-6 days'), type, sum(count), total(amount), sum(minutes), sum(entries)
  FROM daily_totals GROUP BY 1, 2;

  CREATE TRIGGER daily_totals_ai AFTER INSERT ON daily_totals BEGIN
    INSERT INTO weekly_totals (monday, type, count, amount, minutes, entries)
    VALUES (date(NEW.date, 'weekday 0', '-6 days'), NEW.type, NEW.count, NEW.amount, NEW.minutes, NEW.entries)
    ON CONFLICT (monday, type) DO UPDATE SET
      count = count + excluded.count, amount = amount + excluded.amount,
      minutes = minutes + excluded.minutes, entries = entries + excluded.entries;
  END;
  CREATE TRIGGER daily_totals_au AFTER UPDATE ON daily_totals BEGIN
    UPDATE weekly_totals SET count = count - OLD.count, amount = amount - OLD.amount,
      minutes = minutes - OLD.minutes, entries = entries - OLD.entries
    WHERE monday = date(OLD.date, 'weekday 0', '-6 days') AND type = OLD.type;
    INSERT INTO weekly_totals (monday, type, count, amount, minutes, entries)
    VALUES (date(NEW.date, 'weekday 0', '-6 days'), NEW.type, NEW.count, NEW.amount, NEW.minutes, NEW.entries)
    ON CONFLICT (monday, type) DO UPDATE SET
      count = count + excluded.count, amount = amount + excluded.amount,
      minutes = minutes + excluded.minutes, entries = entries + excluded.entries;
    DELETE FROM weekly_totals WHERE monday = date(OLD.date, 'weekday 0', '-6 days') AND type = OLD.type AND entries = 0;
  END;
  CREATE TRIGGER daily_totals_ad AFTER DELETE ON daily_totals BEGIN
    UPDATE weekly_totals SET count = count - OLD.count, amount = amount - OLD.amount,
      minutes = minutes - OLD.minutes, entries = entries - OLD.entries
    WHERE monday = date(OLD.date, 'weekday 0', '-6 days') AND type = OLD.type;
    DELETE FROM weekly_totals WHERE monday = date(OLD.date, 'weekday 0', '-6 days') AND type = OLD.type AND entries = 0;
  END;
  `,

  // 4: plans through a real year (SPEC "The plan", revision 2). The plans
  // row stays the year's first plan, now with its start, opening balance and
  // note; later revisions are rows of their own, each taking effect from a
  // day. Days off are removed by marking, not deleting, and every change
  // (plan, revision, day off added or removed) carries a number in the order
  // it was recorded: the schedule of daily targets is rebuilt from that
  // history (domain/schedule.ts). Weekly targets of other types can change
  // from a day on. Existing days off count as known before the plan.
  `
  ALTER TABLE plans ADD COLUMN start_date TEXT;
  ALTER TABLE plans ADD COLUMN opening TEXT NOT NULL DEFAULT '{}';
  ALTER TABLE plans ADD COLUMN note TEXT;
  ALTER TABLE plans ADD COLUMN seq INTEGER NOT NULL DEFAULT 1;
  CREATE TABLE plan_revisions (
    id             INTEGER PRIMARY KEY,
    year           INTEGER NOT NULL REFERENCES plans (year),
    from_date      TEXT    NOT NULL,
    note           TEXT,
    unit           TEXT    NOT NULL CHECK (unit IN ('revenue', 'deals')),
    target         INTEGER NOT NULL CHECK (target > 0),
    deal_size      INTEGER CHECK (deal_size > 0),
    win_rate       REAL    NOT NULL,
    meeting_rate   REAL    NOT NULL,
    call_rate      REAL    NOT NULL,
    workdays       TEXT    NOT NULL,
    seasonality    TEXT    NOT NULL,
    hours_per_day  REAL    NOT NULL,
    customer_time  REAL,
    seq            INTEGER NOT NULL,
    created_at     TEXT    NOT NULL,
    UNIQUE (year, from_date)
  );
  ALTER TABLE days_off ADD COLUMN added_seq INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE days_off ADD COLUMN removed_seq INTEGER;
  CREATE TABLE target_changes (
    type       TEXT    NOT NULL,
    from_date  TEXT    NOT NULL,
    target     INTEGER NOT NULL CHECK (target >= 0),
    PRIMARY KEY (type, from_date)
  );
  `,

  // 5: the buddy loop (SPEC "The buddy loop"): what the buddy said back
  // about a week; audits of later weeks show the latest one.
  `
  CREATE TABLE buddy_notes (
    id          INTEGER PRIMARY KEY,
    week        TEXT    NOT NULL,
    text        TEXT    NOT NULL,
    created_at  TEXT    NOT NULL
  );
  CREATE INDEX buddy_notes_week ON buddy_notes (week, id);
  `,

  // 6: a source key on imported entries (SPEC "Capture without friction"):
  // a CRM record id or a calendar event's UID and start, so importing the same
  // rows again adds nothing. Unique while set; entries typed in have none.
  `
  ALTER TABLE entries ADD COLUMN source TEXT;
  CREATE UNIQUE INDEX entries_by_source ON entries (source) WHERE source IS NOT NULL;
  `,

  // 7: the pipeline (SPEC "Pipeline and big-deal reviews"): named deals, the
  // stage moves and reviews of each, and links from the entries a deal
  // logged (its opportunity, its deal) and from the commitments its reviews'
  // actions made. Moves and reviews share one counter (seq), so "has the
  // stage moved since the last review" is answered even within one day.
  `
  CREATE TABLE opportunities (
    id           INTEGER PRIMARY KEY,
    name         TEXT    NOT NULL,
    value        INTEGER NOT NULL CHECK (value > 0),
    stage        TEXT    NOT NULL,
    close_date   TEXT,
    contact      TEXT,
    note         TEXT,
    status       TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'won', 'lost')),
    opened_on    TEXT    NOT NULL,
    closed_on    TEXT,
    amount       INTEGER CHECK (amount > 0),
    lost_reason  TEXT,
    created_at   TEXT    NOT NULL
  );
  CREATE INDEX opportunities_by_status ON opportunities (status, stage);

  CREATE TABLE opp_moves (
    id          INTEGER PRIMARY KEY,
    opp         INTEGER NOT NULL REFERENCES opportunities (id),
    date        TEXT    NOT NULL,
    from_stage  TEXT    NOT NULL,
    to_stage    TEXT    NOT NULL,
    seq         INTEGER NOT NULL,
    created_at  TEXT    NOT NULL
  );
  CREATE INDEX opp_moves_by_opp ON opp_moves (opp, seq);

  CREATE TABLE opp_reviews (
    id          INTEGER PRIMARY KEY,
    opp         INTEGER NOT NULL REFERENCES opportunities (id),
    date        TEXT    NOT NULL,
    stage       TEXT    NOT NULL,
    gaps        TEXT    NOT NULL DEFAULT '[]',
    seq         INTEGER NOT NULL,
    created_at  TEXT    NOT NULL
  );
  CREATE INDEX opp_reviews_by_opp ON opp_reviews (opp, seq);

  ALTER TABLE entries ADD COLUMN opp INTEGER REFERENCES opportunities (id);
  CREATE INDEX entries_by_opp ON entries (opp) WHERE opp IS NOT NULL;
  ALTER TABLE commitments ADD COLUMN opp INTEGER REFERENCES opportunities (id);
  ALTER TABLE commitments ADD COLUMN review INTEGER REFERENCES opp_reviews (id);
  CREATE INDEX commitments_by_opp ON commitments (opp) WHERE opp IS NOT NULL;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
