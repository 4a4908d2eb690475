import { describe, expect, it } from 'vitest';
import { stemWord } from '../../src/core/analyze.ts';
import { buildIndex } from '../../src/core/load-corpus.ts';
import { MATCH_WEIGHTS, parseQuery, trailingAsides, withoutChatMarkup, withoutHedges, withoutPreamble, withoutQuizFurniture, withoutTagQuestions, withoutVerdictRequest } from '../../src/core/query.ts';
import { everydayRarity, everydaySpelling, looksLikeName } from '../../src/core/background.ts';
import { article } from '../support/fixtures.ts';

const index = buildIndex({
  articles: [
    article('app', 'A video app', [
      'The application, which is owned by the Chinese company ByteDance, has more than 1 billion active users.',
      'Its data is stored in a data center in Virginia and backed up in Singapore, a spokesperson said in 2022.',
    ].join('\n\n')),
  ],
  synonymGroups: [],
});

describe('parseQuery: the kind of answer asked for', () => {
  it.each([
    ['where is the data stored', 'place'],
    ['when was it announced', 'time'],
    ['who owns the app', 'person'],
    ['how many users does it have', 'quantity'],
    ['how much did Oracle pay for it', 'money'],
    ['how long will the move take', 'measure'],
    ['how much time passed between the order and the move', 'measure'],
    ['how much time did they get to sell the business', 'measure'],
    ['did the regulator say anything about it', 'statement'],
    ['how did Oracle respond?', 'statement'],
    ['what did the White House say when asked', 'statement'],
    ['did the government people or oracle say anything when journalists reached out', 'statement'],
    ['did orcle say anyting to the press', 'statement'],
    ['the committee, they give any answer to the journalists or no?', 'statement'],
    ['Did the Treasury, which sits on CFIUS, say anything to the press about this?', 'statement'],
    // The subject may be a long name.
    ['did the committee on foreign investment in the us reply when asked', 'statement'],
    // A kind of answer asked for outright wins over the verb of saying.
    ['what day did the company say it would move', 'time'],
    // What a source says about a question is that question's answer.
    ['whats the state memo say about how deep the vault is', 'measure'],
    ['what does the article say about when the data moved', 'time'],
    ['why was the app banned', 'reason'],
    ["what was the president's reasoning for banning the app", 'reason'],
    ["what's the motive behind the move", 'reason'],
    ['what caused the outage on Friday', 'reason'],
    ['what led to the ban', 'reason'],
    // A goal or purpose asked for is a reason in other words; "in which year", in a learner's word order, a time.
    ["What was TikTok's stated objective in routing the data through Oracle?", 'reason'],
    ['In which year ByteDance was founded?', 'time'],
    ['what is ByteDance', 'definition'],
    ['wait what even is oracle, like what do they do', 'definition'],
    ['How do the articles describe Oracle, what kind of company it is?', 'definition'],
    ['What is the name of the data security team TikTok set up?', 'name'],
    ['so when did the app move its data', 'time'],
    // Keywords say what they want by a noun.
    ['tiktok oracle deal date', 'time'],
    ['app data center location', 'place'],
  ])('"%s" asks for a %s', (question, type) => {
    expect(parseQuery(question, index).answerType).toBe(type);
  });

  it('reads the articles themselves and an opening interjection as the asking frame', () => {
    expect(parseQuery('How do the articles describe Oracle?', index).searched).toEqual(['oracle']);
    expect(parseQuery('according to the articles, where is the data stored', index).searched).toEqual(['data', 'stored']);
    expect(parseQuery('wait, where is the data stored', index).searched).toEqual(['data', 'stored']);
    // "The report says" is the article too; "any timeline" only asks when.
    expect(parseQuery('which country does the report say is the biggest market', index).searched).toEqual(['country', 'biggest', 'market']);
    expect(parseQuery('is there any timeline for deleting the data', index).searched).toEqual(['deleting', 'data']);
    // "the two kinds of specialists", "types of data": what kind is asked, not a word to find.
    expect(parseQuery('the two kinds of specialists on the team', index).searched).toEqual(['two', 'specialists', 'team']);
    expect(parseQuery('what types of data are stored', index).searched).toEqual(['data', 'stored']);
    // "How much money" asks for a sum; an article gives the sum, not the word.
    const sum = parseQuery('how much money did oracle spend on the servers', index);
    expect(sum.answerType).toBe('money');
    expect(sum.searched).toEqual(['oracle', 'spend', 'servers']);
    expect(parseQuery('where did the money for the servers come from', index).searched).toContain('money');
    expect(parseQuery('what did the report find about the data', index).searched).toContain('report');
    // The source named before it stays: it says which article is meant.
    expect(parseQuery('what does the buzzfeed news article say about the data', index).searched).toEqual(['buzzfeed', 'news', 'data']);
    // Elsewhere they are words of the question.
    expect(parseQuery('which article did BuzzFeed publish', index).searched).toContain('article');
    expect(parseQuery('how long did the data wait', index).searched).toContain('wait');
  });

  it('reads "the name of" a thing as asking for that thing, but not the name of a person', () => {
    expect(parseQuery('what is the name of the team that stores the data', index).searched).toEqual(['team', 'stores', 'data']);
    expect(parseQuery('what is the name of the person who stores the data', index).searched).toContain('name');
  });

  it('reads "til" and "guy" as filler, and makes no expression of a function phrase ("what kind of apps")', () => {
    expect(parseQuery('how long til the data move, the oracle guy said', index).searched).toEqual(['data', 'move', 'oracle']);
    expect(parseQuery('what kind of apps store data', index).searched).toEqual(['apps', 'store', 'data']);
    // A chat abbreviation for a span of time reads as its word.
    expect(parseQuery('what share was still on legacy storage at EOY 2024', index).searched).toContain('year');
    // "…or no?" closing a learner's yes/no question, and "vis-a-vis", are grammar.
    expect(parseQuery('TikTok wanted a separate company. This happened or no?', index).searched).toEqual(['tiktok', 'wanted', 'separate', 'company']);
    expect(parseQuery('what did tiktok promise vis-a-vis the government', index).searched).toEqual(['tiktok', 'promise', 'government']);
  });

  it('reads whom a statement was made to as the asking frame, not a topic', () => {
    expect(parseQuery('did oracle say anything to the press', index).searched).toEqual(['oracle']);
    expect(parseQuery('did oracle comment when reporters asked', index).searched).toEqual(['oracle', 'comment']);
    // The press as a subject stays a topic.
    expect(parseQuery('how did the press cover the oracle deal', index).searched).toContain('press');
  });

  it('reads a mistyped question word as the word meant ("hwo many", "wehre", "whn", "how lomg")', () => {
    expect(parseQuery('hwo many people are on the team', index).answerType).toBe('quantity');
    expect(parseQuery('wehre is the data backed up', index).answerType).toBe('place');
    expect(parseQuery('whn did the data move', index).answerType).toBe('time');
    expect(parseQuery('how lomg did the review take', index).answerType).toBe('measure');
    // A word of English or of the corpus is no typo ("who" is not "how"; "whole" is a word).
    expect(parseQuery('is the whole data set stored', index).answerType).toBe('any');
  });

  it('is decided by the leading question word, not a later "when" joining two clauses', () => {
    expect(parseQuery('whose data is the government worried about when apps handle it', index).answerType).toBe('person');
    expect(parseQuery('is the data safe when it is backed up', index).answerType).toBe('any');
    // A greeting to the bot is not part of the question: "did…" still asks yes or no.
    expect(parseQuery('hey bot, did the regulator say anything when reporters asked', index).answerType).toBe('statement');
    expect(parseQuery('hey bot, did the regulator say anything when reporters asked', index).concepts.map((c) => c.word)).not.toContain('bot');
  });
});

