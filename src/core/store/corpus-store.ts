import { z } from 'zod';
import type { Article } from '../article.ts';
import type { LoadedCorpus } from '../read-corpus.ts';
import type { Result } from '../result.ts';

/** Who made a change: a Discord member (guild and user) or an operator at the command line. */
export const ActorSchema = z.object({
  guildId: z.string().optional(),
  userId: z.string().optional(),
  userName: z.string(),
});
export type Actor = z.infer<typeof ActorSchema>;

/** What the audit log records: changes, their undoing, and reloads after edits outside Verbatim. */
export const CHANGE_ACTIONS = ['add', 'update', 'remove', 'synonyms', 'undo', 'reload'] as const;

/** One line of the audit log: who changed what, when, and the content before and after (by hash). */
export const AuditEntrySchema = z.object({
  seq: z.number().int().positive(),
  time: z.string(),
  guildId: z.string().optional(),
  userId: z.string().optional(),
  userName: z.string(),
  action: z.enum(CHANGE_ACTIONS),
  /** The article changed; absent for a synonyms change. */
  articleId: z.string().optional(),
  /** SHA-256 of the file after the change (absent when it was deleted). */
  contentHash: z.string().optional(),
  /** SHA-256 of the file before the change (absent when it was created). */
  previousHash: z.string().optional(),
  /** For an undo: the seq of the change it reverted. */
  undoes: z.number().int().positive().optional(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export type StoreError =
  | { code: 'not-found'; message: string }
  | { code: 'nothing-to-undo'; message: string }
  | { code: 'version-missing'; message: string }
  | { code: 'busy'; message: string };

/** What a change did, so the index can follow it without a rebuild. */
export type StoreChange =
  | { kind: 'article-written'; article: Article; entry: AuditEntry }
  | { kind: 'article-removed'; articleId: string; entry: AuditEntry }
  | { kind: 'synonyms-written'; groups: string[][]; entry: AuditEntry };

/**
 * Where the corpus lives. The file store is the embedded default; a database-backed store for
 * deployments on several machines implements the same interface, and nothing above it changes.
 * Every method that changes the corpus is atomic, serialized with other writers, and audited.
 */
export interface CorpusStore {
  /** A human description of where the corpus lives (a directory, a database…). */
  readonly location: string;
  /** Reads every article and the synonyms; bad articles are reported, not fatal. */
  load(): Promise<LoadedCorpus>;
  /** Creates or replaces an article. */
  writeArticle(article: Article, actor: Actor): Promise<Result<StoreChange, StoreError>>;
  removeArticle(articleId: string, actor: Actor): Promise<Result<StoreChange, StoreError>>;
  writeSynonyms(groups: string[][], actor: Actor): Promise<Result<StoreChange, StoreError>>;
  /** Records that the corpus was re-read after edits outside Verbatim (by hand, by git). */
  recordReload(actor: Actor): Promise<AuditEntry>;
  /** Reverts the latest change that has not been reverted yet. */
  undo(actor: Actor): Promise<Result<StoreChange, StoreError>>;
  /** The audit log, newest first. */
  history(limit?: number): Promise<AuditEntry[]>;
}
