import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ArticleIdSchema, type Article } from '../article.ts';
import { ARTICLE_FILE_EXTENSION, parseArticleFile, serializeArticle } from '../corpus-format.ts';
import { loadCorpus, type LoadedCorpus } from '../read-corpus.ts';
import { err, ok, type Result } from '../result.ts';
import { parseSynonymLines, serializeSynonyms, SYNONYMS_FILE } from '../synonyms-file.ts';
import { appendLineDurable, unlinkDurable, writeFileAtomic } from './atomic-file.ts';
import { acquireLock, LockBusyError } from './process-lock.ts';
import { AuditEntrySchema, type Actor, type AuditEntry, type CorpusStore, type StoreChange, type StoreError } from './corpus-store.ts';

/** The store's own files live in a dot-directory the corpus loader skips. */
const META_DIR = '.verbatim';
const AUDIT_FILE = 'audit.jsonl';
const VERSIONS_DIR = 'versions';

export const contentHash = (content: string): string => createHash('sha256').update(content, 'utf8').digest('hex');

/**
 * The corpus as a directory of Markdown files (the embedded default store). Writes are atomic
 * (temporary file, fsync, rename, directory fsync), serialized within the process by a queue and
 * across processes by a lock file, and every change is appended to `.verbatim/audit.jsonl`. Every
 * version written or replaced is kept by hash in `.verbatim/versions/`, which is what undo restores.
 */
export class FileCorpusStore implements CorpusStore {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly metaDir: string;

  constructor(readonly dir: string) {
    this.metaDir = join(dir, META_DIR);
  }

  get location(): string {
    return this.dir;
  }

  async load(): Promise<LoadedCorpus> {
    return loadCorpus(this.dir);
  }

  writeArticle(article: Article, actor: Actor): Promise<Result<StoreChange, StoreError>> {
    return this.serialized<StoreChange>(() => {
      const id = ArticleIdSchema.parse(article.id);
      const path = this.articlePath(id);
      const previous = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
      const content = serializeArticle(article);
      this.keepVersion(content);
      if (previous !== undefined) this.keepVersion(previous);
      writeFileAtomic(path, content);
      const entry = this.audit(actor, previous === undefined ? 'add' : 'update', { articleId: id, contentHash: contentHash(content), ...(previous !== undefined ? { previousHash: contentHash(previous) } : {}) });
      return ok({ kind: 'article-written', article: this.readArticle(id, content), entry });
    });
  }

  removeArticle(articleId: string, actor: Actor): Promise<Result<StoreChange, StoreError>> {
    const id = ArticleIdSchema.safeParse(articleId);
    const path = id.success ? this.articlePath(id.data) : undefined;
    const notFound = err({ code: 'not-found' as const, message: `There is no article with the id "${articleId}".` });
    // Refused before taking the lock, so a refusal leaves no trace at all.
    if (!path || !existsSync(path)) return Promise.resolve(notFound);
    return this.serialized<StoreChange>(() => {
      if (!existsSync(path)) return notFound;
      const previous = readFileSync(path, 'utf8');
      this.keepVersion(previous);
      unlinkDurable(path);
      const entry = this.audit(actor, 'remove', { articleId, previousHash: contentHash(previous) });
      return ok({ kind: 'article-removed', articleId, entry });
    });
  }

  writeSynonyms(groups: string[][], actor: Actor): Promise<Result<StoreChange, StoreError>> {
    return this.serialized<StoreChange>(() => {
      const path = join(this.dir, SYNONYMS_FILE);
      const previous = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
      const content = serializeSynonyms(groups);
      this.keepVersion(content);
      if (previous !== undefined) this.keepVersion(previous);
      writeFileAtomic(path, content);
      const entry = this.audit(actor, 'synonyms', { contentHash: contentHash(content), ...(previous !== undefined ? { previousHash: contentHash(previous) } : {}) });
      return ok({ kind: 'synonyms-written', groups, entry });
    });
  }

