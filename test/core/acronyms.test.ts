import { describe, expect, it } from 'vitest';
import { acronymsIn, acronymTerms, corpusAcronymsOf, phraseAcronymsIn } from '../../src/core/acronyms.ts';
import { stemWord } from '../../src/core/analyze.ts';
import { answerQuestion } from '../../src/core/answer.ts';
import { buildIndex } from '../../src/core/load-corpus.ts';
import { MATCH_WEIGHTS, parseQuery } from '../../src/core/query.ts';
import { article } from '../support/fixtures.ts';

const namesFor = (text: string, acronym: string) => [...(acronymsIn(text).get(acronym) ?? [])].sort();

describe('acronymsIn', () => {
  it('forms acronyms from the capitalized words of a name, and from all its words', () => {
    const text = 'The National Security Council met the Department of Commerce on Friday.';
    expect(namesFor(text, 'nsc')).toEqual(['National Security Council']);
    expect(namesFor(text, 'doc')).toEqual(['Department of Commerce']);
    expect(namesFor(text, 'dc')).toEqual(['Department of Commerce']);
  });

  it('forms one from the humps of a word with capitals inside', () => {
    expect(namesFor('TikTok and ByteDance said so.', 'tt')).toEqual(['TikTok']);
    expect(namesFor('TikTok and ByteDance said so.', 'bd')).toEqual(['ByteDance']);
  });

  it('does not start a name at a sentence\'s first word or run one across punctuation', () => {
    const text = 'The Commerce Department agreed. Oracle, Google and Microsoft did not.';
    expect(acronymsIn(text).has('tcd')).toBe(false);
    expect(namesFor(text, 'cd')).toEqual(['Commerce Department']);
    expect(acronymsIn(text).has('og')).toBe(false);
  });
});

