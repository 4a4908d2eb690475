import { describe, expect, it } from 'vitest';
import { answerQuestion, holdsAnswerKind, type AnswerOptions } from '../../src/core/answer.ts';
import type { Article } from '../../src/core/article.ts';
import { BUNDLED_CORPUS_DIR, buildIndex, loadCorpus } from '../../src/core/load-corpus.ts';
import { PassageIndex } from '../../src/core/search-index.ts';
import { buildSynonymTable } from '../../src/core/synonyms.ts';
import { article } from '../support/fixtures.ts';

// A tiny realistic corpus: two articles report the backup location in near-identical words,
// a third is about something else entirely.
const storage = article('storage-report', 'Where the data lives', [
  'Information about US users is currently stored in a data center in Virginia and backed up in Singapore.',
  'The company said the move would take several months to complete, according to people familiar with the plan.',
].join('\n\n'), { publisher: 'Daily Example' });
const storageCopy = article('storage-copy', 'A syndicated copy', [
  'Information about US users is stored in a data center in Virginia and backed up in Singapore, the report said.',
  'Regulators in Washington have asked for a review of the arrangement before the end of the year.',
].join('\n\n'));
const cooking = article('cooking', 'Bread at home', 'Knead the dough for ten minutes, then let it rise in a warm kitchen until it has doubled in size.');

const index = buildIndex({ articles: [storage, storageCopy, cooking], synonymGroups: [['US', 'United States', 'American']] });
/** An index over these articles alone, without synonyms. */
const corpusOf = (...articles: Article[]) => buildIndex({ articles, synonymGroups: [] });

describe('answerQuestion', () => {
  it('puts the passage that answers first, highlighting the answering sentence', () => {
    const answer = answerQuestion(index, 'where is the US data backed up?');
    const best = answer.results[0];
    expect(best?.passage.articleId).toBe('storage-report');
    expect(best && best.passage.text.slice(best.highlight.start, best.highlight.end)).toMatch(/^Information about US users.*Singapore\.$/);
  });

  it('folds the same fact from another article into one result that lists it as also reported', () => {
    const answer = answerQuestion(index, 'where is the US data backed up?');
    const withFact = answer.results.filter((r) => r.passage.text.includes('Singapore'));
    expect(withFact).toHaveLength(1);
    expect(withFact[0]?.alsoIn.map((a) => a.source.id)).toEqual(['storage-copy']);
  });

  it('finds "United States" when asked about "American" users, through the synonym list', () => {
    const answer = answerQuestion(index, 'where are american users stored');
    expect(answer.results[0]?.passage.text).toContain('Virginia');
  });

  it("answers though the asker's everyday words are not the article's, but not a question about a name it lacks", () => {
    const security = article('security-team', 'A new team for the data', [
      'A dedicated security team of about 1,500 engineers will look after the records of American users from an office in Austin.',
      'The company said the team would report to an independent board rather than to its parent company.',
    ].join('\n\n'));
    const bread = article('bread', 'Bread at home', 'Knead the dough for ten minutes, then let it rise in a warm kitchen until it has doubled in size.');
    const teams = corpusOf(security, bread);
    expect(answerQuestion(teams, 'who does the security squad report to, techies or lawyers?').results[0]?.passage.text).toContain('independent board');
    expect(answerQuestion(teams, 'how many engineers are on the Zorblat security team?').results).toEqual([]);
  });

  it('corrects a misspelling of a hyphenated word written as one ("cosponsers" for "co-sponsors")', () => {
    const bill = article('audit-bill', 'Senator unveils audit bill', 'The bill has 11 co-sponsors: seven from the senator\'s own caucus and four from across the aisle.');
    const answer = answerQuestion(corpusOf(bill, cooking), 'how many cosponsers does the bill have');
    expect(answer.query.corrections).toEqual([{ from: 'cosponsers', to: 'cosponsors' }]);
    expect(answer.results[0]?.passage.text).toContain('11 co-sponsors');
  });

  it('corrects a misspelt word the corpus does not know', () => {
    const answer = answerQuestion(index, 'data center in virgina');
    expect(answer.query.corrections).toEqual([{ from: 'virgina', to: 'virginia' }]);
    expect(answer.results[0]?.passage.text).toContain('Virginia');
  });

  it('says no good match for a question that shares only common words with the corpus', () => {
    const answer = answerQuestion(index, 'what is the capital of France?');
    expect(answer.results).toEqual([]);
    expect(answer.related).toEqual([]);
  });

  it('asks more of a passage when the question wants advice, which news does not give', () => {
    expect(answerQuestion(index, "what's a good data center for my photos").results).toEqual([]);
    expect(answerQuestion(index, 'which data center stores the photos').results[0]?.passage.text).toContain('Virginia');
  });

  it('returns nothing for a question of stop words only', () => {
    expect(answerQuestion(index, 'what is it?').results).toEqual([]);
    expect(answerQuestion(index, '').results).toEqual([]);
  });

  it('restricts answers to one article when asked', () => {
    const answer = answerQuestion(index, 'data center Virginia', { articleId: 'storage-copy' });
    expect(answer.results.map((r) => r.passage.articleId)).toEqual(['storage-copy']);
  });

  it('is deterministic: the same question gives the same answer', () => {
    const question = 'review of the arrangement';
    expect(answerQuestion(index, question)).toEqual(answerQuestion(index, question));
  });

  it('gives the same answers after an article is added and removed again', () => {
    const live = corpusOf(storage, storageCopy, cooking);
    const questions = ['where is the data backed up', 'how long is the dough kneaded', 'regulators review'];
    const before = questions.map((q) => answerQuestion(live, q).results.map((r) => [r.passage.id, r.score]));
    live.add(article('extra', 'Extra', 'Singapore regulators reviewed a data center deal in Virginia with the dough company.'));
    live.remove('extra');
    expect(questions.map((q) => answerQuestion(live, q).results.map((r) => [r.passage.id, r.score]))).toEqual(before);
  });

  it('answers from a newly added article at once', () => {
    const live = new PassageIndex(buildSynonymTable([]));
    live.add(cooking);
    expect(answerQuestion(live, 'who bought the stadium').results).toEqual([]);
    live.add(article('stadium', 'Stadium sold', 'The city council bought the old stadium from the club for one dollar last spring.'));
    expect(answerQuestion(live, 'who bought the stadium').results[0]?.passage.articleId).toBe('stadium');
  });
});

