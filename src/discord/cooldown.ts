/** Per-user cooldowns, in memory (a restart forgets them, which is harmless). (Pure.) */

/** Entries are pruned once there are this many, so the map cannot grow without bound. */
const PRUNE_AT = 1000;

export type CooldownResult = { readonly ok: true } | { readonly ok: false; readonly retryAfterMs: number };

export class Cooldown {
  private readonly until = new Map<string, number>();

  /** `ms`: how long a user waits between two uses; 0 turns the cooldown off. */
  constructor(
    readonly ms: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts the user's cooldown, or says how long is left of it. */
  take(userId: string): CooldownResult {
    if (this.ms <= 0) return { ok: true };
    const now = this.now();
    const until = this.until.get(userId) ?? 0;
    if (until > now) return { ok: false, retryAfterMs: until - now };
    if (this.until.size >= PRUNE_AT) for (const [user, time] of this.until) if (time <= now) this.until.delete(user);
    this.until.set(userId, now + this.ms);
    return { ok: true };
  }
}
