import { describe, expect, it } from 'vitest';
import { parseArticleFile, serializeArticle } from '../../src/core/corpus-format.ts';

describe('parseArticleFile', () => {
  it('reads the front-matter and keeps the body byte for byte', () => {
    const body = 'First paragraph, with “quotes”.\n\nSecond   paragraph.\n';
    const parsed = parseArticleFile('some-story.md', `---\ntitle: A story\npublisher: Example News\n---\n${body}`);
    expect(parsed).toEqual({ ok: true, value: { id: 'some-story', title: 'A story', publisher: 'Example News', body } });
  });

  it('rejects front-matter without a title, naming the file and field', () => {
    const parsed = parseArticleFile('no-title.md', '---\npublisher: X\n---\nText.\n');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContainEqual(expect.objectContaining({ file: 'no-title.md', field: 'title' }));
  });

  it('rejects a url that is not http(s) and a malformed date', () => {
    const parsed = parseArticleFile('bad.md', '---\ntitle: T\nurl: "javascript:alert(1)"\npublished: yesterday\n---\nText.\n');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.map((p) => p.field).sort()).toEqual(['published', 'url']);
  });

  it('rejects a file name that could walk a path or is not lower-case', () => {
    for (const name of ['../evil.md', 'Upper.md', 'a b.md']) {
      const parsed = parseArticleFile(name, '---\ntitle: T\n---\nText.\n');
      expect(parsed.ok, name).toBe(false);
    }
  });

  it('reports broken YAML and a missing front-matter block instead of throwing', () => {
    expect(parseArticleFile('x.md', '---\ntitle: [unclosed\n---\nText\n').ok).toBe(false);
    expect(parseArticleFile('x.md', 'Just text, no front-matter.\n').ok).toBe(false);
  });

  it('rejects an empty body', () => {
    const parsed = parseArticleFile('empty.md', '---\ntitle: T\n---\n\n   \n');
    expect(parsed.ok).toBe(false);
  });

  it('normalizes Windows line ends so offsets are the same everywhere', () => {
    const parsed = parseArticleFile('crlf.md', '---\r\ntitle: T\r\n---\r\nOne.\r\n\r\nTwo.\r\n');
    expect(parsed.ok && parsed.value.body).toBe('One.\n\nTwo.\n');
  });
});

describe('serializeArticle', () => {
  it('round-trips through parseArticleFile, titles with YAML-special characters included', () => {
    const original = { title: 'Deal: “TikTok” & Oracle #1 — 50% off?', publisher: 'A: B', url: 'https://example.com/a?b=1', body: 'Body line.\n\nAnother.\n' };
    const parsed = parseArticleFile('round-trip.md', serializeArticle(original));
    expect(parsed).toEqual({ ok: true, value: { id: 'round-trip', ...original } });
  });

  it('leaves absent optional fields out', () => {
    expect(serializeArticle({ title: 'T', body: 'B\n' })).toBe('---\ntitle: T\n---\nB\n');
  });
});