describe('phraseAcronymsIn', () => {
  it('forms acronyms of four letters or more from phrases in lower case, small words skipped, commas allowed', () => {
    const text = 'Adjusted earnings before interest, taxes, depreciation and amortization rose to $166 million. The plan fell.';
    expect([...(phraseAcronymsIn(text).get('ebitda') ?? [])]).toEqual(['earnings before interest, taxes, depreciation and amortization']);
    // Not across a sentence end, and nothing shorter than four letters.
    expect(phraseAcronymsIn(text).has('mtpf')).toBe(false);
    expect(phraseAcronymsIn(text).has('ebi')).toBe(false);
  });

  it('forms three-letter acronyms only from a term of three nouns and adjectives ("software development kit")', () => {
    const text = 'Pinpath gathered the data through a software development kit, a piece of ready-made code. The school teaches digital media. Users came from every tax form.';
    expect([...(phraseAcronymsIn(text).get('sdk') ?? [])]).toEqual(['software development kit']);
    // A verb, a word ending a sentence's verb in -s, a number word: chance initials.
    expect(phraseAcronymsIn(text).has('tdm')).toBe(false);
    expect(phraseAcronymsIn(text).has('etf')).toBe(false);
    expect(phraseAcronymsIn(text, { threeWordTerms: false }).has('sdk')).toBe(false);
  });

  it('forms three-letter acronyms of a noun, a small word and a noun, the small word counted ("request for proposals")', () => {
    const text = 'The city will issue a request for proposals in April. Staff ran a proof of concept. She went to work early.';
    expect([...(phraseAcronymsIn(text).get('rfp') ?? [])]).toEqual(['request for proposals']);
    expect([...(phraseAcronymsIn(text).get('poc') ?? [])]).toEqual(['proof of concept']);
    // A verb is no part of one.
    expect(phraseAcronymsIn(text).has('wtw')).toBe(false);
    expect(phraseAcronymsIn(text, { threeWordTerms: false }).has('rfp')).toBe(false);
  });

  it("reads a hard-wrapped text's line end inside a term as a space, but not a line that starts anew", () => {
    const wrapped = 'The Ravensmere University institutional review\nboard reviewed our protocol and found\nno problem.';
    expect([...(phraseAcronymsIn(wrapped).get('irb') ?? [])]).toEqual(['institutional review\nboard']);
    expect(phraseAcronymsIn('The review covered the institutional review\nBoard minutes too.').has('irb')).toBe(false);
  });

  it('forms two-letter acronyms from a term of two words in lower case ("executive orders")', () => {
    const text = 'In June 2021, Biden withdrew Trump-era executive orders that sought to ban new downloads. It makes apps for kids.';
    expect([...(phraseAcronymsIn(text).get('eo') ?? [])]).toEqual(['executive orders']);
    // A verb, a short word or a word ending a verb in -s is no part of one.
    expect(phraseAcronymsIn(text).has('ma')).toBe(false);
    expect(phraseAcronymsIn(text).has('ak')).toBe(false);
    expect(phraseAcronymsIn(text).has('bw')).toBe(false);
    expect(phraseAcronymsIn(text, { threeWordTerms: false }).has('eo')).toBe(false);
  });

  it('forms them from a field\'s name in -ics, an -ing noun in the middle and a participle first ("graphics processing units")', () => {
    const text = 'A full retraining cycle takes 19 days and uses about 2,300 graphics processing units. The app keeps growing users fast.';
    expect([...(phraseAcronymsIn(text).get('gpu') ?? [])]).toEqual(['graphics processing units']);
    // An -ing verb between nouns is no term.
    expect(phraseAcronymsIn(text).has('kgu')).toBe(false);
    // A participle first qualifies the rest ("individualized education program").
    expect([...(phraseAcronymsIn('For 6,200 students, individualized education program documents are kept.').get('iep') ?? [])]).toEqual(['individualized education program']);
    // After a participle, an -ing word the dictionary lacks as a noun still names a process ("advanced metering infrastructure").
    expect([...(phraseAcronymsIn('Each meter is part of its advanced metering infrastructure.').get('ami') ?? [])]).toEqual(['advanced metering infrastructure']);
    // So does one after an adjective ("temporary restraining order"), but not one after a noun alone.
    expect([...(phraseAcronymsIn('The judge denied a temporary restraining order on Sept. 10.').get('tro') ?? [])]).toEqual(['temporary restraining order']);
    expect(phraseAcronymsIn('Its cloud metering infrastructure is new.').has('cmi')).toBe(false);
    // A participle hyphenated to the word before it makes one adjective ("computer-aided dispatch").
    expect([...(phraseAcronymsIn("The deal replaces the county's computer-aided dispatch software.").get('cad') ?? [])]).toEqual(['computer-aided dispatch']);
    // A hyphen further on still breaks the term.
    expect(phraseAcronymsIn('It wrote a cloud data-driven plan.').has('cdd')).toBe(false);
  });

  it('forms them from a hyphenated modifier ("full-time equivalent", "multi-factor authentication"), not from a count', () => {
    expect([...(phraseAcronymsIn('It promised 225 full-time equivalent employees.').get('fte') ?? [])]).toEqual(['full-time equivalent']);
    expect([...(phraseAcronymsIn('The vendor account had no multi-factor authentication turned on.').get('mfa') ?? [])]).toEqual(['multi-factor authentication']);
    expect(phraseAcronymsIn('They signed a three-year contract.').has('tyc')).toBe(false);
  });

  it('forms them from a rate, "per" lettered or not and "a" never ("requests per second", "million gallons a day")', () => {
    const text = 'It sends at most four requests per second to any host. The campus may pump 1.6 million gallons a day. Its earnings per share rose.';
    expect([...(phraseAcronymsIn(text).get('rps') ?? [])]).toEqual(['requests per second']);
    expect([...(phraseAcronymsIn(text).get('mgd') ?? [])]).toEqual(['million gallons a day']);
    expect([...(phraseAcronymsIn(text).get('eps') ?? [])]).toEqual(['earnings per share']);
    // A count before the rate is none of its name, and "a" before anything but a unit of time makes none.
    expect(phraseAcronymsIn('It rode seventy miles an hour.').has('smh')).toBe(false);
    expect(phraseAcronymsIn('Each bought gallons a friend wanted.').has('gf')).toBe(false);
  });

  it('forms them with the letters of the small words acronyms keep ("software bill of materials", "memorandum of understanding")', () => {
    expect([...(phraseAcronymsIn('Oracle gets a software bill of materials with each release.').get('sbom') ?? [])]).toEqual(['software bill of materials']);
    expect([...(phraseAcronymsIn('Negotiate a memorandum of understanding with the District.').get('mou') ?? [])]).toEqual(['memorandum of understanding']);
  });

  it('does not read the synonym list\'s spelled-out acronyms again as three-word terms', () => {
    const index = buildIndex({
      articles: [article('orders', 'Executive orders', 'The president signed two executive orders on Tuesday about imports of steel and aluminium from abroad.')],
      synonymGroups: [['CEO', 'chief executive officer']],
    });
    expect(answerQuestion(index, 'who is the CEO').results).toEqual([]);
  });

  it('are read only for a question word written in capitals', () => {
    const results = buildIndex({
      articles: [article('earnings', 'Quarterly results', 'Adjusted earnings before interest, taxes, depreciation and amortization rose to $166 million from $94 million, the delivery company said on Wednesday.')],
      synonymGroups: [],
    });
    expect(answerQuestion(results, 'what was the adjusted EBITDA').results[0]?.passage.text).toContain('$166 million');
    expect(corpusAcronymsOf(results).namesFor('ebitda')).toEqual([]);
  });
});

