import { describe, expect, it } from 'vitest';
import { findArticle, passageAtParagraph } from '../../src/core/lookup.ts';
import { matchArticles, suggestQuestions } from '../../src/core/suggest.ts';
import { fixtureIndex } from '../discord/support.ts';

const index = fixtureIndex();
const options = { limit: 25, maxLength: 100 };

describe('suggestQuestions', () => {
  it('offers what was typed, then its last word completed from the corpus, most widespread first', () => {
    expect(suggestQuestions(index, 'who paid for the rep', options)).toEqual(['who paid for the rep', 'who paid for the repairs', 'who paid for the repainted', 'who paid for the replaced']);
  });

  it('keeps the case the asker started with', () => {
    expect(suggestQuestions(index, 'Harb', options)).toEqual(['Harb', 'Harbour']);
    expect(suggestQuestions(index, 'CI', options)).toEqual(['CI', 'CITY']);
  });

  it('offers the article titles when nothing is typed, and only the text after a finished word', () => {
    expect(suggestQuestions(index, '', options)).toEqual(['Ferry service ends as the bridge reopens', 'Harbour bridge reopens after repairs']);
    expect(suggestQuestions(index, 'the bridge ', options)).toEqual(['the bridge']);
  });

  it('leaves out suggestions that would be too long to submit, and stops at the limit', () => {
    expect(suggestQuestions(index, `${'x'.repeat(96)} br`, options)).toEqual([`${'x'.repeat(96)} br`]); // 'bridge' would make 103
    expect(suggestQuestions(index, 't', { limit: 3, maxLength: 100 })).toHaveLength(3);
  });
});

describe('matchArticles', () => {
  it('finds articles by the start of the title, a title word, or any part of title, id or publisher', () => {
    expect(matchArticles(index, 'harb', 25).map((a) => a.id)).toEqual(['harbour-bridge-reopens']);
    expect(matchArticles(index, 'gazette', 25).map((a) => a.id)).toEqual(['harbour-bridge-reopens']);
    expect(matchArticles(index, 'reopens', 25).map((a) => a.id)).toEqual(['ferry-service-ends', 'harbour-bridge-reopens']);
    expect(matchArticles(index, 'zeppelin', 25)).toEqual([]);
  });
});

describe('findArticle', () => {
  it('finds an article by id, exact title or a unique match', () => {
    for (const typed of ['ferry-service-ends', 'ferry service ends as the bridge reopens', 'ferry']) {
      expect(findArticle(index, typed)).toMatchObject({ ok: true, value: { id: 'ferry-service-ends' } });
    }
  });

  it('returns unknown and ambiguous as values', () => {
    expect(findArticle(index, 'zeppelin')).toEqual({ ok: false, error: { code: 'unknown-article', typed: 'zeppelin' } });
    expect(findArticle(index, 'reopens')).toMatchObject({ ok: false, error: { code: 'ambiguous-article', typed: 'reopens' } });
  });
});

describe('passageAtParagraph', () => {
  it('finds the passage holding a paragraph, or says how many paragraphs there are', () => {
    expect(passageAtParagraph(index, 'harbour-bridge-reopens', 3)).toMatchObject({ ok: true, value: { id: 'harbour-bridge-reopens#3' } });
    expect(passageAtParagraph(index, 'harbour-bridge-reopens', 7)).toEqual({ ok: false, error: { code: 'paragraph-out-of-range', paragraph: 7, last: 4 } });
  });
});
