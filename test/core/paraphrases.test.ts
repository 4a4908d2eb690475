import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/core/load-corpus.ts';
import { isParaphrasePhrase, paraphrasesOf } from '../../src/core/paraphrases.ts';
import { parseQuery } from '../../src/core/query.ts';
import { answerQuestion } from '../../src/core/answer.ts';
import { stemWord } from '../../src/core/analyze.ts';
import { article } from '../support/fixtures.ts';


describe('paraphrasesOf: everyday and news wording', () => {
  it('finds the other members of a group from any inflected form', () => {
    expect(paraphrasesOf('cancelled')).toEqual(expect.arrayContaining(['revoke', 'rescind']));
    expect(paraphrasesOf('crew')).toContain('staff');
    expect(paraphrasesOf('spies')).toContain('intelligence official');
    expect(paraphrasesOf('cancel')).not.toContain('cancel');
    expect(paraphrasesOf('the whole planet')).toContain('worldwide');
    // "Get rid of its American assets" is to divest them, as well as to repeal a rule.
    expect(paraphrasesOf('get rid of')).toEqual(expect.arrayContaining(['divest', 'repeal']));
    // "Did CFIUS comment?" is answered by "CFIUS declined to respond".
    expect(paraphrasesOf('commented')).toContain('respond');
    // Regular forms the lemmatizer does not list: "babysitting" is to babysit.
    expect(paraphrasesOf('babysitting')).toContain('look after');
    expect(paraphrasesOf('trashed')).toContain('criticize');
    // "whose machines is it on now": servers.
    expect(paraphrasesOf('machines')).toContain('server');
  });

  it('relates a word in two groups to both, without merging the groups through it', () => {
    // "dismiss" is both firing someone and throwing out a case; firing relates to neither court word.
    const fire = paraphrasesOf('fire');
    const dismiss = paraphrasesOf('dismiss');
    expect(dismiss.length).toBeGreaterThan(fire.filter((w) => dismiss.includes(w)).length);
  });

  it('knows phrases of several words as written or inflected', () => {
    expect(isParaphrasePhrase('spin up')).toBe(true);
    expect(isParaphrasePhrase('looks after')).toBe(true);
    expect(isParaphrasePhrase('the data')).toBe(false);
    expect(isParaphrasePhrase('cancel')).toBe(false);
  });
});

describe('parseQuery and answerQuestion with paraphrases', () => {
  const index = buildIndex({
    articles: [
      article('team', 'The data team', 'A staff of two hundred engineers will oversee the stored records in Texas, the company said on Monday.'),
      article('risks', 'Why officials worry', 'Officials worry most about data on military personnel and intelligence officials, a regulator said.'),
      article('orders', 'Executive orders', 'The president signed two executive orders on Tuesday about imports of steel and aluminium.'),
    ],
    synonymGroups: [],
  });

  it('finds the news word for a chat word ("crew" → staff)', () => {
    expect(parseQuery('how big is the crew', index).concepts[0]?.alternatives.has(stemWord('staff'))).toBe(true);
    expect(answerQuestion(index, 'how big is the crew that will look after the records').results[0]?.passage.articleId).toBe('team');
  });

  it('finds a phrase by its sharper words, at a lower weight, without making the word known', () => {
    const soldiers = parseQuery('why worry about data on soldiers', index).concepts.find((c) => c.word === 'soldiers');
    expect(soldiers?.alternatives.get(stemWord('military'))).toBeLessThan(0.5);
    expect(soldiers?.known).toBe(false);
    // "chief executive" is no reason to read "who is the CEO" as about executive orders.
    expect(answerQuestion(index, 'who is the CEO').results).toEqual([]);
  });
});