describe('answerQuestion and names', () => {
  it('says no good match for a question about a name the corpus never mentions, but not for a year it lacks', () => {
    expect(answerQuestion(index, 'what does Microsoft say about the data center in Virginia').results).toEqual([]);
    expect(answerQuestion(index, 'was the data center in Virginia backed up in 2019').results[0]?.passage.text).toContain('Virginia');
  });

  it('reads two everyday words run together ("userbase") as chat, not as a name the corpus lacks', () => {
    expect(answerQuestion(index, 'is the data of the userbase in Virginia').results[0]?.passage.text).toContain('Virginia');
    expect(answerQuestion(index, 'is the data of Snapchat in Virginia').results).toEqual([]);
  });

  it('says no good match for a place the corpus never mentions, even one everyday speech knows well', () => {
    expect(answerQuestion(index, 'are US users stored in a data center in Texas').results).toEqual([]);
    expect(answerQuestion(index, 'are US users stored in a data center in Virginia').results[0]?.passage.text).toContain('Virginia');
    // A day or month the articles lack is not an unknown name.
    expect(answerQuestion(index, 'were US users stored in a data center in Virginia in March').results[0]?.passage.text).toContain('Virginia');
  });
  it("knows a name an article gives only in its masthead or credits: a question about \"the Ferrowen report\" is about it", () => {
    const report = article('residency-report', 'What data residency rules cost small exporters', [
      'FERROWEN POLICY INSTITUTE',
      'Evidence for open economies',
      'The survey was completed by 212 small exporters in the five member states.',
      'Local hosting cost on average 2.3 times as much as capacity in the home market.',
    ].join('\n'));
    const reports = corpusOf(report);
    expect(answerQuestion(reports, 'how many exporters did the Ferrowen survey reach').results[0]?.passage.text).toContain('212 small exporters');
    // A name no part of any article gives is still unknown.
    expect(answerQuestion(reports, 'how many exporters did the Vantorsk survey reach').results).toEqual([]);
    // The name goes with the article.
    expect(reports.namesSource('ferrowen')).toBe(true);
    // So does the site its link is on ("per that packetyard piece").
    const saved = corpusOf(article('cache', 'What a cache can see', 'An edge cache keeps copies of popular videos close to viewers.', { url: 'https://www.packetyard.example/2026/02/26/cache/' }));
    expect(saved.namesSource('packetyard')).toBe(true);
    expect(saved.namesSource('www')).toBe(false);
    reports.remove('residency-report');
    expect(reports.namesSource('ferrowen')).toBe(false);
  });
});

