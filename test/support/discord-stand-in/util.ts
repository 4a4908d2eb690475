/**
 * Small helpers shared by the Discord stand-in: snowflakes, tokens, route
 * patterns and a "wait until something shows up" primitive.
 */
import { randomBytes } from 'node:crypto';

/** Discord's epoch (2015-01-01T00:00:00.000Z) in ms. */
const DISCORD_EPOCH = 1_420_070_400_000n;

let increment = 0n;
let lastTimestamp = 0n;

/**
 * A real-looking snowflake (timestamp << 22 | worker << 17 | process << 12 | increment),
 * always returned as a string, strictly increasing within the process.
 */
export function snowflake(at: number = Date.now()): string {
  let ts = BigInt(at) - DISCORD_EPOCH;
  if (ts < lastTimestamp) ts = lastTimestamp;
  if (ts === lastTimestamp) {
    increment = (increment + 1n) & 0xfffn;
    if (increment === 0n) ts += 1n;
  } else {
    increment = 0n;
  }
  lastTimestamp = ts;
  const worker = 1n;
  const proc = 0n;
  return ((ts << 22n) | (worker << 17n) | (proc << 12n) | increment).toString();
}

/** Random URL-safe token, like an interaction token. */
export function randomToken(bytes = 96): string {
  return randomBytes(bytes).toString('base64url');
}

/** 32 hex chars, like a gateway session_id. */
export function randomSessionId(): string {
  return randomBytes(16).toString('hex');
}

/** A fake bot token in Discord's three-part format: base64(user id).timestamp.hmac. */
export function fakeBotToken(userId: string): string {
  const first = Buffer.from(userId).toString('base64url');
  const second = randomBytes(4).toString('base64url');
  const third = randomBytes(27).toString('base64url');
  return `${first}.${second}.${third}`;
}

/** ISO timestamp with microseconds + offset, like Discord sends. */
export function isoTimestamp(at: number = Date.now()): string {
  return new Date(at).toISOString().replace('Z', '000+00:00');
}

/**
 * A route pattern: a RegExp, or a string template where `:name` matches one
 * path segment (e.g. '/interactions/:id/:token/callback'). Templates match the
 * whole route (the path below /api/v10, without the query string).
 */
export type RoutePattern = string | RegExp;

export function routeMatches(pattern: RoutePattern, route: string): boolean {
  if (pattern instanceof RegExp) return pattern.test(route);
  const source = pattern
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}$`).test(route);
}

/** Deep-ish clone for JSON data so recorded payloads can't be mutated by callers. */
export function cloneJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

interface PendingWait {
  check: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * Lets callers wait for a condition over state that only changes when the
 * stand-in calls `notify()`. The check runs immediately, and again after
 * every notify; the first non-undefined result resolves the wait.
 */
export class Waiters {
  #pending = new Set<PendingWait>();
  #closed = false;

  waitFor<T>(check: () => T | undefined, timeoutMs: number, description: string): Promise<T> {
    const first = check();
    if (first !== undefined) return Promise.resolve(first);
    if (this.#closed) return Promise.reject(new Error(`Discord stand-in is closed (waiting for ${description})`));
    return new Promise<T>((resolve, reject) => {
      const entry: PendingWait = {
        check,
        resolve: resolve as (value: unknown) => void,
        reject,
        timer: setTimeout(() => {
          this.#pending.delete(entry);
          reject(new Error(`Discord stand-in: timed out after ${timeoutMs} ms waiting for ${description}`));
        }, timeoutMs),
      };
      this.#pending.add(entry);
    });
  }

  notify(): void {
    for (const entry of [...this.#pending]) {
      let result: unknown;
      try {
        result = entry.check();
      } catch (error) {
        this.#finish(entry);
        entry.reject(error instanceof Error ? error : new Error(String(error)));
        continue;
      }
      if (result !== undefined) {
        this.#finish(entry);
        entry.resolve(result);
      }
    }
  }

  close(): void {
    this.#closed = true;
    for (const entry of [...this.#pending]) {
      this.#finish(entry);
      entry.reject(new Error('Discord stand-in was closed while a wait was pending'));
    }
  }

  #finish(entry: PendingWait): void {
    clearTimeout(entry.timer);
    this.#pending.delete(entry);
  }
}
