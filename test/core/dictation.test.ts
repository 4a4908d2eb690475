import { describe, expect, it } from 'vitest';
import { withDictationRepaired } from '../../src/core/dictation.ts';
import { buildIndex } from '../../src/core/load-corpus.ts';
import { parseQuery } from '../../src/core/query.ts';
import { article } from '../support/fixtures.ts';

const index = buildIndex({
  articles: [
    article('app', 'A video app', [
      'The application, which is owned by the Chinese company ByteDance, has more than 1 billion active users.',
      'TikTok says its own users are safe. TikTok is the app in question.',
      'ByteDance also runs Douyin in China. Its data is stored by Oracle in a data center in Virginia.',
      'The company set up a team known as USDS to guard it. A spokesperson said so on Tuesday.',
    ].join('\n\n')),
  ],
  synonymGroups: [],
});

const repaired = (question: string) => withDictationRepaired(question, index).text;

describe('withDictationRepaired: a question dictated to a phone, read back as typed', () => {
  it('hears a name in the everyday words a recogniser wrote for it', () => {
    expect(repaired('what other apps does bite dance own')).toBe('what other apps does Bytedance own');
    expect(repaired('whats the chinese version called doe yin or something')).toBe('whats the chinese version called Douyin or something');
    expect(repaired('how long have they been working with a rackle on this')).toBe('how long have they been working with Oracle on this');
    expect(withDictationRepaired('what other apps does bite dance own', index).corrections).toEqual([{ from: 'bite dance', to: 'Bytedance' }]);
  });

  it('hears a short name in its syllables typed by ear', () => {
    expect(repaired('what does the tic toc app do with my data')).toBe('what does the Tiktok app do with my data');
    expect(repaired('is tick tock safe')).toBe('is Tiktok safe');
    // Two words of English or of the corpus stay: "own us" is no "Owens".
    expect(repaired('who does the app own us')).toBe('who does the app own us');
    expect(repaired('the tic of a clock')).toBe('the tic of a clock');
  });

  it('joins letters said one by one into the acronym the corpus writes', () => {
    expect(repaired('so what is the u s d s team supposed to do')).toBe('so what is the USDS team supposed to do');
    // Two letters that spell nothing the corpus has stay as they are.
    expect(repaired('is it an a b test')).toBe('is it an a b test');
  });

  it('joins three letters or more into an acronym even when the corpus lacks it, so it is asked about as one', () => {
    expect(repaired('did the f t c fine tiktok')).toBe('did the FTC fine tiktok');
    const query = parseQuery('did the f t c fine tiktok', index);
    expect(query.concepts.find((c) => c.word === 'ftc')?.known).toBe(false);
  });

  it('writes years said aloud as the digits the articles use', () => {
    expect(repaired('what happened in twenty twenty one')).toBe('what happened in 2021');
    expect(repaired('back in twenty twenty and nineteen ninety-nine')).toBe('back in 2020 and 1999');
    expect(repaired('was it twenty oh five or two thousand and nine')).toBe('was it 2005 or 2009');
    expect(withDictationRepaired('in twenty twenty', index).corrections).toEqual([{ from: 'twenty twenty', to: '2020' }]);
    // Counts are not years: "twenty people", "two thousand employees", "twenty fifteen-minute calls".
    for (const question of ['were twenty people fired', 'two thousand employees', 'twenty fifteen-minute calls']) expect(repaired(question)).toBe(question);
  });

  it('drops punctuation said aloud at the end', () => {
    expect(repaired('when was the deal announced question mark')).toBe('when was the deal announced?');
    expect(repaired('is the question mark over the deal gone')).toBe('is the question mark over the deal gone');
  });

  it('leaves typed questions alone: words the corpus has, stop words, typos and possessives', () => {
    for (const question of [
      'where is the data center',
      'who is the head of the USDS team',
      'what did the spokesperson say on tuesday',
      'is the tiktok orcale deal done',
      "what about bytedance's oracle servers",
      'can dogs eat grapes',
      'recommend a good sci-fi book',
    ]) {
      expect(repaired(question)).toBe(question);
    }
  });

  it('feeds the query: the name is searched and the repair is reported', () => {
    const query = parseQuery('what other apps does bite dance own', index);
    expect(query.concepts.map((c) => c.word)).toContain('bytedance');
    expect(query.corrections).toContainEqual({ from: 'bite dance', to: 'Bytedance' });
  });
});