describe('answerQuestion and the names that tell stories apart', () => {
  it("credits a passage with the name in its article's title, though the passage itself does not repeat it", () => {
    const town = article('veldsprenge', 'Veldsprenge data centre approved', [
      'The small river town of Veldsprenge has argued for two years about a building most of its 14,000 residents will never enter, a data centre for the year ahead.',
      'The operator estimates the site will use about 1.9 million cubic metres of water a year at full load, drawn from the river.',
    ].join('\n\n'));
    const other = article('harbour', 'Harbour works', 'The harbour board expects the new quay to open next year after a long delay over its cost.');
    const answer = answerQuestion(corpusOf(town, other), 'How much water will the Veldsprenge data centre use in a year?');
    expect(answer.results[0]?.passage.text).toContain('1.9 million cubic metres');
    // A name in many titles ("TikTok") tells no story apart, and earns a passage without it nothing more.
    expect(answerQuestion(corpusOf(town, other), 'How much water will the Veldsprenge data centre use in a year?', { titleNameCredit: 0.5 }).results[0]?.passage.text).toContain('14,000 residents');
  });

  it('reads a count, a sum, a time and a place apart: a year or a time of day is no count, people are no sum, whom news went to no place', () => {
    expect(holdsAnswerKind('quantity', 'The review began in 2023 and ended at 7:05 p.m. on a Friday.')).toBe(false);
    expect(holdsAnswerKind('quantity', 'About 5,900 ticket holders had been scanned in by 7:05 p.m.')).toBe(true);
    expect(holdsAnswerKind('money', 'It is true for the roughly 2.6 million residents who use the app.')).toBe(false);
    expect(holdsAnswerKind('money', 'TikTok will pay $2.75 million to the state.')).toBe(true);
    expect(holdsAnswerKind('money', 'The fund now holds 4.2 million.')).toBe(true);
    // A count set off by a dash from what it counts ("42 million — dormant accounts") is no sum.
    expect(holdsAnswerKind('money', '42 million — dormant U.S. accounts TikTok says meet the rule')).toBe(false);
    expect(holdsAnswerKind('quantity', 'The new crane lifts forty containers an hour.')).toBe(true);
    // A place is where something is: "in Virginia", "based in Austin"; "to BuzzFeed News" is whom it went to.
    expect(holdsAnswerKind('place', 'Information is stored in a data center in Virginia and backed up in Singapore.')).toBe(true);
    expect(holdsAnswerKind('place', 'The video app made its announcement to BuzzFeed News.')).toBe(false);
    // A cost given in a currency the pattern does not name.
    expect(holdsAnswerKind('money', 'It would open a data centre at a cost of 40 million marens.')).toBe(true);
  });

  it('prefers, for "what day of the week", the passage that names a weekday over one that gives only a year', () => {
    const dated = article('dated', 'The move', [
      'The company moved the records of its users to the new servers in 2022, people familiar with the move said, after months of planning and two delays that nobody outside the company ever explained, and after a long review by lawyers on both sides of the deal.',
      'On Friday the company said it had finished moving the records of its users to the new servers, in a short statement that gave no other details, named no one and took no questions from the reporters who had gathered outside that morning.',
    ].join('\n\n'));
    const ask = (q: string) => answerQuestion(corpusOf(dated), q).results[0]?.passage.text;
    expect(ask('what day of the week did the company say it moved the records of its users to the new servers')).toContain('Friday');
    expect(ask('what year did the company say it moved the records of its users to the new servers')).toContain('2022');
  });

  it('looks for the kind of answer in the reply to a question the passage asks and answers (an FAQ, an interview)', () => {
    const faq = article('faq', 'Questions on valves', 'How many valves can one zone of the controller run at the same time? Each zone output can drive up to two valves at once.');
    // A number, but not the count asked for: a looser answer than the reply to the same question.
    const manual = article('manual', 'The manual', 'The controller manual, in section 4, covers how many valves a zone can run at the same time.');
    expect(answerQuestion(corpusOf(faq, manual), 'how many valves can one zone of the controller run at the same time').results[0]?.passage.text).toContain('up to two valves');
  });

  it('gives no answer to "how much" or "how many" from a passage without a sum or a count, unless a close runner-up has one', () => {
    const hosting = article('hosting', 'Hosting the app', [
      'The company pays Oracle to host the app and its data, under a contract that both sides describe as long-term.',
      'The hosting bill is paid every year by the company, people familiar with the contract said.',
    ].join('\n\n'));
    const question = 'how much does the company pay Oracle every year for hosting';
    const answer = answerQuestion(corpusOf(hosting), question);
    expect(answer.results).toEqual([]);
    expect(answer.related.length).toBeGreaterThan(0);
    expect(answerQuestion(corpusOf(hosting), question, { answerKindRequiredFor: [] }).results.length).toBeGreaterThan(0);
    const priced = article('priced', 'Hosting the app', [
      'The company pays Oracle to host the app and its data, under a contract that both sides describe as long-term.',
      'Every year the company pays about $90 million for the hosting, people familiar with the contract said.',
    ].join('\n\n'));
    expect(answerQuestion(corpusOf(priced), question).results[0]?.passage.text).toContain('$90 million');
  });
});

