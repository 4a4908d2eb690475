import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/core/load-corpus.ts';
import { FileCorpusStore } from '../../../src/core/store/file-corpus-store.ts';
import { article } from '../../support/fixtures.ts';
import { tempDir } from '../../support/temp-dir.ts';

const actor = { guildId: 'g1', userId: 'u1', userName: 'mod' };
const freshStore = () => new FileCorpusStore(tempDir('store'));
const first = article('first', 'First story', 'The first story has a paragraph long enough to be a passage of its own in the index.\n');

describe('FileCorpusStore', () => {
  it('writes an article in the corpus format and audits the change', async () => {
    const store = freshStore();
    const written = await store.writeArticle(first, actor);
    expect(written.ok && written.value.kind).toBe('article-written');
    expect(loadCorpus(store.dir).articles).toEqual([first]);
    const [entry] = await store.history();
    expect(entry).toMatchObject({ seq: 1, action: 'add', articleId: 'first', guildId: 'g1', userId: 'u1', userName: 'mod' });
    expect(entry?.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(entry?.previousHash).toBeUndefined();
  });

  it('records an update with the hash of the version it replaced', async () => {
    const store = freshStore();
    await store.writeArticle(first, actor);
    await store.writeArticle({ ...first, title: 'First story, updated' }, actor);
    const [update, add] = await store.history();
    expect(update).toMatchObject({ seq: 2, action: 'update', previousHash: add?.contentHash });
  });

  it('refuses to remove an article that does not exist, or an id that walks a path', async () => {
    const store = freshStore();
    for (const id of ['missing', '../etc/passwd', 'a/b']) {
      const removed = await store.removeArticle(id, actor);
      expect(removed.ok ? 'ok' : removed.error.code).toBe('not-found');
    }
    expect(await store.history()).toEqual([]);
  });

  it('undoes changes one after another: remove, update, add', async () => {
    const store = freshStore();
    await store.writeArticle(first, actor);
    await store.writeArticle({ ...first, title: 'Renamed' }, actor);
    await store.removeArticle('first', actor);
    expect(loadCorpus(store.dir).articles).toEqual([]);

    const undoRemove = await store.undo(actor);
    expect(undoRemove.ok && undoRemove.value.kind).toBe('article-written');
    expect(loadCorpus(store.dir).articles.map((a) => a.title)).toEqual(['Renamed']);

    await store.undo(actor);
    expect(loadCorpus(store.dir).articles.map((a) => a.title)).toEqual(['First story']);

    const undoAdd = await store.undo(actor);
    expect(undoAdd.ok && undoAdd.value.kind).toBe('article-removed');
    expect(loadCorpus(store.dir).articles).toEqual([]);

    const nothing = await store.undo(actor);
    expect(nothing.ok ? 'ok' : nothing.error.code).toBe('nothing-to-undo');
    expect((await store.history()).map((e) => e.action)).toEqual(['undo', 'undo', 'undo', 'remove', 'update', 'add']);
  });

  it('records a reload in the audit log, and undo passes over it to the last change', async () => {
    const store = freshStore();
    await store.writeArticle(first, actor);
    const reload = await store.recordReload(actor);
    expect(reload).toMatchObject({ seq: 2, action: 'reload', userName: 'mod' });
    const undone = await store.undo(actor);
    expect(undone.ok && undone.value.entry.undoes).toBe(1);
    expect(loadCorpus(store.dir).articles).toEqual([]);
  });

  it('writes and undoes synonyms', async () => {
    const store = freshStore();
    await store.writeSynonyms([['CFIUS', 'Committee on Foreign Investment in the United States']], actor);
    expect(loadCorpus(store.dir).synonymGroups).toEqual([['CFIUS', 'Committee on Foreign Investment in the United States']]);
    await store.writeSynonyms([], actor);
    await store.undo(actor);
    expect(loadCorpus(store.dir).synonymGroups).toEqual([['CFIUS', 'Committee on Foreign Investment in the United States']]);
  });

  it('serializes concurrent writers: every change lands, in a gap-free sequence', async () => {
    const store = freshStore();
    const other = new FileCorpusStore(store.dir); // a second writer on the same directory
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        (i % 2 ? other : store).writeArticle(article(`story-${i}`, `Story ${i}`, `Story number ${i} has a paragraph long enough to be a passage.`), actor),
      ),
    );
    const history = await store.history(100);
    expect(history.map((e) => e.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(loadCorpus(store.dir).articles).toHaveLength(12);
    expect(readdirSync(store.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps its own files out of the corpus directory listing the loader reads', async () => {
    const store = freshStore();
    await store.writeArticle(first, actor);
    expect(readdirSync(store.dir).sort()).toEqual(['.verbatim', 'first.md']);
    expect(existsSync(join(store.dir, '.verbatim', 'audit.jsonl'))).toBe(true);
    expect(readFileSync(join(store.dir, 'first.md'), 'utf8')).toMatch(/^---\ntitle: First story\n---\n/);
  });
});
