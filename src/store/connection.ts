/**
 * Opening the data file: location, permissions, pragmas, the application_id
 * check and migrations. Every other store module receives an open `Db`.
 */
import Database from "better-sqlite3";
import { type Stats, accessSync, chmodSync, constants, existsSync, linkSync, lstatSync, mkdirSync, readlinkSync, renameSync, rmSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { failure, usageError } from "../domain/errors.js";
import { MIGRATIONS, SCHEMA_VERSION } from "./migrations.js";
import { describeSqliteError } from "./sqlite-errors.js";

export type Db = Database.Database;

// better-sqlite3 reads this once, when its addon loads: it lets openForRead use
// a `file:…?immutable=1` URI for a database in a read-only folder.
process.env.SQLITE_USE_URI ??= "1";

/** 'acct' in ASCII: marks the file as ours so another program's SQLite file is refused. */
export const APPLICATION_ID = 0x61636374;
export const BUSY_TIMEOUT_MS = 5000;

/**
 * Where the data file lives, as one absolute path: `--db`, else `ACCT_DB`,
 * else the XDG data folder. The name is taken exactly as given (spaces
 * included); an empty `--db` is an error, an empty `ACCT_DB` means unset.
 */
export function resolveDbPath(flag: string | undefined, env: NodeJS.ProcessEnv, home: string): string {
  if (flag !== undefined) {
    if (flag === "") throw usageError("--db needs a file name", "give a path, e.g. --db ~/acct.db, or leave --db out for the default file");
    return resolve(flag);
  }
  if (env.ACCT_DB) return resolve(env.ACCT_DB);
  const xdg = env.XDG_DATA_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(home, ".local", "share");
  return resolve(base, "acct", "acct.db");
}

/**
 * The name SQLite is given for `path`: a `file:` URI, percent-encoded, so
 * that exactly this file is opened. A plain name would be trimmed by
 * better-sqlite3, and `:memory:` or `file:…` would mean something else.
 */
function sqliteName(path: string, query = ""): string {
  return `${pathToFileURL(path).href}${query}`;
}

/**
 * Whether the data file exists, refusing (exit 2) what cannot be one: a
 * folder, a FIFO or device, a dangling symbolic link, a loop of them.
 */
function dataFileExists(path: string): boolean {
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ELOOP") throw usageError(`${path} is a loop of symbolic links`, "point --db at a real file");
    if (code === "ENOTDIR") throw usageError(`${path} is inside something that is not a folder`, "point --db at a file in a folder");
    if (code !== "ENOENT") throw failure(`cannot read ${path}: ${code ?? (error as Error).message}`);
    let link = false;
    try {
      link = lstatSync(path).isSymbolicLink();
    } catch {
      // nothing there at all
    }
    if (link) throw usageError(`${path} is a symbolic link to ${readlinkSync(path)}, which does not exist`, "fix or remove the link, or point --db elsewhere");
    return false;
  }
  if (stats.isDirectory()) throw usageError(`${path} is a folder, not a data file`, `point --db at a file, e.g. --db ${join(path, "acct.db")}`);
  if (!stats.isFile()) throw usageError(`${path} is not a regular file (a FIFO, socket or device)`, "point --db at a file");
  return true;
}

function construct(path: string, options: Database.Options, query = ""): Db {
  try {
    return new Database(path === ":memory:" ? path : sqliteName(path, query), { timeout: BUSY_TIMEOUT_MS, ...options });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (
      /NODE_MODULE_VERSION|bindings file|ERR_DLOPEN|invalid ELF|was compiled against/i.test(message) ||
      (error as { code?: string }).code === "ERR_DLOPEN_FAILED"
    ) {
      throw failure(
        "the SQLite module (better-sqlite3) could not be loaded for this Node.js",
        "reinstall acct with the Node.js you run it on (npm install -g acct)",
      );
    }
    throw describeSqliteError(error, path);
  }
}

/** An empty database in memory, for checking a restore without touching the data file. */
export function openMemory(): Db {
  return construct(":memory:", {});
}

/** Refuses files that are not ours or are newer than this program. */
function checkIdentity(db: Db, path: string): void {
  const appId = db.pragma("application_id", { simple: true }) as number;
  const version = db.pragma("user_version", { simple: true }) as number;
  if (appId !== APPLICATION_ID) {
    throw failure(`${path} is not an acct database (it belongs to another program)`, "point --db at an acct file, or at a new path to start one");
  }
  if (version > SCHEMA_VERSION) {
    throw failure(`${path} was written by a newer acct (schema ${version}; this version knows ${SCHEMA_VERSION})`, "upgrade acct to use this file");
  }
}

function applyPragmas(db: Db, writable: boolean): void {
  if (writable) db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
}

/**
 * Before an existing file is upgraded, a consistent copy of it is written
 * next to it (`acct.db.v1-backup`), so a failed or unwanted upgrade loses
 * nothing. VACUUM INTO is SQLite's own snapshot copy and, unlike the online
 * backup API, runs synchronously here.
 */
function backupBeforeUpgrade(db: Db, path: string, version: number): string {
  let target = `${path}.v${version}-backup`;
  for (let n = 2; existsSync(target); n++) target = `${path}.v${version}-backup-${n}`;
  db.prepare("VACUUM INTO ?").run(target);
  return target;
}