describe('answerQuestion and hyphenated words', () => {
  it('finds "wifi" where the article writes "Wi-Fi", rather than correcting it to another corpus word', () => {
    const stadium = corpusOf(
      article('stadium', 'Stadium', 'The team will pay for 40 additional Wi-Fi access points around the concourse.'),
      article('family', 'Family', "The mayor's wife opened the new library on Saturday."),
    );
    const answer = answerQuestion(stadium, 'how many wifi points is the team paying for');
    expect(answer.query.corrections).toEqual([]);
    expect(answer.results[0]?.passage.articleId).toBe('stadium');
  });
});

describe('answerQuestion and requests for instructions', () => {
  it('answers no "how do I…" question, however many of its words a passage holds, and offers the passage as related', () => {
    const outage = corpusOf(article('outage', 'Cloud outage', 'Customers could not back up their phone photos to the cloud for six hours on Friday, the provider said, after a faulty update.'));
    const answer = answerQuestion(outage, 'how do I back up my phone photos to the cloud');
    expect(answer.results).toEqual([]);
    expect(answer.related[0]?.passage.articleId).toBe('outage');
    expect(answerQuestion(outage, 'when could customers not back up their phone photos').results[0]?.passage.articleId).toBe('outage');
  });

  it('answers "how do I…" from a help page that tells its reader what to do, not from a quoted speaker or advice', () => {
    const faq = corpusOf(
      article('faq', 'Your data: questions and answers', [
        'What if a company ignores my request?',
        'Submit a complaint to us using Form DP-7, which is available online or from any county clerk. We acknowledge every complaint within 10 business days.',
      ].join('\n\n')),
      article('story', 'Complaints rise', '"You can file a complaint with the state if a company ignores your request," said Dana Example, a lawyer in Corriden, of the new rules.'),
    );
    expect(answerQuestion(faq, 'how do i file a complaint against a company that ignored my request').results[0]?.passage.articleId).toBe('faq');
    // Only the quoted lawyer instructs here: a news report does not answer it.
    expect(answerQuestion(corpusOf(article('story', 'Complaints rise', '"You can file a complaint with the state if a company ignores your request," said Dana Example, a lawyer in Corriden, of the new rules.')), 'how do i file a complaint against a company that ignored my request').results).toEqual([]);
    // Advice ("what's the best…") is no step a help page gives.
    expect(answerQuestion(faq, "what's the best way to file a complaint against a company that ignored my request").results).toEqual([]);
  });
});

