import { describe, expect, it } from 'vitest';
import { contentWords, splitWords, stemWord } from '../../src/core/analyze.ts';
import { indexTerms } from '../../src/core/index-terms.ts';
import { buildSynonymTable, parseSynonyms } from '../../src/core/synonyms.ts';

describe('splitWords', () => {
  it('folds case, acronym dots and possessives, with offsets into the text', () => {
    const text = 'U.S. users’ data and Oracle’s servers';
    expect(splitWords(text).map((w) => w.norm)).toEqual(['us', 'users', 'data', 'and', 'oracle', 'servers']);
    expect(splitWords(text).map((w) => text.slice(w.start, w.end))).toEqual(['U.S.', 'users', 'data', 'and', 'Oracle', 'servers']);
  });

  it('splits hyphenated words into their parts', () => {
    expect(splitWords('TikTok-Oracle deal').map((w) => w.norm)).toEqual(['tiktok', 'oracle', 'deal']);
  });

  it('joins a word hyphenated at a line end when joined it is an English word, its span covering both halves', () => {
    const text = 'localisation require-\n   ments and data-\nresidency rules';
    expect(splitWords(text).map((w) => w.norm)).toEqual(['localisation', 'requirements', 'and', 'data', 'residency', 'rules']);
    expect(text.slice(splitWords(text)[1]?.start, splitWords(text)[1]?.end)).toBe('require-\n   ments');
  });
});

describe('contentWords and stemWord', () => {
  it('leaves out stop words and question words but keeps "US"', () => {
    expect(contentWords('Where is the US data backed up?').map((w) => w.norm)).toEqual(['us', 'data', 'backed']);
  });

  it('leaves out the fillers of chat ("so", "ever", "even", "stuff") but keeps "yet"', () => {
    expect(contentWords('why are they so worried, did it ever even happen, this stuff').map((w) => w.norm)).toEqual(['worried']);
    expect(contentWords('is the deal final yet').map((w) => w.norm)).toEqual(['deal', 'final', 'yet']);
    // Not misread as a typo of a corpus word ("wat" is not "WeChat").
    expect(contentWords('wat did they say abt it tho, bc idk').map((w) => w.norm)).toEqual([]);
  });

  it('leaves out contractions typed without the apostrophe ("couldnt", "wont")', () => {
    expect(contentWords("why couldnt they just undo it, and why wont they say").map((w) => w.norm)).toEqual(['undo']);
    expect(contentWords("when they'll wipe it, and what they've kept").map((w) => w.norm)).toEqual(['wipe', 'kept']);
  });

  it('drops "own" after a possessive, where it means nothing of owning', () => {
    expect(contentWords('TikTok keeps its own backups').map((w) => w.norm)).toEqual(['tiktok', 'keeps', 'backups']);
    expect(contentWords('ByteDance owns TikTok').map((w) => w.norm)).toEqual(['bytedance', 'owns', 'tiktok']);
  });

  it('drops attribution to unnamed sources and greetings to the bot, which are about neither people nor bots', () => {
    expect(contentWords('According to people familiar with the matter, TikTok will store the data').map((w) => w.norm)).toEqual(['tiktok', 'store', 'data']);
    expect(contentWords('hey bot, how many people use the app').map((w) => w.norm)).toEqual(['people', 'use', 'app']);
  });

  it('lemmatizes irregular verbs before stemming, so kept finds keep', () => {
    expect(stemWord('kept')).toBe(stemWord('keeps'));
    expect(stemWord('sold')).toBe(stemWord('selling'));
    expect(stemWord('stored')).toBe(stemWord('storing'));
  });
});

describe('indexTerms', () => {
  const synonyms = buildSynonymTable(parseSynonyms('CFIUS | Committee on Foreign Investment in the United States\nUS | United States | American').groups);

  it('adds one concept term for every spelling of a synonym group', () => {
    const long = indexTerms('the Committee on Foreign Investment in the United States said', synonyms);
    const short = indexTerms('CFIUS said', synonyms);
    const concept = short.find((t) => t.startsWith('~'));
    expect(concept).toBeDefined();
    expect(long).toContain(concept);
  });

  it('reads "%" and "per cent" as the word "percent"', () => {
    const percent = indexTerms('percent', synonyms);
    expect(indexTerms('That program contributed 18% of revenue', synonyms)).toEqual(expect.arrayContaining(percent));
    expect(indexTerms('up 31 per cent on the year', synonyms)).toEqual(expect.arrayContaining(percent));
    expect(indexTerms('18 of them', synonyms)).not.toEqual(expect.arrayContaining(percent));
  });

  it('maps plural and singular spellings to the same concept', () => {
    expect(indexTerms('Americans worry', synonyms)).toContain(indexTerms('US', synonyms).find((t) => t.startsWith('~')));
  });
});
