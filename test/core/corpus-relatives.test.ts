import { describe, expect, it } from 'vitest';
import { corpusRelativesOf } from '../../src/core/corpus-relatives.ts';
import { buildIndex } from '../../src/core/load-corpus.ts';
import { isCommonWord, isNoun, relatedWords } from '../../src/core/thesaurus.ts';
import { article } from '../support/fixtures.ts';

const words = (list: readonly { word: string }[]) => list.map((r) => r.word).sort();

describe('relatedWords', () => {
  it('knows nothing of an empty or letterless word (WordNet files open with licence text)', () => {
    for (const word of ['', ' ', '--', '42']) {
      expect(isCommonWord(word)).toBe(false);
      expect(isNoun(word)).toBe(false);
    }
  });

  it('gives synonyms of the common senses and derived words', () => {
    expect(words(relatedWords('delete'))).toContain('deletion');
    expect(words(relatedWords('store'))).toContain('storage');
  });

  it('gives nothing for an empty or letterless phrase', () => {
    expect(relatedWords('')).toEqual([]);
    expect(relatedWords('  ')).toEqual([]);
    expect(relatedWords('2020')).toEqual([]);
  });

  it('gives what an adjective pertains to: Chinese → China', () => {
    expect(relatedWords('chinese')).toContainEqual({ word: 'china', relation: 'derived' });
  });
});

describe('CorpusRelatives', () => {
  const concerns = article('concerns', 'Concerns', 'Regulators raised concerns about the app. Chinese officials said the company will erase the data.');
  const storage = article('storage', 'Storage', 'The records were moved to a new storage system last year.');

  it('finds the corpus words that list the asker\'s word, whatever its inflection', () => {
    const index = buildIndex({ articles: [concerns], synonymGroups: [] });
    const relatives = corpusRelativesOf(index);
    // WordNet's verb "worried" does not list "concern"; the verb "concern" lists "worry".
    expect(words(relatedWords('worried'))).not.toContain('concern');
    expect(words(relatives.of('worry'))).toContain('concerns');
    expect(words(relatives.of('worried'))).toContain('concerns');
  });

  it('reads a phrasal verb by its verb: "wipe" finds "erase" (which lists "wipe off")', () => {
    const index = buildIndex({ articles: [concerns], synonymGroups: [] });
    expect(words(corpusRelativesOf(index).of('wipe'))).toContain('erase');
  });

  it('takes from a name only what derives from it: "china" finds "Chinese"', () => {
    const index = buildIndex({ articles: [concerns], synonymGroups: [] });
    expect(index.isName('chinese')).toBe(true);
    expect(words(corpusRelativesOf(index).of('china'))).toContain('chinese');
    expect(corpusRelativesOf(index).of('taiwanese')).toEqual([]);
  });

  it('follows articles as they come and go', () => {
    const index = buildIndex({ articles: [concerns], synonymGroups: [] });
    expect(words(corpusRelativesOf(index).of('depot'))).toEqual([]);
    index.add(storage);
    expect(words(corpusRelativesOf(index).of('depot'))).toContain('storage');
    index.remove('storage');
    expect(words(corpusRelativesOf(index).of('depot'))).toEqual([]);
    expect(words(corpusRelativesOf(index).of('worry'))).toContain('concerns');
  });
});