describe("answerQuestion and the asker's own case", () => {
  const explainer = corpusOf(
    article('explainer', 'Your data and the new rules', [
      'Under the new policy, the company will only process one request to download your data per account every 14 days, and each request is answered within 12 days.',
      'The city council voted on Tuesday to extend the bike lanes on Harbor Street through the end of next year, after months of complaints from riders.',
    ].join('\n\n')),
  );

  it('answers "can I…" from a passage that holds the question, and not from one that holds a little of it', () => {
    expect(answerQuestion(explainer, 'how often can i request a download of my data').results[0]?.passage.text).toContain('every 14 days');
    // Half of it ("bike", "council") would do for a question about the story, not for the asker's case.
    expect(answerQuestion(explainer, 'can i sell my old bike at the council auction').results).toEqual([]);
    expect(answerQuestion(explainer, 'can i sell my old bike at the council auction', { minAnswerabilityAboutAsker: 0.45 }).results).not.toEqual([]);
    // In the bundled news reports, which speak of the app's downloads and not of the asker's data, there is none.
    expect(answerQuestion(buildIndex(loadCorpus(BUNDLED_CORPUS_DIR)), 'how often can i request a download of my data').results).toEqual([]);
    // The same words asked about the story are answered at the ordinary bar.
    expect(answerQuestion(explainer, 'what did the city council vote on for the bike lanes').results[0]?.passage.text).toContain('Harbor Street');
  });
});

describe('answerQuestion and statements', () => {
  it('answers "did X say anything" with what X said, or that X would not say', () => {
    const story = article('review', 'The review', [
      'The committee ordered a review of the new agreement in August, after lawmakers in both parties raised questions about how the data of millions of users would be handled abroad.',
      'Asked about it on Friday, a spokesman for the committee declined to comment. The company has hired outside auditors and will publish the first of its quarterly reports early next year.',
    ].join('\n\n'));
    const answer = answerQuestion(corpusOf(story), 'did the committee say anything?');
    expect(answer.results[0]?.passage.text).toContain('declined to comment');
  });
});

describe('answerQuestion and what a question asks about', () => {
  it('says no good match when what a "how much" or "who" question asks about is a word the corpus never uses', () => {
    // The corpus never speaks of paying or of anyone being in charge, whatever else matches.
    expect(answerQuestion(index, 'how much did the company pay for the data center in Virginia').results).toEqual([]);
    expect(answerQuestion(index, 'who is in charge of the data center in Virginia').results).toEqual([]);
    expect(answerQuestion(index, 'what is the name of the data center in Virginia').results).toEqual([]);
    // A name asked for is answered where it is given for that thing ("known as", "called").
    const named = buildIndex({ articles: [article('team', 'The data team', 'The company has set up a dedicated data security team known as “USDS” to keep the records of its users apart.')], synonymGroups: [] });
    expect(answerQuestion(named, 'what is the name of the data security team').results[0]?.passage.articleId).toBe('team');
    expect(answerQuestion(named, 'what is the name of the data center').results).toEqual([]);
    expect(answerQuestion(index, 'how much is the data center in Virginia worth').results).toEqual([]);
    // Asked about what it does say, the same words answer.
    expect(answerQuestion(index, 'where is the data center that backs up US users').results[0]?.passage.text).toContain('Virginia');
  });

  it('looks past a vague verb to what is asked about, and asks nothing of a "why" question\'s wording', () => {
    // "give" is nowhere in the corpus, but it is not what the question is about.
    expect(answerQuestion(index, 'how long did regulators give the company to review the arrangement').results[0]?.passage.text).toContain('review');
    expect(answerQuestion(index, 'why did regulators want to get rid of the arrangement').results[0]?.passage.text).toContain('Regulators');
  });
});

