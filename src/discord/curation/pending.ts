/**
 * Changes a moderator has previewed but not yet confirmed. Nothing is written before Confirm, and
 * a preview is too big for a button's custom_id, so it waits here under a random nonce that the
 * Confirm and Cancel buttons carry. Entries expire (`PENDING_OPTIONS.ttlMs`) and do not survive a
 * restart; a button whose entry is gone says so politely. Confirm takes the entry out, so a
 * double click cannot apply a change twice. (Pure apart from the clock and the random nonce.)
 */
import { randomBytes } from 'node:crypto';
import type { ArticleInput } from '../../core/new-article.ts';
import { err, ok, type Result } from '../../core/result.ts';

/** What a preview stands for: an article to write (new, or replacing `replaceId`), or one to remove. */
export type PendingChange =
  | { readonly kind: 'write'; readonly input: ArticleInput; readonly replaceId?: string | undefined }
  | { readonly kind: 'remove'; readonly articleId: string };

/** Who asked for the preview; only they may confirm or cancel it. */
export type PendingOwner = { readonly userId: string | undefined; readonly guildId: string | undefined };

export type PendingProblem = { readonly code: 'preview-expired' } | { readonly code: 'preview-not-yours' };

/** How long previews wait, and how many may wait at once. */
export type PendingOptions = {
  /** A preview's life; Discord's interaction tokens last 15 minutes too. */
  readonly ttlMs: number;
  /** The oldest previews are dropped beyond this many, so memory stays bounded. */
  readonly maxEntries: number;
};

export const PENDING_OPTIONS: PendingOptions = { ttlMs: 15 * 60 * 1000, maxEntries: 100 };

type Entry = { readonly change: PendingChange; readonly owner: PendingOwner; readonly expiresAt: number };

export class PendingChanges {
  private readonly entries = new Map<string, Entry>();
  readonly options: PendingOptions;

  constructor(
    options: Partial<PendingOptions> = {},
    private readonly now: () => number = Date.now,
  ) {
    this.options = { ...PENDING_OPTIONS, ...options };
  }

  /** Keeps a change until it is confirmed, cancelled or expired; returns the nonce for its buttons. */
  put(change: PendingChange, owner: PendingOwner): string {
    this.sweep();
    while (this.entries.size >= this.options.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    const nonce = randomBytes(16).toString('base64url');
    this.entries.set(nonce, { change, owner, expiresAt: this.now() + this.options.ttlMs });
    return nonce;
  }

  /** Takes a change out for its owner (Confirm, Cancel); someone else's is left where it is. */
  take(nonce: string, owner: PendingOwner): Result<PendingChange, PendingProblem> {
    this.sweep();
    const entry = this.entries.get(nonce);
    if (!entry) return err({ code: 'preview-expired' });
    if (entry.owner.userId !== owner.userId || entry.owner.guildId !== owner.guildId) return err({ code: 'preview-not-yours' });
    this.entries.delete(nonce);
    return ok(entry.change);
  }

  /** Whether a waiting change belongs to someone else (a missing one belongs to nobody: it expired). */
  belongsToSomeoneElse(nonce: string, owner: PendingOwner): boolean {
    const entry = this.entries.get(nonce);
    return entry !== undefined && (entry.owner.userId !== owner.userId || entry.owner.guildId !== owner.guildId);
  }

  /** How many previews are waiting (tests). */
  get size(): number {
    this.sweep();
    return this.entries.size;
  }

  private sweep(): void {
    const now = this.now();
    for (const [nonce, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(nonce);
  }
}