  undo(actor: Actor): Promise<Result<StoreChange, StoreError>> {
    if (!existsSync(join(this.metaDir, AUDIT_FILE))) return Promise.resolve(err({ code: 'nothing-to-undo', message: 'There is no change left to undo.' }));
    return this.serialized<StoreChange>(() => {
      const entries = this.readAudit();
      const undone = new Set(entries.flatMap((e) => (e.undoes !== undefined ? [e.undoes] : [])));
      const target = [...entries].reverse().find((e) => e.action !== 'undo' && e.action !== 'reload' && !undone.has(e.seq));
      if (!target) return err({ code: 'nothing-to-undo', message: 'There is no change left to undo.' });
      const previous = target.previousHash === undefined ? undefined : this.readVersion(target.previousHash);
      if (target.previousHash !== undefined && previous === undefined) {
        return err({ code: 'version-missing', message: `The earlier version of change #${target.seq} is no longer kept, so it cannot be undone.` });
      }
      const base = { undoes: target.seq, ...(target.contentHash !== undefined ? { previousHash: target.contentHash } : {}) };
      if (target.action === 'synonyms') {
        const path = join(this.dir, SYNONYMS_FILE);
        if (previous === undefined) {
          if (existsSync(path)) unlinkDurable(path);
        } else writeFileAtomic(path, previous);
        const entry = this.audit(actor, 'undo', { ...base, ...(previous !== undefined ? { contentHash: contentHash(previous) } : {}) });
        return ok({ kind: 'synonyms-written', groups: previous === undefined ? [] : parseSynonymLines(previous).groups, entry });
      }
      const articleId = target.articleId as string;
      const path = this.articlePath(articleId);
      if (previous === undefined) {
        if (existsSync(path)) unlinkDurable(path);
        const entry = this.audit(actor, 'undo', { ...base, articleId });
        return ok({ kind: 'article-removed', articleId, entry });
      }
      writeFileAtomic(path, previous);
      const entry = this.audit(actor, 'undo', { ...base, articleId, contentHash: contentHash(previous) });
      return ok({ kind: 'article-written', article: this.readArticle(articleId, previous), entry });
    });
  }

  async recordReload(actor: Actor): Promise<AuditEntry> {
    const recorded = await this.serialized(() => ok(this.audit(actor, 'reload', {})));
    if (!recorded.ok) throw new Error(recorded.error.message);
    return recorded.value;
  }

  async history(limit = 50): Promise<AuditEntry[]> {
    return this.readAudit().reverse().slice(0, limit);
  }

  /** Runs a change after the ones before it in this process, holding the directory's lock file. */
  private serialized<T>(change: () => Result<T, StoreError>): Promise<Result<T, StoreError>> {
    const run = async (): Promise<Result<T, StoreError>> => {
      mkdirSync(join(this.metaDir, VERSIONS_DIR), { recursive: true });
      let release: () => void;
      try {
        release = await acquireLock(join(this.metaDir, 'write.lock'));
      } catch (error) {
        if (error instanceof LockBusyError) return err({ code: 'busy', message: error.message });
        throw error;
      }
      try {
        return change();
      } finally {
        release();
      }
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private articlePath(id: string): string {
    return join(this.dir, `${id}${ARTICLE_FILE_EXTENSION}`);
  }

  private readArticle(id: string, content: string): Article {
    const parsed = parseArticleFile(`${id}${ARTICLE_FILE_EXTENSION}`, content);
    if (!parsed.ok) throw new Error(`FileCorpusStore: wrote an article that does not parse back: ${parsed.error.map((p) => `${p.field} ${p.message}`).join('; ')}`);
    return parsed.value;
  }

  private keepVersion(content: string): void {
    const path = join(this.metaDir, VERSIONS_DIR, contentHash(content));
    if (!existsSync(path)) writeFileAtomic(path, content);
  }

  private readVersion(hash: string): string | undefined {
    const path = join(this.metaDir, VERSIONS_DIR, hash);
    return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  }

  private readAudit(): AuditEntry[] {
    const path = join(this.metaDir, AUDIT_FILE);
    if (!existsSync(path)) return [];
    const entries: AuditEntry[] = [];
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        const parsed = AuditEntrySchema.safeParse(JSON.parse(line));
        if (parsed.success) entries.push(parsed.data);
      } catch {
        // A line cut short by a crash mid-append is skipped; the lines before it stand.
      }
    }
    return entries;
  }

  private audit(actor: Actor, action: AuditEntry['action'], fields: Partial<AuditEntry>): AuditEntry {
    const entries = this.readAudit();
    const entry: AuditEntry = {
      seq: (entries[entries.length - 1]?.seq ?? 0) + 1,
      time: new Date().toISOString(),
      ...(actor.guildId !== undefined ? { guildId: actor.guildId } : {}),
      ...(actor.userId !== undefined ? { userId: actor.userId } : {}),
      userName: actor.userName,
      action,
      ...fields,
    };
    appendLineDurable(join(this.metaDir, AUDIT_FILE), JSON.stringify(entry));
    return entry;
  }
}
