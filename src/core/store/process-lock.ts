import { randomBytes } from 'node:crypto';
import { linkSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

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

/**
 * Creates the lock file with its content in one step: the content goes to a file of our own, which
 * is then hard-linked to `path` (fails if `path` exists). Opening `path` and then writing to it would
 * leave an empty lock file, one that names no holder and so can never be taken over, if the process
 * died between the two.
 */
function tryCreateLock(path: string, token: string): boolean {
  const own = `${path}.${process.pid}.${token}.new`;
  writeFileSync(own, `${process.pid} ${token}\n`, { flag: 'wx' });
  try {
    linkSync(own, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(own);
  }
}

/** Removes the working files of writers that died between writing theirs and linking it. */
function sweepDeadWorkingFiles(path: string): void {
  const prefix = `${basename(path)}.`;
  for (const name of readdirSync(dirname(path))) {
    const pid = name.startsWith(prefix) && name.endsWith('.new') ? Number(name.slice(prefix.length).split('.')[0]) : NaN;
    if (Number.isInteger(pid) && pid !== process.pid && !isRunning(pid)) {
      try {
        unlinkSync(join(dirname(path), name));
      } catch {
        // Another writer swept it first.
      }
    }
  }
}

/** A lock file that names no holder is left from before this format or by hand; after a while, it is stale. */
const UNNAMED_HOLDER_STALE_MS = 30_000;

function isUnnamedAndStale(path: string): boolean {
  try {
    return Date.now() - statSync(path).mtimeMs > UNNAMED_HOLDER_STALE_MS;
  } catch {
    return false;
  }
}

/** Takes the lock at `path`, waiting up to `timeoutMs` for a running holder to let go. */
export async function acquireLock(path: string, timeoutMs = 10_000): Promise<Release> {
  const token = randomBytes(8).toString('hex');
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    if (tryCreateLock(path, token)) {
      sweepDeadWorkingFiles(path);
      return () => {
        if (readHolder(path)?.token === token) unlinkSync(path);
      };
    }
    const holder = readHolder(path);
    if (!holder && isUnnamedAndStale(path)) {
      try {
        unlinkSync(path);
      } catch {
        // Someone else removed it first.
      }
      continue;
    }
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
