import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/core/answer.ts';
import { buildIndex } from '../../src/core/load-corpus.ts';
import { parseQuery } from '../../src/core/query.ts';
import { articleFitsSource, sourceHintIn } from '../../src/core/source-hint.ts';
import { article } from '../support/fixtures.ts';

describe('sourceHintIn', () => {
  it.each([
    ['how fast must they report a breach, per the press release', 'release', ['press']],
    ["in tamsyn's notes, does the insurance pay creators", 'notes', ['tamsyn']],
    ['what does it cost according to the academic paper', 'paper', ['academic']],
    ['whats the state memo say about how deep the vault is', 'memo', ['state']],
    ['how long are tapes kept, acording to the state briefing memo', 'memo', ['state', 'briefing']],
    ['how long is the link valid, according to the podcast guest?', 'podcast', []],
    ['why did the guy on the podcast end up quitting?', 'podcast', []],
    ['do my DMs still come in the download? the newsletter said something changed', 'newsletter', []],
    ["when was power back according to the mayor's office email", 'email', ["mayor's", 'office']],
    ['how many substations were hit, per the board deck', 'deck', ['board']],
  ])('"%s" names a %s', (question, kind, qualifiers) => {
    expect(sourceHintIn(question)).toMatchObject({ kind, qualifiers });
  });

  it('is no source where a report is what is asked about, or no kind of document is named', () => {
    expect(sourceHintIn('how many search warrants were in the transparency report')).toBeUndefined();
    expect(sourceHintIn('how far back does the screen history in a crash report go')).toBeUndefined();
    expect(sourceHintIn('what did reuters report about the deal')).toBeUndefined();
    expect(sourceHintIn('where is the data stored')).toBeUndefined();
  });

  it('leaves the words that name the document out of what is searched', () => {
    const index = buildIndex({ articles: [article('a', 'Insurer', 'The insurer must be told within 72 hours of a breach. The press release said so.')], synonymGroups: [] });
    expect(parseQuery('how fast must the insurer be told of a breach, per the press release', index).searched).toEqual(['fast', 'insurer', 'breach']);
  });
});

describe('articleFitsSource', () => {
  const release = { title: 'Vantory leads Bastion program', body: 'NEWS PROVIDED BY Vantory Holdings\n\nBRAMMERTON, March 24, 2026 /Relaywire/ -- Vantory announced the program.' };
  const paper = { title: 'Insuring the Custodian', body: 'Orsolya Wrexley, Ravensmere University\n\nAbstract\nWe study Bastion, a custody-breach insurance program.' };
  const notes = { title: 'Bastion notes', publisher: 'Sorrelby Creators Collective', body: 'The Ravensmere paper and the Vantory release disagree.' };
  const tv = { title: 'Insurer picks downtown for new center', publisher: 'Brammerton Four News', body: 'The station learned the insurer will hire 85 people.' };

  it('knows a document by what its opening shows it is, or by whose it is', () => {
    const hint = (question: string) => sourceHintIn(question)!;
    const fits = (question: string) => [release, paper, notes, tv].filter((a) => articleFitsSource(a, hint(question))).map((a) => a.title);
    expect(fits('when does it start, per the press release')).toEqual([release.title]);
    expect(fits('what is the premium according to the academic paper')).toEqual([paper.title]);
    expect(fits('does it pay creators, per the sorrelby collective notes')).toEqual([notes.title]);
    expect(fits('how many jobs, per the local tv story')).toEqual([tv.title]);
    // An everyday word ("state") says nothing of whose it is.
    expect(fits('how deep is it, per the state press release')).toEqual([release.title]);
  });

  it("prefers the named document's passage where sources disagree", () => {
    const index = buildIndex({
      articles: [
        article('release', release.title, `${release.body}\n\nThe program's panel has 12 insurers sharing the risk.`),
        article('paper', paper.title, `${paper.body}\n\nWe count 14 insurers on the program's panel sharing the risk.`),
      ],
      synonymGroups: [],
    });
    const top = (question: string) => answerQuestion(index, question).results[0]?.passage.articleId;
    expect(top('how many insurers are on the panel, per the press release')).toBe('release');
    expect(top('how many insurers are on the panel, according to the paper')).toBe('paper');
  });
});