describe("parseQuery: instructions, advice and the asker's own case", () => {
  type Asks = 'instructions' | 'asker' | 'story';
  it.each<[string, Asks]>([
    ['how do I back up my phone', 'instructions'],
    ["what's a good app for editing video", 'instructions'],
    ['which is the best cloud for photos', 'instructions'],
    ["what's the best cloud storage app for photos?", 'instructions'],
    ['any suggestions for cloud storage', 'instructions'],
    ['can anyone recommend a vpn', 'instructions'],
    ['how to back up photos', 'instructions'],
    ['good app for tracking homework assignments?', 'instructions'],
    ['where is the data backed up', 'story'],
    ['what did the company say about the move', 'story'],
    // What someone in the story recommended or judged best, or the recommendation algorithm, is the story's.
    ['what did the auditor recommend for the public summary', 'story'],
    ['what is the recommendation algorithm called', 'story'],
    ['what made the best contract he ever saw good', 'story'],
    // The asker's own case: an explainer may answer it, a news report seldom does.
    ['why did i get a ban from the game server', 'asker'],
    ['how often can i request a download of my data', 'asker'],
    ['best video editing app for making clips?', 'asker'],
    ['which cloud is best for photos', 'asker'],
    ['which cell company has the cheapest family data plan', 'asker'],
    ['the app logs me out every day', 'asker'],
    ['how long do i boil an egg if i want a jammy yolk', 'asker'],
    // "how to" inside a clause is no request for instructions.
    ['which act did the department seek inputs on how to implement', 'story'],
    ["which is the company's best-known app", 'story'],
    ['I heard the repairs cost 12 million dollars', 'story'],
    ['i read that the data moved to Oracle, is that true', 'story'],
    ['what did the US order ByteDance to do', 'story'],
    // A case the asker supposes frames a question about the story.
    ['so if i get paid as a creator is my bank info sitting on the oracle servers', 'story'],
    // Hearsay and apologies before the question are no case of the asker's own.
    ["My son tells me some of TikTok's information lives on Google's computers. Is that right?", 'story'],
    ['Forgive me if I have this muddled, but did Oracle once want to buy a piece of TikTok?', 'story'],
    // The asker's task says what the question is for: the question is the story's.
    ["for my report i have to compare trump and biden on tiktok. what did biden do to trump's ban?", 'story'],
    ["I've got to explain the deal to my class: who stores the data?", 'story'],
    ['i have a tiktok account, can they see my data', 'asker'],
  ])('"%s" asks for %s', (question, asks) => {
    const query = parseQuery(question, index);
    expect(query.asksForInstructions ? 'instructions' : query.asksAboutAsker ? 'asker' : 'story').toBe(asks);
  });
});

describe('parseQuery: what a typed question asks about', () => {
  const focusOf = (question: string) => parseQuery(question, index).focus.map((c) => c.word);
  it.each([
    ['who is in charge of the data', ['charge']],
    ['how many petabytes were moved', ['petabytes']],
    // After an auxiliary the subject comes first; its verb is asked about too.
    ['how much did ByteDance pay for it', ['pay']],
    ['how much did the company pay for it', ['company', 'pay']],
    ['when is the move supposed to end', ['move', 'end']],
    // The attribute a "what's the X of" question asks for, and the money a money question asks about.
    ['what is the salary of the data team', ['salary']],
    ['how much is the video app worth', ['video', 'app', 'worth']],
    // The asker's own things, in any question.
    ['how do i back up my phone to the cloud', ['phone']],
    ['is my data stored in Virginia', ['data']],
    ['is my data safe', ['data']],
    ['how do firewalls work on my cybersecurity homework', ['cybersecurity', 'homework']],
    // What the answer is for is not asked about.
    ['how do firewalls work, need it for my cybersecurity homework', []],
    // The two things compared.
    ["what's the difference between a crocodile and an alligator", ['crocodile', 'alligator']],
    // An adjective describes the thing asked about; the noun is the thing.
    ['who made that viral video about the data', ['video']],
    // What a subordinate clause says is not asked about ("before it has to be redone").
    ['how long is a certification good for before it has to be renewed', ['certification']],
    // A person's role and that they were quoted only describe whom "who" asks for.
    ["who's the exec quoted in the blog post", ['blog']],
  ])('"%s" asks about %j', (question, focus) => {
    expect(focusOf(question)).toEqual(focus);
  });

  it('reads a "%" in the question as "percent", as the index reads it', () => {
    expect(parseQuery('what % of users are in the US', index).concepts.map((c) => c.word)).toContain('percent');
  });

  it('skips names and vague everyday verbs, and leaves yes/no, open and "why" questions without one', () => {
    expect(focusOf('how long did they give ByteDance to move')).toEqual(['move']);
    expect(focusOf('is the data stored in Virginia')).toEqual([]);
    expect(focusOf('tell me about the data center')).toEqual([]);
    expect(focusOf('why did ByteDance buy the app')).toEqual([]);
  });
});