describe('answerQuestion and the kind of answer asked for', () => {
  const owners = corpusOf(
    article('servers', 'Servers', 'The video app said it will keep using servers it owns in Virginia as its own backup for now.'),
    article('holdings', 'Holdings', 'It owns a news aggregator and the video app Douyin, its chief executive Zhang Yiming said.'),
    article('owner', 'Owner', 'The video app, which is owned by the Chinese company ByteDance, announced the move in a blog post.'),
  );

  it('reads roles (engineers, staff) as an answer to "who"', () => {
    const team = corpusOf(
      article('plan', 'Security team', 'The new security team, a team for security, will start its work in the spring.'),
      article('members', 'Members', 'The new security team consists of engineers and outside staff.'),
    );
    expect(answerQuestion(team, 'who is on the new security team').results[0]?.passage.articleId).toBe('members');
  });

  it('answers "who owns X" with the sentence that names the owner, not one where X owns something', () => {
    expect(answerQuestion(owners, 'who owns the video app').results[0]?.passage.articleId).toBe('owner');
  });

  it('takes "it was not specified when" as an answer to "when", if a looser one than a date', () => {
    const erase = (dated: boolean) =>
      corpusOf(
        article('moving', 'Moving', 'The video app will erase its old copies of the data, it said in a post.'),
        article('vague', 'Vague', 'The video app will erase its old copies of the data, it said, but it was not specified when.'),
        ...(dated ? [article('dated', 'Dated', 'The video app will erase its old copies of the data by March 2023, it said.')] : []),
      );
    expect(answerQuestion(erase(false), 'when will the video app erase its old copies of the data').results[0]?.passage.articleId).toBe('vague');
    expect(answerQuestion(erase(true), 'when will the video app erase its old copies of the data').results[0]?.passage.articleId).toBe('dated');
  });

  it('reads "other" as part of what is asked: "which other apps" finds the sentence about other apps', () => {
    const bans = corpusOf(
      article('concerns', 'Concerns', 'The administration said its concerns about the video app were centred on its ties to Beijing.'),
      article('others', 'Others', 'The president blocked the video app, WeChat and other Chinese apps over data concerns.'),
    );
    expect(answerQuestion(bans, 'which other apps raised concerns').results[0]?.passage.articleId).toBe('others');
  });
});