describe('acronyms in answers', () => {
  const council = article('council', 'Council review', 'The National Security Council ordered the sale of the video app in 2019.');
  const weather = article('weather', 'Weather', 'Rain is expected over the weekend across the northern hills.');

  it('finds the name an acronym the corpus never writes stands for, and follows articles as they come and go', () => {
    const index = buildIndex({ articles: [weather], synonymGroups: [] });
    expect(answerQuestion(index, 'what did the NSC order').results).toEqual([]);
    index.add(council);
    expect(answerQuestion(index, 'what did the NSC order').results[0]?.passage.articleId).toBe('council');
    index.remove('council');
    expect(corpusAcronymsOf(index).namesFor('nsc')).toEqual([]);
  });

  it('reads an acronym written in the plural ("GPUs") as the acronym', () => {
    const index = buildIndex({ articles: [weather, article('training', 'Training', 'A full retraining cycle takes 19 days and uses about 2,300 graphics processing units, the company said.')], synonymGroups: [] });
    expect(answerQuestion(index, 'how many GPUs does a retraining cycle use').results[0]?.passage.articleId).toBe('training');
  });

  it('forms no name across a menu\'s bars or a date, nor from furniture the passages leave out', () => {
    expect(acronymsIn('Home | Arts | Podcasts | Contact').has('ap')).toBe(false);
    expect(acronymsIn('The ruling by Judge Drennan on January 9 stands.').has('doj')).toBe(false);
    const page = article('page', 'Rules', ['Advertise  Privacy  Terms', 'The Commerce Department is studying new rules for foreign apps.'].join('\n\n'));
    const index = buildIndex({ articles: [page], synonymGroups: [] });
    expect(corpusAcronymsOf(index).namesFor('ap')).toEqual([]);
    expect(corpusAcronymsOf(index).namesFor('cd')).toEqual(['Commerce Department']);
  });

  it('reads an acronym that stands for many names in the corpus as a weak clue to each', () => {
    const names = article('names', 'People and places', 'Prime Minister Ada Example met Paul Menendez at Pennock Mill on Friday.');
    const one = buildIndex({ articles: [council], synonymGroups: [] });
    const many = buildIndex({ articles: [names], synonymGroups: [] });
    // The weights of the names' terms, besides the acronym's own spelling.
    const weightsOf = (index: ReturnType<typeof buildIndex>, question: string) => [...(parseQuery(question, index).concepts[0]?.alternatives ?? [])].filter(([term]) => term !== question.toLowerCase()).map(([, weight]) => weight);
    expect(weightsOf(one, 'NSC')).toEqual([MATCH_WEIGHTS.synonym]);
    expect(corpusAcronymsOf(many).namesFor('pm').length).toBeGreaterThan(2);
    const weak = weightsOf(many, 'PM');
    expect(weak.length).toBeGreaterThan(2);
    for (const weight of weak) expect(weight).toBeLessThan(MATCH_WEIGHTS.synonym);
  });

  it('forms acronyms from the synonym list\'s spellings too', () => {
    const commerce = article('commerce', 'Rules', 'The Commerce Department is studying new rules for foreign apps.');
    const index = buildIndex({ articles: [commerce, weather], synonymGroups: [['Commerce Department', 'Department of Commerce']] });
    expect(answerQuestion(index, 'what is the DoC studying').results[0]?.passage.articleId).toBe('commerce');
  });
});

describe('text set all in capitals (broadcast captions)', () => {
  const captions = article(
    'captions',
    'News 9 at six',
    ['>> GOOD EVENING.', '>> TONIGHT A STATE APPEALS COURT', 'SAYS THE COUNTY HAS TO RELEASE THE', 'RECORDS OF MORE THAN 60,000 VOTERS,', 'AND THE DISTRICT ATTORNEY', 'IS NOW REVIEWING THE VOTER FILES.'].join('\n'),
  );
  const story = article('story', 'Court ruling', 'Oracle hosts the data. The county must release the records, a court said on Tuesday.');

  it('tells no names by capitals it sets every word in', () => {
    const index = buildIndex({ articles: [captions, story], synonymGroups: [] });
    expect(index.isName('reviewing')).toBe(false);
    expect(index.isName('voter')).toBe(false);
    expect(index.isName('oracle')).toBe(true);
  });

  it('reads its phrases in lower case for acronyms, and forms none from its runs of capitals', () => {
    const index = buildIndex({ articles: [captions, story], synonymGroups: [] });
    expect(acronymTerms('da', index, true)).toEqual([stemWord('attorney')]);
    // "REVIEWING THE VOTER FILES" is no name: no "RTVF".
    expect(acronymTerms('rtvf', index, true)).toEqual([]);
  });
});