describe('trailingAsides: what the asker adds after asking', () => {
  const asides = (question: string) => trailingAsides(question).map(([start, end]) => question.slice(start, end));
  it.each([
    ['On what date was it announced? I need it for the effective-date field in our vendor risk register.', ['I need it for the effective-date field in our vendor risk register.']],
    ['could they ban foreign apps completely?? i worry about my card games 🙂', ['i worry about my card games 🙂']],
    ['what kind of business is the Oracle company... i only ever hear the name on the news', ['i only ever hear the name on the news']],
    ['HAS THE DEAL BEEN FINALIZED YET... THANK YOU', ['THANK YOU']],
    // Follow-up questions are questions, with or without "?".
    ['did trump block tiktok in 2020? on wat grounds', []],
    ["what did the treasury dept say? aren't they part of CFIUS", []],
    ['is the data still in virginia... or are those gone now', []],
    // Before the question, a sentence sets the scene; abbreviations end no sentence.
    ['TikTok moved its data to Oracle. When did that happen?', []],
    ['what did c.f.i.u.s. order bytedance to do. thanks', []],
    ['which party is rep. loretta quintavalle from', []],
    ['tiktok oracle deal date', []],
    // A guess put up to be confirmed: after a question, or after a comma once the sentence has asked.
    ['how many people are on the data team? like 50?', ['like 50?']],
    ["which state are tiktok's servers in? texas right?", ['texas right?']],
    ['what weekday was it announced? i\'m guessing monday', ["i'm guessing monday"]],
    ['which month did biden scrap the orders? 2022?', ['2022?']],
    ['which country has the backup copy of the data, hong kong?', [' hong kong?']],
    ['just the name of the commerce secretary, was it pritzker?', [' was it pritzker?']],
    // A second question is no guess.
    ['where is the data? is it safe?', []],
  ])('"%s" → %j', (question, expected) => {
    expect(asides(question)).toEqual(expected);
  });

  it('counts an aside\'s words for little and never takes them for what is asked', () => {
    const parsed = parseQuery('Where is the data of the app stored? Need it for my homework on cloud vendors.', index);
    const weight = (word: string) => parsed.concepts.find((c) => c.word === word);
    expect(weight('homework')?.aside).toBe(true);
    expect(weight('stored')?.aside).toBe(false);
    expect(weight('homework')?.rarity).toBeLessThan(parseQuery('Where is the data of the homework stored?', index).concepts.find((c) => c.word === 'homework')?.rarity ?? 0);
    expect(parsed.focus.map((c) => c.word)).not.toContain('homework');
    expect(parsed.asksAboutAsker).toBe(false);
  });

  it("weighs a guess the corpus lacks as an aside, and one it knows at full weight", () => {
    const wrong = parseQuery('where is the data stored? texas right?', index).concepts.find((c) => c.word === 'texas');
    expect(wrong?.aside).toBe(true);
    const right = parseQuery('where is the data backed up, is it singapore?', index).concepts.find((c) => c.word === 'singapore');
    expect(right?.aside).toBe(false);
  });

  it('leaves a question that says too little alone its context at full weight', () => {
    const parsed = parseQuery('Is it true? The data is backed up in Singapore.', index);
    expect(parsed.concepts.every((c) => !c.aside)).toBe(true);
  });
});

describe('parseQuery: what the answering article must speak of', () => {
  const articleFocus = (question: string) => parseQuery(question, index).articleFocus.map((terms) => [...terms][0]);
  it('is the thing asked about, or a sum paid or spent, but not a verb an article may tell in its own words', () => {
    expect(articleFocus('how many employees does the unit have')).toEqual(['employe']);
    expect(articleFocus('what is bytedance valued at')).toEqual(['valu']);
    expect(articleFocus('how much did the app spend on the move')).toContain('spend');
    // "moved" may be told as "migrated", "transferred", "sent".
    expect(articleFocus('when was the data moved')).toEqual([]);
    // A misspelt verb is a verb too, told by its correction.
    const jobs = buildIndex({ articles: [article('post', 'A post', 'She is working at a bank now, after working at Oracle for years.')], synonymGroups: [] });
    const focusOf = (question: string) => parseQuery(question, jobs).articleFocus.map((terms) => [...terms][0]);
    expect(focusOf('where is she wroking now')).toEqual([]);
    expect(focusOf('where is she working now')).toEqual([]);
  });
});

describe('parseQuery: function words kept for their meaning', () => {
  it('searches "between" or "against" only in a corpus that writes them', () => {
    expect(parseQuery('how much time passed between the order and the move', index).searched).not.toContain('between');
    const withBetween = buildIndex({ articles: [article('gap', 'A gap', 'Two years passed between the order and the move.')], synonymGroups: [] });
    expect(parseQuery('how much time passed between the order and the move', withBetween).searched).toContain('between');
  });
});

describe('withoutVerdictRequest', () => {
  it.each([
    ['Oracle bought TikTok. True or false?', 'Oracle bought TikTok'],
    ['trump blocked wechat in 2020. accurate?', 'trump blocked wechat in 2020'],
    ['the data is in Virginia, is that right?', 'the data is in Virginia'],
    ['the first report said ByteDance could still reach it. Is that really what it said? need the wording', 'the first report said ByteDance could still reach it'],
    ['the NSC ordered the shutdown, not Trump. Any source for that?', 'the NSC ordered the shutdown, not Trump'],
    ['my prof said the data moved last year, is that right? when did tiktok say it was done?', 'my prof said the data moved last year. when did tiktok say it was done?'],
    ['the new setup keeps data away from PRC groups. What\'s the actual wording?', 'the new setup keeps data away from PRC groups'],
    // The question itself stays, and so does one that only sounds like a verdict.
    ['true or false?', 'true or false?'],
    ['where is the data stored right now?', 'where is the data stored right now?'],
    ['which source is right?', 'which source is right?'],
    ['is the report accurate about the dates', 'is the report accurate about the dates'],
  ])('"%s" → "%s"', (question, rest) => {
    expect(withoutVerdictRequest(question)).toBe(rest);
  });

  it('leaves the claim to be searched, not the words that ask for a verdict', () => {
    const parsed = parseQuery('Claim: Oracle keeps the US data in Virginia. True or false?', index);
    expect(parsed.searched).not.toContain('claim');
    expect(parsed.searched).not.toContain('true');
    expect(parsed.searched).not.toContain('false');
    expect(parsed.searched).toContain('virginia');
  });
});

