/**
 * Setup file (vitest.config.ts): each test file's temporary files go into a
 * folder of their own, removed when its tests end. Where the system has a
 * RAM-backed /dev/shm with room, the folder is there: acct commits every
 * write with synchronous=FULL, and on a disk those fsyncs took a large share
 * of the suite's time; the tests are about acct's behaviour, not the disk's.
 * Spawned acct processes inherit TMPDIR. ACCT_TEST_TMPDIR names another
 * parent folder (e.g. /tmp, to run the tests on a disk).
 */
import { chmodSync, mkdtempSync, rmSync, statfsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";

const RAM = "/dev/shm";
/** Less than this free and /dev/shm is not used (a container's default is 64 MB; a packaging test alone writes 80 MB). */
const RAM_NEEDED = 2 * 1024 ** 3;

function parentFolder(): string {
  if (process.env.ACCT_TEST_TMPDIR) return process.env.ACCT_TEST_TMPDIR;
  try {
    const { bavail, bsize } = statfsSync(RAM);
    if (bavail * bsize >= RAM_NEEDED) return RAM;
  } catch {
    // No /dev/shm: the system's temporary folder.
  }
  return tmpdir();
}

// Chosen once per worker: a worker that runs several files has TMPDIR set (and removed) by the one before.
process.env.ACCT_TEST_TMPDIR ??= parentFolder();
const folder = mkdtempSync(join(process.env.ACCT_TEST_TMPDIR, "acct-tests-"));
// Some tests run acct as another user (setpriv) on files below this folder: it must let them pass.
chmodSync(folder, 0o755);
process.env.TMPDIR = folder;

afterAll(() => {
  rmSync(folder, { recursive: true, force: true, maxRetries: 5 });
});