describe('answerQuestion in a corpus of several stories', () => {
  const storage = article('storage-report', 'Where the data lives', [
    'Oracle stores information about US users in a data center in Virginia, and it is backed up in Singapore.',
    'The company said on Friday that it set up a security unit in May, led from the United States.',
  ].join('\n\n'));
  const bakery = article('bakery', 'A bakery grows', 'The bakery on Mill Street now has 40 employees and bakes 2,000 loaves a day.');
  const plan = article('plan', 'A new company', [
    'TikTok presented the plan to officials in Washington in 2022, after talks that began in 2020, and it moved its US operations into a separate company.',
    'The new company will take on roughly 1,850 employees who handle US user data.',
  ].join('\n\n'));
  const grown = corpusOf(storage, bakery, plan);
  const best = (question: string) => {
    const top = answerQuestion(grown, question).results[0];
    return top && top.passage.text.slice(top.highlight.start, top.highlight.end);
  };

  it('answers only from an article that speaks of what is asked: another story’s "employees" are not Oracle’s', () => {
    expect(answerQuestion(grown, 'how many employees does Oracle have in Virginia?').results).toEqual([]);
    expect(best('how many employees does the bakery have')).toContain('40 employees');
  });

  it('answers no question about the asker’s own thing from a story that never speaks of it, whatever another story says', () => {
    const withScooters = corpusOf(storage, article('scooters', 'Scooter app banned', 'The city said the scooter app records the phone position of every rider every four seconds.'));
    // "phone" is in the corpus now, but not in the story on backups.
    expect(answerQuestion(withScooters, 'where is the data of my phone backed up').results).toEqual([]);
    expect(answerQuestion(withScooters, 'where is the US data backed up').results[0]?.passage.articleId).toBe('storage-report');
  });

  it('reads a typo of a filler word as filler, and a phrasal verb written as one word as the verb', () => {
    // "wil" is no name the corpus lacks; "setup" finds "set up".
    expect(best('wil the US data be backed up in Singapore')).toContain('Singapore');
    expect(best('when did the company setup the security unit')).toContain('set up a security unit in May');
  });

  it('prefers a story that names what the question names: TikTok’s market, not another app’s', () => {
    // TikTok is in every story but one, so the word alone weighs little against "largest market".
    const markets = corpusOf(
      article('tiktok', 'TikTok grows', 'TikTok is one of the most popular apps, and the US is its most important market.'),
      article('moves', 'TikTok moves', 'TikTok said it moved the data of its users to servers run by Oracle.'),
      article('review', 'TikTok reviewed', 'Regulators began a review of TikTok and of the way it handles data.'),
      article('pebble', 'Pebblecast grows', 'Pebblecast says it has about 11 million users. Arvandia is its largest market.'),
    );
    const first = (overrides: Partial<AnswerOptions>) => answerQuestion(markets, "what is tiktok's largest market?", overrides).results[0]?.passage.articleId;
    expect(first({})).toBe('tiktok');
    // Word for word the other story matches better; only the name tells them apart.
    expect(first({ missingNameFactor: 1 })).toBe('pebble');
  });

  it('takes "who owns" to ask for a named owner, not a sentence where "it" owns something else', () => {
    const owners = corpusOf(
      article('owner', 'Data moves', 'TikTok said on Friday that it would erase the data of American users from its own servers. The app is owned by the Chinese company ByteDance.'),
      article('copy', 'Another report', 'ByteDance is one of the fastest growing startups in China. It owns the leading news aggregator, Jinri Toutiao, as well as TikTok’s Chinese twin Douyin.'),
    );
    expect(answerQuestion(owners, 'who owns tiktok').results[0]?.passage.articleId).toBe('owner');
  });

  it('takes a condition ("whenever the river is low") as an answer to "when", if not a date', () => {
    const pumps = corpusOf(
      article('a-plain', 'Pumps', 'The pumps at the weir stop, and the river is low this summer, the mayor said.'),
      article('b-condition', 'Pumps', 'The pumps at the weir stop whenever the river is low in the summer, the mayor said.'),
    );
    expect(answerQuestion(pumps, 'when do the pumps at the weir stop?').results[0]?.passage.articleId).toBe('b-condition');
  });

  it("answers with the reply to a question the text asks (an analyst's on a call), not with the question", () => {
    const filler = Array.from({ length: 70 }, (_, i) => `Stratacairn reported figure ${i} for its halls, racks and customers in the quarter.`);
    const call = corpusOf(
      article('call', 'Stratacairn Cloud earnings call', [
        ...filler.slice(0, 35),
        "Priyanka Dambrough: Hi, thanks for taking the question, and congrats on the quarter. There's been a lot of noise about the app's ownership changing hands. If the US business is sold, or if the workload eventually moves off Oracle, what happens to Stratacairn?",
        "Renata Volkenberg: Thanks, Priyanka. It's a fair question and I'll give you a direct answer. Our contract is with Oracle, not with TikTok. If Oracle ever decided to move that workload elsewhere, the subcontract has an 18-month notice period.",
        ...filler.slice(35),
      ].join('\n\n')),
    );
    const question = 'what happens to stratacairn if the US business gets sold or the workload leaves oracle';
    const answer = answerQuestion(call, question);
    expect(answer.results[0]?.passage.text).toContain('18-month notice period');
    // The reply is there, below the question, though it echoes it.
    expect(answer.results.map((r) => r.passage.text).some((text) => text.includes('what happens to Stratacairn?'))).toBe(true);
    // The question brings its reply even when BM25 ranks only the question among its candidates.
    expect(answerQuestion(call, question, { candidatePool: 1 }).results[0]?.passage.text).toContain('18-month notice period');
    // Read as any other passage, the question wins: it holds the asker's words.
    expect(answerQuestion(call, question, { unansweredQuestionFactor: 1 }).results[0]?.passage.text).toContain('what happens to Stratacairn?');
  });

  it('folds a passage whose answering sentence another of its own article already says (a subhead over the same point)', () => {
    // The bundled story says its point in a paragraph and again in a subhead ("TikTok wants to address Americans' concerns").
    const results = answerQuestion(buildIndex(loadCorpus(BUNDLED_CORPUS_DIR)), 'why did trump want to get rid of tiktok in the first place').results;
    const sentences = results.map((r) => r.passage.text.slice(r.highlight.start, r.highlight.end));
    // The answer states the concerns ("The Trump Administration's concerns about TikTok were centered on…").
    expect(sentences[0]).toMatch(/concerns about (?:data security on )?TikTok/);
    expect(sentences.some((sentence) => sentence.startsWith('TikTok wants to address'))).toBe(false);
  });

  it('takes "day of the week" as the kind of answer, not as what is asked about', () => {
    expect(best('what day of the week did the company say it set up the unit')).toContain('on Friday');
  });
});