describe('withoutTagQuestions', () => {
  it.each([
    ['treasury sits on CFIUS right? did they comment', 'treasury sits on CFIUS? did they comment'],
    ['the deal was in 2022, correct?', 'the deal was in 2022?'],
    ['oracle hosts it now yeah?', 'oracle hosts it now?'],
    // "Right" that belongs to the sentence stays.
    ['which one is right?', 'which one is right?'],
    ['is that right?', 'is that right?'],
    ['did they get it right?', 'did they get it right?'],
  ])('"%s" → "%s"', (question, rest) => {
    expect(withoutTagQuestions(question)).toBe(rest);
  });
});

describe('withoutQuizFurniture', () => {
  it.each([
    ["Round 1, question 2: Which city held the spare copy? (1 pt)", 'Which city held the spare copy?'],
    ['Q3. Name the two kinds of specialists. (2 pts)', 'Name the two kinds of specialists.'],
    ['Q: Who edited the report? (1 pt)', 'Who edited the report?'],
    ['Q5 (1pt): whats the name of the comitee', 'whats the name of the comitee'],
    ['Round 5 Q2: what did the WH say?', 'what did the WH say?'],
    ['For 2 points: which state is the data center in?', 'which state is the data center in?'],
    ['Bonus: name the agency', 'name the agency'],
    ['how many users does it have [2 points]', 'how many users does it have'],
    // The blank to fill stays a gap in the sentence, not a word to search.
    ['Fill in the blank: the data was backed up in ____', 'the data was backed up in …'],
    // A quarter, a list of results or a question that only starts with Q is no quiz's number.
    ['Q4 2021 revenue?', 'Q4 2021 revenue?'],
    ['Q3 results came in. What is it?', 'Q3 results came in. What is it?'],
    ['Quick question: where is the data?', 'Quick question: where is the data?'],
    // Nothing is left bare.
    ['Q7. ?', 'Q7. ?'],
  ])('"%s" → "%s"', (question, rest) => {
    expect(withoutQuizFurniture(question)).toBe(rest);
  });

  it('searches none of a quiz host\'s numbering or points', () => {
    expect(parseQuery('Round 3, question 2: Which Asian city held the backup? (1 pt)', index).searched).toEqual(parseQuery('Which Asian city held the backup?', index).searched);
  });
});

describe('withoutChatMarkup', () => {
  it.each([
    ['did some rep promise anything :skull:', 'did some rep promise anything'],
    ['where is the data <:pepe_think:123456789012345678> lol', 'where is the data lol'],
    ['<@123456789012345678> who owns tiktok?', 'who owns tiktok?'],
    ['@mod whats USDS even for', 'whats USDS even for'],
    ['@mod, @helper: where is the backup', 'where is the backup'],
    ['^ this but when was it announced', 'when was it announced'],
    ['^^ same, who runs the team', 'who runs the team'],
    // A time of day and an e-mail address are no emoji or mention; nothing is left bare.
    ['was it announced at 10:30:00 today', 'was it announced at 10:30:00 today'],
    ['who wrote to press@example.com', 'who wrote to press@example.com'],
    ['@mod', '@mod'],
    // A pasted link, a placeholder for one, Discord's formatting marks and a quoted line's "> ".
    ['saw this: https://news.example/tiktok-oracle — so where does the data live?', 'saw this: so where does the data live?'],
    ['re: the deal [link] — was it signed?', 're: the deal — was it signed?'],
    ['is it **really** in __virginia__?? ||spoiler|| `lol`', 'is it really in virginia?? spoiler lol'],
    ['> oracle tried to buy tiktok\nhow big a piece was it?', 'oracle tried to buy tiktok\nhow big a piece was it?'],
    ['see <https://news.example/a> and www.news.example/b for who owns it', 'see and for who owns it'],
  ])('"%s" → "%s"', (question, rest) => {
    expect(withoutChatMarkup(question)).toBe(rest);
  });

  it('searches none of the emoji names, mentions or stretched chat words', () => {
    const plain = parseQuery('who owns tiktok', index).searched;
    expect(parseQuery('@mod who owns tiktok :skull:', index).searched).toEqual(plain);
    expect(parseQuery('lmaooo who owns tiktok', index).searched).toEqual(plain);
    expect(parseQuery('who owns tiktok sumthing idk', index).searched).toEqual(plain);
    // A stretched word is the word it stretches, not a word the corpus lacks.
    expect(parseQuery('who owns bytedanceee', index).unknown).toEqual([]);
    expect(parseQuery('who owns bytedanceeezz', index).unknown).toEqual(['bytedanceeezz']);
  });
});

describe('withoutHedges', () => {
  it.each([
    ['when did the reports come out i think it was spring', 'when did the reports come out it was spring'],
    ['is it a billion users or more than that i forget', 'is it a billion users or more than that'],
    ['on oracles service no wait servers i mean oracles servers', 'on oracles service servers oracles servers'],
    ["who runs the committee or whatever it's called", 'who runs the committee'],
    ["did the shares go up i can't remember which", 'did the shares go up'],
    // "mean" and "think" of the story stay; a hedge is never the whole question.
    ['what does USDS mean', 'what does USDS mean'],
    ['what do they think of oracle', 'what do they think of oracle'],
    ['i think', 'i think'],
  ])('"%s" → "%s"', (question, rest) => {
    expect(withoutHedges(question)).toBe(rest);
  });

  it('searches neither the hedges nor the pauses voice input writes down', () => {
    const plain = parseQuery('where is the data stored', index).searched;
    expect(parseQuery('um where is the uh data stored i think', index).searched).toEqual(plain);
    expect(parseQuery('sorry where is the data stored or whatever', index).searched).toEqual(plain);
  });
});

