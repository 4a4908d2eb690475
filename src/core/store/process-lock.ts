import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';

/**
 * A lock file for writers on one machine, that a crashed holder cannot leave behind: the file
 * names its holder's process id, and a holder that no longer runs is taken over at once. (Time-based
 * staleness, as in proper-lockfile, would make every writer wait out the timeout after a crash.)
 */
export type Release = () => void;

export class LockBusyError extends Error {
  constructor(readonly path: string, readonly holderPid: number) {
    super(`The corpus is being changed by another process (pid ${holderPid}); try again in a moment.`);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The holder's pid and token, or undefined when the file is gone or not yet written. */
function readHolder(path: string): { pid: number; token: string } | undefined {
  try {
    const [pid, token] = readFileSync(path, 'utf8').trim().split(' ');
    return pid && token ? { pid: Number(pid), token } : undefined;
  } catch {
    return undefined;
  }
}

/** Takes the lock at `path`, waiting up to `timeoutMs` for a running holder to let go. */
export async function acquireLock(path: string, timeoutMs = 10_000): Promise<Release> {
  const token = randomBytes(8).toString('hex');
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      try {
        writeSync(fd, `${process.pid} ${token}\n`);
      } finally {
        closeSync(fd);
      }
      return () => {
        if (readHolder(path)?.token === token) unlinkSync(path);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(path);
    if (holder && !isRunning(holder.pid)) {
      // Take the dead holder's file aside atomically; only one taker can win the rename.
      const aside = `${path}.${token}.dead`;
      try {
        renameSync(path, aside);
        const taken = readHolder(aside);
        if (taken?.token === holder.token) unlinkSync(aside);
        else renameSync(aside, path); // a live holder got in between: give it back
      } catch {
        // Someone else took it aside first; try again.
      }
      continue;
    }
    if (Date.now() > deadline) throw new LockBusyError(path, holder?.pid ?? 0);
    await sleep(Math.min(5 + attempt * 5, 50));
  }
}
