/**
 * What a command needs from the outside world, read once per run: the clock,
 * the data file, where output goes and whether it may colour or prompt.
 */
import { Chalk, type ChalkInstance } from "chalk";
import type { Clock } from "./clock.js";
import { inWriteTransaction, openForRead, openForWrite, resolveDbPath, type Db } from "../store/connection.js";
import { JournalEntry } from "../store/journal.js";
import { getCurrency, getWeekStart } from "../store/settings.js";
import { describeSqliteError } from "../store/sqlite-errors.js";
import type { RenderOptions } from "../render/options.js";
import { terminalPage } from "../render/escape.js";

export interface Stream {
  write(text: string): unknown;
  isTTY?: boolean;
  /** A terminal's width. */
  columns?: number;
}

export interface Deps {
  env: NodeJS.ProcessEnv;
  clock: Clock;
  home: string;
  stdout: Stream;
  stderr: Stream;
  stdinIsTTY: boolean;
}

export interface GlobalOptions {
  db?: string;
  json?: boolean;
  color?: boolean;
}

export class Context {
  readonly clock: Clock;
  readonly json: boolean;
  readonly color: boolean;
  readonly interactive: boolean;
  readonly style: ChalkInstance;
  readonly dbPath: string;
  private readDb: Db | null | undefined;
  private writeDb: Db | undefined;
  private renderOptions: RenderOptions | undefined;

  constructor(
    readonly deps: Deps,
    options: GlobalOptions,
  ) {
    this.clock = deps.clock;
    this.json = options.json === true;
    this.color = options.color !== false && deps.stdout.isTTY === true && !("NO_COLOR" in deps.env && deps.env.NO_COLOR !== "");
    this.interactive = deps.stdout.isTTY === true && deps.stdinIsTTY;
    this.style = new Chalk({ level: this.color ? 2 : 0 });
    this.dbPath = resolveDbPath(options.db, deps.env, deps.home);
  }

  /**
   * How wide output may be: the terminal's width, else $COLUMNS when set
   * (as shells and `COLUMNS=80 acct audit | less` do), else unlimited.
   */
  get width(): number {
    const { stdout, env } = this.deps;
    if (stdout.isTTY === true && stdout.columns !== undefined && stdout.columns > 0) return stdout.columns;
    const columns = Number(env.COLUMNS);
    return Number.isInteger(columns) && columns > 0 ? columns : Number.POSITIVE_INFINITY;
  }

  get today(): string {
    return this.clock.today;
  }

  /** What every renderer is given; the settings are read from the data file once. */
  get render(): RenderOptions {
    if (!this.renderOptions) {
      const db = this.read();
      this.renderOptions = { style: this.style, currency: getCurrency(db), weekStart: getWeekStart(db), width: this.width };
    }
    return this.renderOptions;
  }

  /** The data file for reading, or null when it does not exist yet. */
  read(): Db | null {
    if (this.writeDb) return this.writeDb;
    if (this.readDb === undefined) this.readDb = openForRead(this.dbPath);
    return this.readDb;
  }

  /**
   * Runs `fn` as one BEGIN IMMEDIATE transaction on the data file (created if
   * needed) and saves what it changed as one undoable step named `summary`.
   */
  transaction<T>(summary: string | ((result: T) => string), fn: (db: Db, journal: JournalEntry) => T): T {
    if (!this.writeDb) {
      this.readDb?.close();
      this.readDb = undefined;
      this.writeDb = openForWrite(this.dbPath);
    }
    const db = this.writeDb;
    try {
      return inWriteTransaction(db, () => {
        const journal = new JournalEntry(db);
        const result = fn(db, journal);
        journal.save(typeof summary === "string" ? summary : summary(result), this.clock.stamp);
        return result;
      });
    } catch (error) {
      throw describeSqliteError(error, this.dbPath);
    }
  }

  /**
   * Prints text (a line break is added) on stdout. Renderers show the control
   * characters of what they print from the data file; behind them, no escape
   * sequence but acct's own colours reaches the terminal.
   */
  print(text: string): void {
    const page = terminalPage(text, this.color);
    this.deps.stdout.write(page.endsWith("\n") ? page : `${page}\n`);
  }

  /** Prints one JSON document on stdout. */
  printJson(value: unknown): void {
    this.deps.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }

  /** A warning or progress note on stderr (control characters shown, as `print` does). */
  note(text: string): void {
    this.deps.stderr.write(`${terminalPage(text, this.color)}\n`);
  }

  close(): void {
    this.readDb?.close();
    this.writeDb?.close();
  }
}