describe('withoutPreamble', () => {
  it.each([
    ['Good afternoon all. Did they ever move the data out of Singapore?', 'Did they ever move the data out of Singapore?'],
    ['Sorry to be slow, but what is CFIUS exactly?', 'what is CFIUS exactly?'],
    ["My son tells me the data lives on Google's computers. Is that right?", "the data lives on Google's computers. Is that right?"],
    ['I read somewhere that the data is in Singapore, is that still true?', 'the data is in Singapore, is that still true?'],
    // A fact-checker's request frames the claim to check.
    ['Confirm: what did the White House say?', 'what did the White House say?'],
    ['Confirm whether the White House answered the request.', 'the White House answered the request.'],
    ['Is it accurate that Oracle will store all of the data?', 'Oracle will store all of the data?'],
    // What a member pasted or points back to.
    ['saw this: so where does the data live?', 'so where does the data live?'],
    ['re: the deal — was it signed?', 'the deal — was it signed?'],
    ['from the article you linked earlier: who owns the app?', 'who owns the app?'],
    ['quick ones: where is the backup?', 'where is the backup?'],
    // A doubter's lead-in: the claim after it is what is asked about.
    ["isn't it true the team is a couple of interns?", 'the team is a couple of interns?'],
    ['prove it: bytedance is locked out of the data', 'bytedance is locked out of the data'],
    ['bet they put out a big statement', 'they put out a big statement'],
    ['i bet the data still ends up in china', 'the data still ends up in china'],
    ['Per the coverage, what separated the order and the deal?', 'what separated the order and the deal?'],
    // What circulates, put up to be checked.
    ['Claim: Oracle bought TikTok. True or false?', 'Oracle bought TikTok. True or false?'],
    ['claim going around - the data never left virginia', 'the data never left virginia'],
    ['Someone on twitter says the data is in Beijing', 'the data is in Beijing'],
    ['A viral post claims that Oracle can read messages', 'Oracle can read messages'],
    ['is true that bytedance can see the data?', 'bytedance can see the data?'],
    ['My professor says the data never left Virginia', 'the data never left Virginia'],
    // What someone set the asker to find.
    ['my teacher wants the date when Reuters reported the deal', 'the date when Reuters reported the deal'],
    ['our teacher asked us to find out who owns the app', 'who owns the app'],
    ["Could someone tell me which country is the app's largest audience?", "which country is the app's largest audience?"],
    ['please remind me when the deal was announced', 'when the deal was announced'],
    ["tl;dr what's the oracle deal meant to block?", "what's the oracle deal meant to block?"],
    ['TLDR: who holds the data', 'who holds the data'],
    // A request put as an order, as a quiz or a worksheet puts it.
    ['Name the two kinds of specialists on the team.', 'the two kinds of specialists on the team.'],
    ['State where the backup is kept', 'where the backup is kept'],
    ['Explain why Trump wanted TikTok sold', 'why Trump wanted TikTok sold'],
    ['Besides TikTok, name one other app Trump went after.', 'Besides TikTok, one other app Trump went after.'],
    ['spell out CFIUS.', 'what does CFIUS stand for?'],
    // Nothing is left bare, and what only looks like a preamble stays.
    ['State officials said what?', 'State officials said what?'],
    ['list prices went up?', 'list prices went up?'],
    ['sorry?', 'sorry?'],
    ['did the committee confirm the deal', 'did the committee confirm the deal'],
    ['hi all where is the data stored', 'hi all where is the data stored'],
    ['I read the report on the data move', 'I read the report on the data move'],
  ])('"%s" → "%s"', (question, rest) => {
    expect(withoutPreamble(question)).toBe(rest);
  });

  it('reads "stand for", "the letters mean", "what\'s it called" and "name pls" as asking for a name, not as topic', () => {
    expect(parseQuery('what does USDS stand for', index).searched).toEqual(['usds']);
    expect(parseQuery('what do the letters in CFIUS mean', index).searched).toEqual(['cfius']);
    expect(parseQuery('bytedance has a news app too, whats it called', index).searched).toEqual(['bytedance', 'news', 'app']);
    expect(parseQuery('tiktok has a twin app in china? name pls', index).searched).toEqual(['tiktok', 'twin', 'app', 'china']);
    // Elsewhere the words are the question's own.
    expect(parseQuery('what name did they give the unit', index).searched).toContain('name');
  });

  it("leaves a teenager's asides out of the words searched", () => {
    expect(parseQuery('lowkey who is even on that team', index).searched).toEqual(['team']);
    expect(parseQuery('is it cap that oracle will store the data', index).searched).toEqual(['oracle', 'store', 'data']);
    expect(parseQuery('kinda sus but is tiktok keeping backups', index).searched).toEqual(['tiktok', 'keeping', 'backups']);
    expect(parseQuery('where is the data backed up xD tysm', index).searched).toEqual(parseQuery('where is the data backed up', index).searched);
  });

  it('leaves out how a member asks about the articles: "is there any article that says", "which piece brings up", "the write-ups"', () => {
    expect(parseQuery('is there any article that says who owns the app', index).searched).toEqual(['owns', 'app']);
    expect(parseQuery('which piece brings up the backup in singapore', index).searched).toEqual(['backup', 'singapore']);
    expect(parseQuery('does any of the write-ups say who owns the app', index).searched).toEqual(['owns', 'app']);
    expect(parseQuery('do the articles agree on where the data is stored', index).searched).toEqual(['data', 'stored']);
    expect(parseQuery('read in a tiktok writeup that the data is stored abroad', index).searched).toEqual(['read', 'tiktok', 'data', 'stored', 'abroad']);
    // Where the article is what is asked about, it stays.
    expect(parseQuery('which piece did BuzzFeed publish on the backup', index).searched).toContain('piece');
  });

  it('reads a misspelt word of a function phrase as that phrase ("acording to")', () => {
    // The corpus uses "according" itself, so the misspelling is one of its words too.
    const attributed = buildIndex({ articles: [article('app', 'A video app', 'The app is owned by ByteDance, according to the filing.')], synonymGroups: [] });
    expect(parseQuery('who owns the app acording to the article', attributed).unknown).toEqual([]);
    expect(parseQuery('who owns the app acording to the article', attributed).searched).toEqual(parseQuery('who owns the app according to the article', attributed).searched);
  });

  it('leaves the greeting and apology out of the words searched', () => {
    expect(parseQuery('Sorry to be slow, but what is CFIUS exactly?', index).searched).toEqual(['cfius']);
  });
});

