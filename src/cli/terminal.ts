/**
 * Standard output and the terminal checks, without Node's stream machinery
 * where it is not needed: piped or redirected output, as in scripts and cron.
 * process.stdout on a pipe builds a socket, and the `tty` module loads `net`
 * and `stream`: together about 3 ms of every run, for output that one
 * synchronous write can carry.
 */
import { fstatSync, writeSync } from "node:fs";
import { requirePackage } from "../packages.js";
import type { Stream } from "./context.js";

/** Whether `fd` is a terminal. Only a character device can be one, and checking that needs no `tty` module. */
export function isTerminal(fd: number): boolean {
  try {
    if (!fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  return requirePackage<typeof import("node:tty")>("node:tty").isatty(fd);
}

/**
 * stdout. On a terminal, process.stdout (it knows the terminal, the Windows
 * console's code page included); otherwise writeSync. A pipe left
 * non-blocking (EAGAIN) hands the rest to process.stdout, which waits for it.
 * Once the reader has gone (EPIPE, `acct log list | head`) the rest of the
 * output is dropped, but the command still runs to its end: one that prints
 * before it saves (audit --reflect, block suggest --accept) still saves.
 */
export function standardOutput(): Stream {
  const terminal = isTerminal(1);
  let broken = false;
  let stream: NodeJS.WriteStream | undefined;
  const toStream = () => {
    stream = process.stdout;
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") throw error;
      broken = true;
    });
    return stream;
  };
  if (terminal) toStream();
  return {
    isTTY: terminal,
    get columns() {
      return terminal ? process.stdout.columns : undefined;
    },
    write(text: string) {
      if (broken) return true;
      if (stream) return stream.write(text);
      const bytes = Buffer.from(text);
      let done = 0;
      try {
        while (done < bytes.length) done += writeSync(1, bytes, done);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "EPIPE") {
          broken = true;
          return true;
        }
        if (code !== "EAGAIN") throw error;
        return toStream().write(bytes.subarray(done));
      }
      return true;
    },
  };
}

/** stderr, made on first use: most runs write nothing there. */
export function standardError(): Stream {
  let terminal: boolean | undefined;
  return {
    get isTTY() {
      return (terminal ??= isTerminal(2));
    },
    write: (text: string) => process.stderr.write(text),
  };
}
