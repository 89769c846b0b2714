/**
 * Standard output and the terminal checks, without Node's stream machinery
 * when it is not needed. process.stdout on a pipe builds a socket, and the
 * `tty` module loads `net` and `stream`: together about 3 ms of every run,
 * for output that one synchronous write can carry.
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
 * stdout written with writeSync. A pipe someone left non-blocking (EAGAIN)
 * hands the rest to process.stdout, which waits for it; a reader that went
 * away (EPIPE, `acct log list | head`) ends the process quietly.
 */
export function standardOutput(): Stream {
  const terminal = isTerminal(1);
  let stream: NodeJS.WriteStream | undefined;
  return {
    isTTY: terminal,
    get columns() {
      return terminal ? process.stdout.columns : undefined;
    },
    write(text: string) {
      if (stream) return stream.write(text);
      const bytes = Buffer.from(text);
      let done = 0;
      try {
        while (done < bytes.length) done += writeSync(1, bytes, done);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "EPIPE") process.exit(process.exitCode ?? 0);
        if (code !== "EAGAIN") throw error;
        stream = process.stdout;
        stream.on("error", (e: NodeJS.ErrnoException) => {
          if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
          throw e;
        });
        return stream.write(bytes.subarray(done));
      }
      return true;
    },
  };
}

/** stderr, made on first use: most runs write nothing there. */
export function standardError(): Stream {
  return { isTTY: isTerminal(2), write: (text: string) => process.stderr.write(text) };
}