describe('parseQuery: concepts', () => {
  it('names the verb whose doer a "who" question asks for', () => {
    expect(parseQuery('who owns the app', index).agentVerb?.word).toBe('owns');
    expect(parseQuery('who is the spokesperson', index).agentVerb).toBeUndefined();
  });

  it('lets "how many people use it" find users, the doers of the verb', () => {
    const query = parseQuery('how many people use the app', index);
    const people = query.concepts.find((c) => c.word === 'people');
    expect(people?.alternatives.has(stemWord('users'))).toBe(true);
    // The number an answer gives should count users, not any people ("hundreds of people familiar…").
    expect(query.counted?.alternatives.has(stemWord('users'))).toBe(true);
    expect(query.counted?.alternatives.has(stemWord('people'))).toBe(false);
  });

  it('copes with a count of people and no verb after it', () => {
    expect(parseQuery('how many people?', index).counted?.word).toBe('people');
  });

  it('does not stretch other counted words to the verb that follows', () => {
    const query = parseQuery('how many servers use the app', index);
    expect(query.concepts.find((c) => c.word === 'servers')?.alternatives.has(stemWord('users'))).toBe(false);
  });

  it('corrects a misspelt word the corpus lacks and reports the correction', () => {
    const query = parseQuery('is the data stored in virgina?', index);
    expect(query.corrections).toEqual([{ from: 'virgina', to: 'virginia' }]);
    expect(query.unknown).toEqual([]);
  });

  it('weighs a verb the corpus never uses less than an unknown noun in "no good match"', () => {
    const rarityOf = (question: string, word: string) => parseQuery(question, index).concepts.find((c) => c.word === word)?.rarity ?? 0;
    expect(rarityOf('has the deal been wrapped up', 'wrapped')).toBeCloseTo(0.7 * everydayRarity('wrapped'));
    expect(rarityOf('is the data in a python script', 'python')).toBeCloseTo(everydayRarity('python'));
  });

  it('reads a number run together with its unit ("5ghz") as the corpus writes it, apart', () => {
    const faq = buildIndex({ articles: [article('faq', 'FAQ', 'Controllers connect only to 2.4 GHz networks, and each valve takes 24 volts.')], synonymGroups: [] });
    expect(parseQuery('does it connect to 5ghz wifi', faq).searched).toEqual(['connect', '5', 'ghz', 'wifi']);
    expect(parseQuery('is 2.4GHz enough', faq).searched).toContain('ghz');
    // Not an ordinal, nor a unit the corpus lacks.
    expect(parseQuery('the 3rd valve', faq).searched).toEqual(['3rd', 'valve']);
    expect(parseQuery('a 10kg valve', faq).searched).toEqual(['10kg', 'valve']);
  });

  it("corrects a misspelt name's plural or possessive written without its apostrophe (\"oracels servers\")", () => {
    const hosts = buildIndex({ articles: [article('hosts', 'Hosts', "Oracle's servers now carry the app's traffic, the company said.")], synonymGroups: [] });
    expect(parseQuery('is the traffic going thru oracels servers', hosts).corrections).toEqual([{ from: 'oracels', to: 'oracle' }]);
  });

  it('corrects a typo whose stem only an unrelated corpus word shares ("severs", "several")', () => {
    const servers = buildIndex({ articles: [article('hosts', 'Hosts', 'Several companies run servers for the app, and its security is audited.')], synonymGroups: [] });
    const query = parseQuery('who runs the severs', servers);
    expect(query.corrections).toEqual([{ from: 'severs', to: 'servers' }]);
    expect(query.concepts.find((c) => c.word === 'severs')?.alternatives.has(stemWord('several'))).toBe(false);
    // A form of a corpus word is no typo: "secure" is found through "security", uncorrected.
    const secure = parseQuery('is the app secure', servers);
    expect(secure.corrections).toEqual([]);
    expect(secure.concepts.find((c) => c.word === 'secure')?.alternatives.has(stemWord('security'))).toBe(true);
  });

  it('follows the corpus: once an article uses a form of the word ("severed"), "severs" is no typo', () => {
    const live = buildIndex({ articles: [article('hosts', 'Hosts', 'Several companies run servers for the app.')], synonymGroups: [] });
    expect(parseQuery('were the links severs', live).corrections).toEqual([{ from: 'severs', to: 'servers' }]);
    live.add(article('cut', 'Cut', 'The company severed its links with the app.'));
    expect(parseQuery('were the links severs', live).corrections).toEqual([]);
  });

  it('reads a frequent English word the corpus lacks as meant, not as a corpus word two keys away', () => {
    const quotes = buildIndex({ articles: [article('quotes', 'Quotes', 'The report was quoting a former engineer about the servers.')], synonymGroups: [] });
    // "quitting" is two edits from "quoting"; an everyday word is at most one slip from what was meant.
    expect(parseQuery('why was he quitting', quotes).corrections).toEqual([]);
    // A rare word is still read as a misspelling two edits away.
    expect(parseQuery('who quoted the engneeer', quotes).corrections).toEqual([{ from: 'engneeer', to: 'engineer' }]);
  });

  it('lists words the corpus has nothing for as unknown', () => {
    expect(parseQuery('what is the share price of Microsoft', index).unknown).toContain('microsoft');
  });
});

