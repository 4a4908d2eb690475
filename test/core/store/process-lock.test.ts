import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock, LockBusyError } from '../../../src/core/store/process-lock.ts';
import { tempDir } from '../../support/temp-dir.ts';

const lockPath = () => join(tempDir('lock'), 'write.lock');
/** The pid of a process that has already ended. */
const deadPid = (): number => Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString());

describe('acquireLock', () => {
  it('takes a free lock and frees it on release', async () => {
    const path = lockPath();
    const release = await acquireLock(path);
    expect(existsSync(path)).toBe(true);
    release();
    expect(existsSync(path)).toBe(false);
  });

  it('takes over at once a lock left by a process that no longer runs', async () => {
    const path = lockPath();
    writeFileSync(path, `${deadPid()} deadbeef\n`);
    const started = Date.now();
    const release = await acquireLock(path, 5_000);
    expect(Date.now() - started).toBeLessThan(1_000);
    release();
  });

  it('waits for a live holder and gets the lock when it lets go', async () => {
    const path = lockPath();
    const first = await acquireLock(path);
    const order: string[] = [];
    const second = acquireLock(path).then((release) => {
      order.push('second');
      release();
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    order.push('first releases');
    first();
    await second;
    expect(order).toEqual(['first releases', 'second']);
  });

  it('gives up with a busy error when a live holder keeps it past the timeout', async () => {
    const path = lockPath();
    const release = await acquireLock(path);
    await expect(acquireLock(path, 100)).rejects.toBeInstanceOf(LockBusyError);
    release();
  });

  it('never leaves a lock file without its holder, nor its own working files', async () => {
    const path = lockPath();
    const release = await acquireLock(path);
    expect(readdirSync(dirname(path))).toEqual(['write.lock']);
    release();
    expect(readdirSync(dirname(path))).toEqual([]);
  });

  it('respects a fresh lock file that names no holder, and takes over an old one', async () => {
    const path = lockPath();
    writeFileSync(path, '');
    await expect(acquireLock(path, 100)).rejects.toBeInstanceOf(LockBusyError);
    const anHourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(path, anHourAgo, anHourAgo);
    const release = await acquireLock(path, 1_000);
    expect(existsSync(path)).toBe(true);
    release();
  });
});
