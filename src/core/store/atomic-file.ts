import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file so that a crash at any instant leaves either the old file or the new one, never a
 * part: the content goes to a temporary file in the same directory, is flushed to disk, renamed over
 * the target (atomic on POSIX file systems), and the directory entry itself is flushed.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const dir = dirname(path);
  const temporary = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(temporary, 'wx', 0o644);
  try {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    unlinkSync(temporary);
    throw error;
  }
  closeSync(fd);
  renameSync(temporary, path);
  fsyncDirectory(dir);
}

/** Deletes a file and flushes the directory entry, so the deletion survives a crash. */
export function unlinkDurable(path: string): void {
  unlinkSync(path);
  fsyncDirectory(dirname(path));
}

/** Appends one line (with its newline) in a single write and flushes it. */
export function appendLineDurable(path: string, line: string): void {
  const fd = openSync(path, 'a', 0o644);
  try {
    writeSync(fd, `${line}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fsyncDirectory(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