describe('parseQuery: compound nouns', () => {
  const markets = buildIndex({
    articles: [article('markets', 'Markets', 'The stock market fell. Oracle keeps data in a structure of its own design, and its stock rose on the market.')],
    synonymGroups: [],
  });

  it('reads a compound the corpus never uses as one thing it does not know, not as its words apart', () => {
    const query = parseQuery('what is a data structure in python', markets);
    expect(query.unknown).toContain('data structure');
    expect(query.concepts.find((c) => c.word === 'data structure')?.alternatives.has(stemWord('data'))).toBe(false);
    // The head word still stands for itself.
    expect(query.concepts.find((c) => c.word === 'structure')?.known).toBe(true);
  });

  it('reads "the first person to…" as an order, not the compound of grammar', () => {
    const people = buildIndex({ articles: [article('leak', 'Leak', 'A student was the first to notice the leak, and no other person saw it before Feb. 9.')], synonymGroups: [] });
    const query = parseQuery('who was the first person to notice the leak', people);
    expect(query.unknown).toEqual([]);
    expect(query.searched).toEqual(expect.arrayContaining(['first', 'person']));
  });

  it('keeps a compound the corpus uses as its words, found the usual way', () => {
    const query = parseQuery('why did the stock market fall', markets);
    expect(query.searched).toEqual(expect.arrayContaining(['stock', 'market']));
    expect(query.unknown).toEqual([]);
  });
});

describe('parseQuery: light verbs and particles that open a place', () => {
  it('counts "go", "get", "come" for half a word', () => {
    const concepts = parseQuery('how many students go to the schools', index).concepts;
    const go = concepts.find((c) => c.word === 'go');
    const plain = parseQuery('how many students attend the schools', index).concepts.find((c) => c.word === 'attend');
    expect(go?.rarity).toBeLessThan(plain?.rarity ?? 0);
  });

  it('reads "get up on the roof" as "get" and a place, not the phrasal verb "get up"', () => {
    expect(parseQuery('how hot did it get up on the roof', index).concepts.map((c) => c.word)).not.toContain('get up');
  });
});

describe('parseQuery: what a question asks, in other words', () => {
  it('takes a question word that joins a clause to a noun for no question ("the piece where…")', () => {
    const query = parseQuery('the piece where tiktok says it will "immediately delete" the data - so when is that happening?', index);
    expect(query.answerType).toBe('time');
    // An adverb says how or when, never what is asked about.
    expect(query.focus.map((c) => c.word)).not.toContain('immediately');
    expect(parseQuery('where is the data stored', index).answerType).toBe('place');
  });

  it('reads a word of English the corpus lacks as meant, its nearest corpus word a weak clue ("army" is no "arm")', () => {
    const corpus = buildIndex({ articles: [article('arm', 'Arm', 'The company sold its chip arm to a rival in 2021.')], synonymGroups: [] });
    const army = parseQuery('did the army buy it', corpus).concepts.find((c) => c.word === 'army');
    expect(army?.known).toBe(false);
    expect(army?.alternatives.get(stemWord('arm'))).toBeLessThanOrEqual(MATCH_WEIGHTS.phrasePart);
    // A typo is still corrected at full weight.
    expect(parseQuery('what did the compnay sell', corpus).concepts.find((c) => c.word === 'compnay')?.known).toBe(true);
  });
});

describe('parseQuery: a name said as two words', () => {
  it('reads a stop word and the word after it as the one name the corpus writes ("we chat" → "WeChat")', () => {
    const apps = buildIndex({ articles: [article('apps', 'Apps', 'Trump moved to ban TikTok and WeChat in 2020.')], synonymGroups: [] });
    const chat = parseQuery('what happened to the ban on tiktok and we chat', apps).concepts.find((c) => c.word === 'chat');
    expect(chat?.alternatives.has(stemWord('wechat'))).toBe(true);
    expect(chat?.known).toBe(true);
  });
});

describe('parseQuery: requests for instructions or advice', () => {
  it.each(['how do i back up the data', 'app keeps crashing, any fix', 'any tips for storing data', "what's the best app for video", 'any good deals on data plans this weekend?'])('"%s" asks for them', (question) => {
    expect(parseQuery(question, index).asksForInstructions).toBe(true);
  });

  it('is not what a question about the story asks', () => {
    expect(parseQuery('how did the app fix its data problem', index).asksForInstructions).toBe(false);
  });
});

describe('parseQuery: phrasal verbs', () => {
  it('reads the particle of a phrasal verb as part of the verb, not as a word to find', () => {
    expect(parseQuery('who looks after the data', index).searched).toEqual(['looks', 'data']);
    expect(parseQuery('which apps did they go after', index).searched).toEqual(['apps', 'go']);
    // Not a phrasal verb: "after" keeps its meaning of time, where the corpus writes it.
    const after = buildIndex({ articles: [article('later', 'Later', 'The data was moved after 2020, and the team looks after it.')], synonymGroups: [] });
    expect(parseQuery('what happened to the data after 2020', after).searched).toContain('after');
    expect(parseQuery('who looks after the data', after).searched).toEqual(['looks', 'data']);
  });
});

