import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/core/load-corpus.ts';
import { decodeArticleBytes, prepareArticle } from '../../src/core/new-article.ts';
import { article } from '../support/fixtures.ts';

const body = 'The harbour crane lifts forty containers an hour, the port authority said on Tuesday morning.\n';
const existing = article('harbour-crane', 'Harbour crane', body, { added_by: 'first-mod', added_at: '2024-01-02' });
const index = buildIndex({ articles: [existing], synonymGroups: [] });
const now = new Date('2025-06-01T12:00:00Z');

describe('prepareArticle', () => {
  it('gives a new article an id from its title, today as added_at, and its passages', () => {
    const prepared = prepareArticle({ title: 'Ferry service ends', body: 'The last ferry crossed the bay on Sunday after ninety years of service to the islands.\n', addedBy: 'mod' }, index, { now });
    expect(prepared.ok && prepared.value.article).toMatchObject({ id: 'ferry-service-ends', title: 'Ferry service ends', added_by: 'mod', added_at: '2025-06-01' });
    expect(prepared.ok && prepared.value.passages.length).toBe(1);
  });

  it('keeps who added an article and when through an update', () => {
    const prepared = prepareArticle({ title: 'Harbour crane, corrected', body: `${body}A second paragraph that corrects the figures given before.\n`, addedBy: 'second-mod' }, index, { replaceId: 'harbour-crane', now });
    expect(prepared.ok && prepared.value.article).toMatchObject({ id: 'harbour-crane', added_by: 'first-mod', added_at: '2024-01-02' });
    expect(prepared.ok && prepared.value.replaces).toBe(true);
  });

  it('reports a title that is too long once, with its length', () => {
    const prepared = prepareArticle({ title: 'x'.repeat(301), body }, buildIndex({ articles: [], synonymGroups: [] }));
    expect(prepared.ok ? [] : prepared.error).toEqual([{ code: 'invalid-field', field: 'title', message: 'The title is 301 characters; at most 300.' }]);
  });

  it('refuses an exact duplicate of another article, naming it', () => {
    const prepared = prepareArticle({ title: 'Same text, other title', body }, index);
    expect(prepared.ok ? [] : prepared.error.map((p) => p.code)).toEqual(['duplicate']);
  });

  it('keeps a title with mentions and markdown as written (the edges escape it), on one line', () => {
    const prepared = prepareArticle({ title: '@everyone **big**\nnews <@123>', body: 'A story long enough to be a passage of its own, about a harbour and its new crane.\n' }, index, { now });
    expect(prepared.ok && prepared.value.article.title).toBe('@everyone **big** news <@123>');
    expect(prepared.ok && prepared.value.article.id).toBe('everyone-big-news-123');
  });
});

describe('decodeArticleBytes', () => {
  it('accepts UTF-8 and drops a byte-order mark', () => {
    expect(decodeArticleBytes(new TextEncoder().encode('\uFEFFTitle\nText “quoted”.'))).toEqual({ ok: true, value: 'Title\nText “quoted”.' });
  });

  it('refuses NUL bytes, invalid UTF-8 and oversize input with specific codes', () => {
    const code = (bytes: Uint8Array, maxBytes = 1024) => {
      const decoded = decodeArticleBytes(bytes, { maxBytes, maxTitleLength: 300 });
      return decoded.ok ? 'ok' : decoded.error.code;
    };
    expect(code(new Uint8Array([0x41, 0x00, 0x42]))).toBe('binary');
    expect(code(new Uint8Array([0x41, 0xc3, 0x28]))).toBe('not-utf8');
    expect(code(new Uint8Array(2000).fill(0x41))).toBe('too-large');
  });
});