describe('a publisher named in the question', () => {
  it('is what every passage of its articles is from: "midroll monday says…" finds the newsletter\'s answer', () => {
    const index = corpusOf(
      article('newsletter', 'Your backup now ships from Oracle', ['Once the file is ready, do not sit on it: the download link now expires after four days, and you can only file one request per calendar month, so plan around the slowest case.', 'Videos are still the original uploads without the watermark, and a manifest file now lets you prove that the archive has not been altered since it was produced.', 'Loveday Varnham writes Midroll Monday from a drafty attic with a very loud radiator, and answers every reader who writes in with a question about the business.'].join('\n\n'), { publisher: 'Midroll Monday' }),
      article('forum', 'How do I check my export?', 'One practical warning: the download link dies after 96 hours from the moment the export is ready.', { publisher: 'Askwell' }),
    );
    expect(answerQuestion(index, 'midroll monday says the download link dies after how long?').results[0]?.passage.articleId).toBe('newsletter');
  });
});

describe('a sentence that points back', () => {
  it('speaks of what the sentence before it named: "The law takes effect…" answers when the act takes effect', () => {
    const index = corpusOf(
      article('act', 'Brannock passes a data law', [
        'Brannock Gov. Idris Paley-Hutton signed the Brannock Data Minimization Act on Tuesday, after a year of debate in the state legislature and two failed votes in committee.',
        'The law takes effect July 1, 2027, and requires apps to delete the location data of residents within thirty days unless they agree to keep it longer.',
      ].join('\n\n')),
    );
    const question = 'When does the Brannock Data Minimization Act take effect?';
    const highlighted = (options: Partial<AnswerOptions> = {}) => {
      const top = answerQuestion(index, question, options).results[0];
      return top?.passage.text.slice(top.highlight.start, top.highlight.end);
    };
    expect(highlighted()).toMatch(/^The law takes effect July 1, 2027/);
    // Without the credit the sentence that names the act wins.
    expect(highlighted({ pointingBackCredit: 0 })).toMatch(/^Brannock Gov/);
  });
});

describe('a sentence that says it squarely', () => {
  it('wins over a long one that holds the same words in passing', () => {
    const index = corpusOf(
      article('barrier', 'Harrowmere opens its flood barrier', [
        "Harrowmere's new flood defences were officially opened on Saturday by the mayor, almost three years after the River Lidd burst its banks in a winter storm and flooded hundreds of homes across the low-lying east of the town.",
        'The defences protect 812 homes and 140 businesses.',
      ].join('\n\n')),
    );
    const question = 'How many houses are the new defences protecting?';
    const highlighted = (options: Partial<AnswerOptions> = {}) => {
      const top = answerQuestion(index, question, options).results[0];
      return top?.passage.text.slice(top.highlight.start, top.highlight.end);
    };
    expect(highlighted()).toBe('The defences protect 812 homes and 140 businesses.');
    // Length aside, the long sentence holds one more of the question's words ("new") and wins.
    expect(highlighted({ focusExponent: 0 })).toMatch(/^Harrowmere's new flood defences/);
  });
});