describe('parseQuery: chat shorthand', () => {
  it('reads "rn", "pls" and "u" as filler, not as words to find', () => {
    expect(parseQuery('where is the data stored rn pls, do u know', index).searched).toEqual(['data', 'stored']);
  });

  it('finds a word whose "-ing" lost its g ("storin"), and reads "stuff" as filler', () => {
    const query = parseQuery('is it still storin the data and stuff', index);
    expect(query.searched).toEqual(['storing', 'data']);
    expect(query.concepts[0]?.alternatives.has(stemWord('storing'))).toBe(true);
    expect(query.unknown).toEqual([]);
  });

  it('reads "happenin" as the everyday word, "env" as environment, and "nah" and "yeah" as filler', () => {
    expect(parseQuery('yeah so is the data stored in a test env or nah', index).searched).toEqual(['data', 'stored', 'test', 'environment']);
    expect(parseQuery('is the data move still happenin', index).searched).toEqual(['data', 'move']);
    expect(parseQuery('is oracle still reviewin the code', index).searched).toContain('reviewing');
    // An abbreviation written with inner capitals is an acronym, not chat shorthand.
    expect(parseQuery('what did the DoC say about the data', index).searched).toContain('doc');
  });

  it('reads "max", "avg" and "pct" as the words articles spell out', () => {
    const capacity = buildIndex({ articles: [article('capacity', 'Capacity', 'The site has a maximum capacity of 96 megawatts, an average load of 40 percent.')], synonymGroups: [] });
    expect(parseQuery('max capacity of the site', capacity).searched).toEqual(['maximum', 'capacity', 'site']);
    expect(parseQuery('avg load pct', capacity).unknown).toEqual([]);
  });

  it('reads "gona", "thru", "w", "once" and "question:" as filler', () => {
    expect(parseQuery('is it gona be stored thru virginia once w the app', index).searched).toEqual(['stored', 'virginia', 'app']);
    expect(parseQuery('question: where is the data stored? just curious', index).searched).toEqual(['data', 'stored']);
  });

  it('reads a misspelled everyday word the corpus lacks as that word, and "aswell" as filler', () => {
    const world = buildIndex({ articles: [article('reach', 'Reach', 'The app has over a billion active users worldwide, the company said.')], synonymGroups: [] });
    const query = parseQuery('how many users globaly aswell', world);
    expect(query.concepts.map((c) => c.word)).toEqual(['users', 'global']);
    expect(query.concepts[1]?.alternatives.has(stemWord('worldwide'))).toBe(true);
  });

  it('reads a long word misspelt by ear as the everyday word it sounds like ("artical"), not as an unknown name', () => {
    const query = parseQuery('is there an artical on data storage', index);
    expect(query.searched).toContain('article');
    expect(query.unknown).not.toContain('artical');
    expect(looksLikeName('artical')).toBe(false);
    expect(everydaySpelling('tommorow')).toBe('tomorrow');
    expect(everydaySpelling('survalance')).toBe('surveillance');
    // Two edits from a word but not its consonants: a name stays a name.
    expect(looksLikeName('hallett')).toBe(true);
    expect(everydaySpelling('hallett')).toBeUndefined();
    expect(looksLikeName('snapchat')).toBe(true);
  });

  it('takes a compound of everyday words for a name only when WordNet names it or a word of it is one', () => {
    expect(looksLikeName('card games')).toBe(false);
    expect(looksLikeName('world cup')).toBe(true);
    expect(looksLikeName('snapchat stories')).toBe(true);
  });

  it('never takes who told the asker ("my granddaughter mentioned…") for what is asked about', () => {
    expect(parseQuery('what other apps does the company own... my granddaughter mentioned toutiao??', index).focus.map((c) => c.word)).toEqual([]);
    expect(parseQuery('can they see my granddaughter videos', index).focus.map((c) => c.word)).toContain('granddaughter');
    // Nor what the answer is for.
    expect(parseQuery('for my civics report i need to explain why the app moved its data. when was it?', index).focus.map((c) => c.word)).toEqual([]);
    expect(parseQuery('for my timeline: when did the app move its data?', index).focus.map((c) => c.word)).not.toContain('timeline');
  });

  it('leaves out "first" where no article writes it: "which came first" only asks for an order', () => {
    const noFirst = buildIndex({ articles: [article('order', 'The order', 'Biden withdrew the orders in June 2021, after the 2020 divestment order.')], synonymGroups: [] });
    expect(parseQuery('which came first, the withdrawal or the divestment order?', noFirst).searched).not.toContain('first');
    const withFirst = buildIndex({ articles: [article('first', 'The first', 'The first order came in 2020.')], synonymGroups: [] });
    expect(parseQuery('which order came first?', withFirst).searched).toContain('first');
  });

  it('reads "at the moment", "these days" as "currently", keeping the question as asked', () => {
    const query = parseQuery('where is the data stored at the moment?', index);
    expect(query.concepts.map((c) => c.word)).toEqual(['data', 'stored', 'currently']);
    expect(query.text).toBe('where is the data stored at the moment?');
    expect(parseQuery('These days where is the data stored', index).concepts.map((c) => c.word)).toContain('currently');
  });

  it('reads an abbreviation the corpus does not use as the word it stands for ("govt\'s new regs")', () => {
    const rules = buildIndex({ articles: [article('rules', 'Rules', 'The government is drafting new regulations for foreign apps.')], synonymGroups: [] });
    const query = parseQuery("what's in the govt's new regs", rules);
    expect(query.unknown).toEqual([]);
    expect(query.concepts.map((c) => c.word)).toEqual(['government', 'new', 'regulations']);
    const results = buildIndex({ articles: [article('results', 'Results', 'Revenue rose in the second quarter, the company said.')], synonymGroups: [] });
    expect(parseQuery('q2 revenue', results).concepts.map((c) => c.word)).toEqual(['quarter', 'revenue']);
    // Policy shorthand: no unknown name to make the question unanswerable.
    const policy = parseQuery('did the USG worry about the natsec risk', rules);
    expect(policy.concepts.map((c) => c.word)).toEqual(expect.arrayContaining(['government', 'security']));
    expect(policy.unknown).not.toEqual(expect.arrayContaining(['usg']));
    expect(policy.unknown).not.toEqual(expect.arrayContaining(['natsec']));
    expect(parseQuery('why do the feds care', rules).concepts.map((c) => c.word)).toContain('government');
    expect(parseQuery('how many colo sites', rules).concepts.map((c) => c.word)).toContain('colocation');
    expect(parseQuery('what did the prof say', rules).concepts.map((c) => c.word)).toContain('professor');
  });

  it('reads the unit of "what month" or "how much time" as the kind of answer, not a word to find', () => {
    expect(parseQuery('what month was the data moved', index).searched).toEqual(['data', 'moved']);
    const before = buildIndex({ articles: [article('earlier', 'Earlier', 'Two years passed before the move.')], synonymGroups: [] });
    expect(parseQuery('how much time passed before the move', before).searched).toEqual(['passed', 'before', 'move']);
    expect(parseQuery('what month was the data moved', index).answerType).toBe('time');
  });

  it('reads the unit of time a question names: a weekday, a month, a year', () => {
    const unit = (q: string) => parseQuery(q, index).timeUnit;
    expect(unit('what day of the week did they announce it')).toBe('weekday');
    // "What day" may ask for a date ("March 11").
    expect(unit('what day did reuters first report it')).toBeUndefined();
    expect(unit('what month was the data moved')).toBe('month');
    expect(unit('which year did trump order the sale')).toBe('year');
    expect(unit('what day of the month was it')).toBeUndefined();
    expect(unit('when was the deal announced')).toBeUndefined();
    expect(parseQuery('what day of the week was the deal announced', index).searched).toEqual(['deal', 'announced']);
  });
});