function migrate(db: Db, fresh: boolean): void {
  db.transaction(() => {
    const version = db.pragma("user_version", { simple: true }) as number;
    if (fresh) db.pragma(`application_id = ${APPLICATION_ID}`);
    for (let v = version; v < SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v] as string);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

/**
 * Opens the file for reading. Returns null when it does not exist: read-only
 * commands never create it. A file from an older acct is upgraded first when
 * it can be written; on a read-only file or folder it is read as it is.
 */
export function openForRead(path: string): Db | null {
  if (!dataFileExists(path)) return null;
  refuseEmpty(path);
  const db = openReadOnly(path);
  try {
    checkIdentity(db, path);
    applyPragmas(db, false);
    const version = db.pragma("user_version", { simple: true }) as number;
    if (version < SCHEMA_VERSION && isWritable(path)) {
      db.close();
      return openForWrite(path);
    }
    return db;
  } catch (error) {
    if (db.open) db.close();
    throw describeSqliteError(error, path);
  }
}

/**
 * A read-only connection. A WAL database in a folder we cannot write fails to
 * open normally (SQLite wants to create its -shm file there); when no -wal
 * file holds unsaved pages, the file alone is the whole database, so it is
 * opened as immutable instead. So is a file we may not write: SQLite would
 * leave behind a -shm file as read-only as the database, and every later
 * write would fail on it after the file was made writable again.
 */
function openReadOnly(path: string): Db {
  const wal = `${path}-wal`;
  const shm = `${path}-shm`;
  const unsavedPages = existsSync(wal) && statSync(wal).size > 0;
  if (!unsavedPages && !canWrite(path)) return construct(path, { readonly: true, fileMustExist: true }, "?immutable=1");
  const shmExisted = existsSync(shm);
  const db = construct(path, { readonly: true, fileMustExist: true });
  try {
    db.pragma("user_version", { simple: true });
    // A -shm file made here takes the database's mode; owner-writable, it cannot block a later write.
    if (!shmExisted) chmodQuietly(shm, 0o600);
    return db;
  } catch (error) {
    db.close();
    const code = (error as { code?: string }).code ?? "";
    if (!/^SQLITE_(READONLY|CANTOPEN)/.test(code) || unsavedPages) throw describeSqliteError(error, path);
    return construct(path, { readonly: true, fileMustExist: true }, "?immutable=1");
  }
}

function canWrite(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function chmodQuietly(path: string, mode: number): void {
  try {
    chmodSync(path, mode);
  } catch {
    // Not ours to change, or a filesystem without modes: nothing more to do.
  }
}

function isWritable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    accessSync(dirname(path), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Opens the file for writing, creating it (0600, folder 0700) and its schema if needed. */
export function openForWrite(path: string): Db {
  if (!dataFileExists(path)) createDatabase(path);
  refuseEmpty(path);
  const db = construct(path, { fileMustExist: true });
  try {
    // Identity first: a foreign file must not even be switched to WAL.
    checkIdentity(db, path);
    applyPragmas(db, true);
    const version = db.pragma("user_version", { simple: true }) as number;
    if (version < SCHEMA_VERSION) {
      backupBeforeUpgrade(db, path, version);
      migrate(db, false);
    }
    return db;
  } catch (error) {
    if (db.open) db.close();
    throw describeSqliteError(error, path);
  }
}

/**
 * Makes a new data file whole (schema, application_id, WAL) under a temporary
 * name, then links it into place in one step. Several processes logging into
 * a file that does not exist yet thus never see a half-made one: the first
 * link wins and the others open the winner's file.
 */
function createDatabase(path: string): void {
  const folder = dirname(path);
  try {
    if (!existsSync(folder)) mkdirSync(folder, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw failure(`cannot create the folder ${folder}: ${(error as Error).message}`);
  }
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw failure(`cannot create ${path}: the folder ${folder} is read-only`, "point --db at a folder you can write, or make this one writable");
  }
  const temporary = join(folder, `.${basename(path)}.${process.pid}.new`);
  const mask = process.umask(0o077);
  let db: Db;
  try {
    db = construct(temporary, { fileMustExist: false });
  } finally {
    process.umask(mask);
  }
  try {
    chmodQuietly(temporary, 0o600);
    applyPragmas(db, true);
    migrate(db, true);
    db.close(); // checkpoints the WAL into the file, so the file alone is complete
    try {
      linkSync(temporary, path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // EEXIST: another process created it first; use theirs. Without hard links, a rename.
      if (code !== "EEXIST" && !existsSync(path)) renameSync(temporary, path);
    }
  } catch (error) {
    throw describeSqliteError(error, path);
  } finally {
    if (db.open) db.close();
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${temporary}${suffix}`, { force: true });
  }
}

function refuseEmpty(path: string): void {
  if (statSync(path).size === 0) {
    throw failure(`${path} is an empty file, not an acct database`, "remove it, or point --db at another path");
  }
}

/** Runs `fn` as one BEGIN IMMEDIATE transaction: concurrent writers wait instead of failing. */
export function inWriteTransaction<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate();
}

/**
 * Opens an existing acct file read-only exactly as it is: no upgrade, no
 * pragma that writes. For `acct check` and `acct backup`, which must be able
 * to look at any acct file, including one this version would upgrade.
 */
export function openAsIs(path: string): Db {
  if (!dataFileExists(path)) throw failure(`no acct database at ${path}`, "check --db, ACCT_DB or XDG_DATA_HOME");
  refuseEmpty(path);
  const db = openReadOnly(path);
  try {
    checkIdentity(db, path);
    return db;
  } catch (error) {
    if (db.open) db.close();
    throw describeSqliteError(error, path);
  }
}

const schemas = new WeakMap<Db, number>();

/**
 * The schema version of an open file (its `user_version`), read once. A file
 * opened read-only is not upgraded: the reads of later tables and columns ask
 * this first.
 */
export function schemaOf(db: Db): number {
  let version = schemas.get(db);
  if (version === undefined) {
    version = db.pragma("user_version", { simple: true }) as number;
    schemas.set(db, version);
  }
  return version;
}
