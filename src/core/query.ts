import { sourceHintIn, type SourceHint } from './source-hint.ts';
import { contentWords, functionPhraseWords, isMeaningfulFunctionWord, isStopWord, PHRASAL_PARTICLES, STOP_WORDS, splitWords, stemWord, type Word } from './analyze.ts';
import type { PassageIndex } from './search-index.ts';
import { everydayRarity, everydaySpelling, looksLikeName } from './background.ts';
import { correctSpelling, withinOneEdit } from './spelling.ts';
import { expandShorthand } from './chat-shorthand.ts';
import { isParaphrasePhrase, paraphrasesOf } from './paraphrases.ts';
import { acronymTerms } from './acronyms.ts';
import { corpusRelativesOf } from './corpus-relatives.ts';
import { perIndex } from './per-index.ts';
import { withDictationRepaired } from './dictation.ts';
import { withPercentSpelt } from './index-terms.ts';
import { isAdjectiveOnly, isAdverbOnly, isCommonWord, isKnownPhrase, isNounCompound, isNounNotAdjective, isVerbForm, oppositeWords, phrasalVerbOf, relatedWords, sameWordFamily, type RelatedWord } from './thesaurus.ts';

/** One thing the question asks about: a word, and the index terms that count as finding it. */
export type QueryConcept = {
  /** The word as the asker wrote it (normalized). */
  readonly word: string;
  /** Index terms that match this concept, each with how much a match counts (1 = the word itself). */
  readonly alternatives: ReadonlyMap<string, number>;
  /** How much the concept weighs in the question: rare in the corpus → heavy; unknown → heaviest. */
  readonly weight: number;
  /** Whether any alternative occurs in the corpus at all. */
  readonly known: boolean;
  /** How informative the word is in everyday English (0–1): what "no good match" weighs concepts by. */
  readonly rarity: number;
  /** Whether the word stands only in what the asker adds after asking ("I need it for a memo"). */
  readonly aside: boolean;
};

export type ParsedQuery = {
  readonly text: string;
  readonly concepts: readonly QueryConcept[];
  /** Spelling corrections applied, for telling the asker. */
  readonly corrections: readonly { from: string; to: string }[];
  /** The words searched for, as the asker wrote them (stop words left out): for "no good match" replies. */
  readonly searched: readonly string[];
  /** Of those, the words the corpus has nothing for (not even a correction or a related word). */
  readonly unknown: readonly string[];
  /** The document the question says it is asking about ("per the press release"), if it names one. */
  readonly source?: SourceHint | undefined;
  /** What the question asks for, from its question word: used to favour passages that hold that kind of answer. */
  readonly answerType: AnswerType;
  /** For "what day of the week", "which year", "what month": the unit of time a good answer names. */
  readonly timeUnit?: TimeUnit | undefined;
  /** For "how many X" / "number of X": the concept counted, which a good answer puts a number next to. */
  readonly counted?: QueryConcept | undefined;
  /** For "the name of the data *center* in Virginia": the terms of the thing whose name is asked for (its last word). */
  readonly namedThing?: ReadonlySet<string> | undefined;
  /** For "who owns X": the verb whose doer is asked for, which a good answer names ("owned by ByteDance"). */
  readonly agentVerb?: QueryConcept | undefined;
  /**
   * "How do I…", "how to…", "what's a good…", "any tips": asks for instructions or advice, which news
   * articles do not give.
   */
  readonly asksForInstructions: boolean;
  /** Of those, "how do I…", "how to…": steps, which a help page or an FAQ may give; advice ("what's a good…") none gives. */
  readonly asksHowTo: boolean;
  /**
   * "Can I…", "why isn't my…", "which is best": asks about the asker's own case or for a judgement. An
   * explainer may answer it ("you can request one download every 14 days"), a news report seldom does.
   */
  readonly asksAboutAsker: boolean;
  /**
   * For a question that asks for a kind of answer (who, when, how much…): the first word after the
   * question word that is not a name, i.e. what is asked about ("who is in *charge*", "how much did
   * Oracle *pay*", "how many *petabytes*"). A corpus that never mentions it cannot answer.
   */
  readonly focus: readonly QueryConcept[];
  /** Of those, the ones the corpus has nothing for, not even an opposite ("bought" is answered by "sold to"). */
  readonly unknownFocus: readonly QueryConcept[];
  /**
   * The focus words surely asked about (not a subject before its verb), each as the index terms that
   * show a text speaks of it (its alternatives and its opposites' stems): the answering article must.
   */
  readonly articleFocus: readonly ReadonlySet<string>[];
};

export type TimeUnit = 'weekday' | 'month' | 'year';

/** The unit a time question names: "what day of the week" ("what day" may ask for a date: "March 11"), "what year", "which month". */
function timeUnitOf(lead: string): TimeUnit | undefined {
  if (/\bday of the week\b/.test(lead)) return 'weekday';
  if (/^(?:what|which) month\b/.test(lead)) return 'month';
  if (/^(?:what|which) year\b/.test(lead)) return 'year';
  return undefined;
}

export type AnswerType = 'place' | 'time' | 'quantity' | 'measure' | 'money' | 'person' | 'reason' | 'definition' | 'name' | 'statement' | 'any';

/** Weights of the ways a concept can be found, relative to the word itself. */
export const MATCH_WEIGHTS = { exact: 1, synonym: 1, spelling: 0.9, compound: 0.8, derived: 0.7, related: 0.5, phrasePart: 0.35, englishWordRespelt: 0.3 } as const;
/** Below this rarity in everyday English, a word the corpus lacks is taken as meant, give or take one slip. */
const EVERYDAY_WORD_RARITY = 0.9;
/** How rare in everyday English a word of a paraphrase phrase must be to stand for it ("intelligence", not "take"). */
const PARAPHRASE_PART_MIN_RARITY = 0.5;

/**
 * How informative (everyday rarity) a word must be for corpus words that list it to count, and to be
 * what a question asks about: below it are vague everyday words (go, get, give).
 */
const MIN_RARITY_FOR_CORPUS_RELATIVES = 0.4;

/**
 * How much a verb the corpus never uses ("has the deal been *wrapped* up") weighs in "no good match",
 * against an unknown noun's full weight: askers retell events in their own verbs, while an unknown
 * noun ("python", "parks") more often names a thing the articles do not cover.
 */
const UNKNOWN_VERB_SHARE = 0.7;

/** How much a word only in an aside after the question weighs against one of the question. */
const ASIDE_SHARE = 0.25;
/** How many distinct words the question must hold of its own for its asides to count for less. */
const MIN_CONCEPTS_WITHOUT_ASIDES = 2;

/** Words that count people without saying which: "how many people use it" asks how many users. */
const GENERIC_PEOPLE = new Set(['people', 'persons', 'person', 'individuals', 'folks', 'humans', 'ppl']);


/** BM25's inverse document frequency; an unknown term gets the value of a term in no passage. */
export const inverseDocumentFrequency = (passagesWithTerm: number, passageCount: number): number =>
  Math.log(1 + (passageCount - passagesWithTerm + 0.5) / (passagesWithTerm + 0.5));

/** "What is CFIUS?", "what does USDS stand for", "what's ByteDance": a short name asked to be explained. */
const DEFINITION_QUESTION =
  /^\s*(?:what(?:'s|’s|s| is| are| was| were)\s+(?:the |a |an )?[\p{L}\p{N}.&'’ -]{1,40}?|what(?: does| do)\s+(?:the |a |an )?[\p{L}\p{N}.&'’ -]{1,40}?\s+(?:stand for|mean))\s*\??\s*$/iu;

const AUXILIARIES = 'is|are|was|were|am|do|does|did|can|could|will|would|should|shall|has|have|had|may|might|must';
/** "is it safe when…", "did they say where…": a yes/no question, whatever question word comes later. */
const YES_NO_QUESTION = new RegExp(`^\\W*(?:(?:so|and|but|ok|okay|hey|hi|hello|yo|um|also|bot|verbatim|quick q(?:uestion)?)\\W+)*(?:${AUXILIARIES})\\b`);

const AUXILIARY = new RegExp(`^(?:${AUXILIARIES})$`);

const PREPOSITION = /^(?:in|on|at|of|for|with|to|by|from|about|into|under|behind|after|before)$/;

/** Beginnings of the words that make "how much" a question about money (cost, paid, spending, fees…). */
const MONEY_WORDS = String.raw`(?:cost|pay|paid|worth|valu|spen[dt]|price|money|fund|budget|charg|fine|fees?\b|salar|invest|sell|sold|bought)`;
const MONEY_WORD = new RegExp(`^${MONEY_WORDS}`);
const MONEY_QUESTION = new RegExp(String.raw`^how much\b.*\b${MONEY_WORDS}|^how much money\b|^what (?:is|was) the (?:cost|price|budget)\b`);

const STATEMENT_QUESTION = /\b(?:did|does|has|have|had|will|would)\s+(?:[\p{L}.'’-]+,?\s+){1,10}(?:say|said|comment|respond|react|reply|speak)(?:\s+(?:any\p{L}*|some\p{L}*|about|on|when|to|in|after|publicly|back)\b|\s*[?.!,]|\s*$)|\bany (?:comment|response|reaction|statement|answer|reply)\b/u;

/** "I have to compare…", "I've got to explain…", "I must": the asker's task, what their question is for, not their own case. */
const isTaskAhead = (words: readonly Word[], at: number): boolean => {
  const next = words[at]?.norm ?? '';
  return next === 'must' || next === 'gotta' || ((next === 'have' || next === 'got') && words[at + 1]?.norm === 'to') || (next === 've' && words[at + 1]?.norm === 'got' && words[at + 2]?.norm === 'to');
};

/** Verbs after "I" that frame a question about the story rather than tell of the asker ("I heard", "I was told"). */
const FRAMING_VERB = /^(?:heard|hear|read|saw|see|seen|think|thought|believe|guess|wonder|wondered|remember|know|knew|was|am|m|noticed|understand|suppose|assume|feel|felt|mean|want|wanted|need|wanna|would|d|just|also|still)$/;
/** Those a statement is made to ("said nothing to the press", "when reporters asked"). */
const AUDIENCE: ReadonlySet<string> = new Set(['press', 'media', 'reporters', 'reporter', 'journalists', 'journalist']);

/** People an asker hears things from ("my son tells me", "my granddaughter mentioned…"). */
const RELATIONS =
  'son|daughter|wife|husband|partner|friend|neighbou?r|grandson|granddaughter|grandkids?|grandchild(?:ren)?|kids?|child(?:ren)?|brother|sister|mum|mom|mother|dad|father|parents?|colleague|co-?worker|boss|teacher|prof|professor|lecturer|tutor|classmate|students?|nephew|niece|cousin|aunt|uncle';

/**
 * What a member says before asking, which is no part of the question: a greeting ("Good afternoon
 * all."), an apology ("Sorry to be slow, but", "Forgive me if I have this muddled, but") and
 * hearsay ("My son tells me", "I read somewhere that"). The last would otherwise make the question
 * the asker's own case.
 */
/** Verbs that order an answer ("Name…", "List…") and what they order it of ("the…", "one…", "why…"). */
const REQUEST_VERB = '(?:name|list|give|identify|describe|explain|state|mention|specify|outline|summari[sz]e)';
const REQUESTED = '(?:the|a|an|one|two|three|four|five|some|any|all|who|whom|what|when|where|why|how|which|its|their|his|her|this|that|these|those)';
/** The same order after what frames it: "Besides TikTok, name one other app…". */
const REQUEST_AFTER_FRAME = new RegExp(String.raw`([,;:]\s*)${REQUEST_VERB}\s+(?=${REQUESTED}\b)`, 'giu');
/** "Spell out CFIUS": what an acronym stands for. */
const SPELL_OUT = /^(?:please\s+)?spell out\s+(?:the\s+)?(?:acronym\s+|abbreviation\s+)?([\p{L}\p{N}][\p{L}\p{N}.&-]*?)\s*[?.!]*$/iu;

const PREAMBLE = [
  /^(?:tl;?\s?dr|tldr)\b[\s:;,.-]*/iu,
  /^(?:hi|hello|hey|hiya|greetings|good (?:morning|afternoon|evening|day))(?:\s+(?:all|everyone|everybody|folks|there|guys|team|again|y['’]?all))?\s*[,.!:;]+\s*/iu,
  /^(?:sorry|apologies|forgive me|excuse me|pardon me)\b[^.!?]{0,80}?(?:,\s*but\b|\bbut\b|[,.!;:])\s*/iu,
  new RegExp(String.raw`^(?:my|a|one of my)\s+(?:${RELATIONS})\s+(?:tells?|told|says|said|reckons|thinks)\s+(?:me\s+)?(?:that\s+)?`, 'iu'),
  // What someone set the asker to find: "my teacher wants the date…", "our teacher asked us to find out who…".
  new RegExp(String.raw`^(?:my|our)\s+(?:${RELATIONS})\s+(?:wants?|needs?|asked)\s+(?:us\s+|me\s+)?(?:to\s+(?:find(?:\s+out)?|know|look\s+up|get|write\s+down)\s+)?`, 'iu'),
  /^(?:someone|somebody|people)\s+(?:tells?|told|says|said)\s+(?:me\s+)?(?:that\s+)?/iu,
  // What circulates, put up to be checked: "Claim going around: …", "Someone on twitter says …", "A thread claims …".
  /^(?:the\s+|a\s+|viral\s+)?(?:claim|rumou?r)(?:\s+(?:going around|circulating|online|i saw))?\s*[:–—-]\s*/iu,
  /^(?:someone|somebody|people|(?:a|one|this|that)\s+(?:\p{L}+\s+)?(?:post|thread|tweet|video|comment|user|account|meme|story|article|blog))(?:\s+(?:on|in)\s+[\p{L}.]+)?\s+(?:says?|said|claims?|claimed|posted|wrote|writes|insists?|is saying|are saying|keeps? saying)\s+(?:that\s+)?/iu,
  /^i(?:['’]ve| have)?\s+(?:read|heard|seen)\s+(?:somewhere\s+|online\s+|on the news\s+|in the news\s+)?that\s+/iu,
  /^i\s+(?:read|heard)\s+somewhere\s+(?:that\s+)?/iu,
  // What a member pasted or points back to: "saw this: …", "re: the deal status —", "from the article you linked earlier:".
  /^(?:i\s+)?(?:saw|seen|found|spotted)\s+(?:this|that)(?:\s+(?:article|link|post|piece|story|headline|thread|tweet|video))?\s*(?:[:—–-]\s*)+/iu,
  /^re\s*:\s*/iu,
  /^(?:from|in|per)\s+(?:the|that|this)\s+(?:art\p{L}*|piece|story|link|post|thread|page)\s+(?:you|u|someone|somebody|they|he|she)\s+(?:linked|posted|shared|sent|dropped)(?:\s+(?:earlier|erlier|above|before|yesterday))?\s*[:,—–-]+\s*/iu,
  /^quick (?:ones|qs|questions)\s*[:,—–-]+\s*/iu,
  // A fact-checker's request: "Confirm: …", "Confirm whether …", "Is it accurate that …", "Per the coverage, …".
  /^(?:please\s+)?(?:confirm|verify|check|fact[- ]?check)(?:\s*:\s*|\s+(?:whether|if|that)\s+)/iu,
  /^(?:can|could) you (?:confirm|verify|check)(?:\s+(?:whether|if|that))?\s+/iu,
  // A request to be told: "Could someone tell me which country…", "can u explain to me why…".
  /^(?:(?:can|could|would|will)\s+(?:you|u|someone|somebody|anyone|anybody|y['’]?all)\s+(?:please\s+)?|please\s+)(?:tell|explain to|remind)\s+me\s+/iu,
  /^(?:is|isn['’]?t) (?:it )?(?:accurate|true|correct|right) (?:to say )?(?:that\s+)?/iu,
  // A doubter's lead-in, before the claim they doubt: "prove it:", "come on,", "bet they…".
  /^(?:prove it|come on|cmon|c'mon|yeah right|sure)\s*[:,.!-]+\s*/iu,
  /^(?:i\s+)?bet\s+(?:you\s+)?(?=(?:the|they|it|nobody|no one|there|tiktok|oracle|bytedance|china)\b)/iu,
  /^per (?:the )?(?:coverage|articles?|reporting|reports?|stories|story|sources?)\s*[,:]\s*/iu,
  // A request put as an order, as a quiz or a worksheet does: "Name the two kinds of…", "State where…", "Explain why…".
  new RegExp(String.raw`^(?:please\s+)?${REQUEST_VERB}\s+(?=${REQUESTED}\b)`, 'iu'),
];

/** Whether what is left once a frame is taken off still has words to ask with: a frame is never the whole question. */
const leavesAQuestion = (rest: string): boolean => /\p{L}{2,}.*\p{L}{2,}/u.test(rest);

/**
 * A quiz host's furniture around the question: its number ("Q7.", "Round 3, question 2:", "Q5 (1pt):"),
 * what it is worth ("For 2 points:", "(1 pt)", "[2 pts]") and its format ("Fill in the blank:",
 * "Bonus:"). None of it is asked about.
 */
const QUIZ_POINTS = String.raw`(?:\d+|one|two|three|half a)\s*(?:pts?|points?)`;
const QUIZ_LEAD = new RegExp(
  String.raw`^(?:(?:round|rd)\s*\d+\s*[,:.\-–—]?\s*)?(?:(?:q|question|qn)\s*#?\d+|q)\s*(?:[([]\s*${QUIZ_POINTS}\s*[)\]])?\s*[:.)\-–—]\s*|^(?:round|rd)\s*\d+\s*[:.\-–—]\s*|^for\s+${QUIZ_POINTS}\s*[:,.\-–—]\s*|^(?:bonus|tie-?breaker|final)(?:\s+(?:question|round))?\s*[:.\-–—]\s*|^fill in the blanks?\s*[:,.\-–—]\s*`,
  'iu',
);
const QUIZ_TAIL = new RegExp(String.raw`\s*(?:[([]\s*${QUIZ_POINTS}\s*[)\]]|[-–—]\s*${QUIZ_POINTS})\s*([?!.]?)\s*$`, 'iu');
const BLANK = /_{2,}|\[\s*blank\s*\]|\.{4,}/giu;

/**
 * Discord's markup around a question, which says nothing about the story: emoji written as their
 * names (":skull:", a server's "<:pepe:123>"), mentions ("<@123>", "<#456>") and, at the start, who
 * the message is put to ("@mod", "@everyone") or what it seconds ("^ this but", "^^").
 */
const CHAT_MARKUP = /<a?:[\w~]+:\d+>|<(?:@[!&]?|#)\d+>|(?<=^|\s):[a-z0-9_+-]{2,}:(?=$|[\s?!.,;])/giu;
/**
 * What a member pastes with a question, which is not what they ask: a link ("https://…", "<https://…>",
 * a "[link]" left for one), Discord's formatting marks (**bold**, __underline__, ||spoiler||, `code`)
 * and the "> " of a line quoted from another message (its words stay: they are what is asked about).
 */
const PASTED = /<?\bhttps?:\/\/[^\s>]+>?|\bwww\.[^\s]+|\[(?:link|url|screenshot|image|pic|attachment)\]|\((?:link|url)\)/giu;
const FORMATTING = /\*\*|__|\|\||~~|`+/g;
const QUOTE_MARK = /^[ \t]*>[ \t]?/gm;
const CHAT_LEAD = /^(?:(?:@[\p{L}\p{N}_.-]+|\^+)[\s,:;]*)+(?:(?:this|that|same|ditto|\+1)\b[\s,:;.-]*)?(?:but\s+)?/iu;

/** The question without chat's emoji names, mentions and address; never the whole of it. */
export function withoutChatMarkup(question: string): string {
  const rest = question
    .replace(CHAT_MARKUP, ' ')
    .replace(PASTED, ' ')
    .replace(FORMATTING, '')
    .replace(QUOTE_MARK, '')
    // A dash or colon left with nothing before it once the link is gone ("saw this:  — so whose…").
    .replace(/([:—–-])[ \t]+[—–-](?=\s)/g, '$1')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
  const lead = CHAT_LEAD.exec(rest);
  const after = lead ? rest.slice(lead[0].length) : rest;
  return leavesAQuestion(after) ? after : rest;
}

/**
 * What a speaker says about their own asking, mid-question, as voice input writes it down: "i think it
 * was spring", "a billion or more i forget", "service no wait servers", "or whatever it's called".
 * None of it is what is asked about.
 */
const HEDGE =
  /\b(?:i\s+(?:think|guess|forget|mean|believe|suppose|reckon)|i\s+(?:can['’]?t|cannot|don['’]?t|do not)\s+(?:remember|recall)(?:\s+(?:which|what|exactly))?|no\s+wait|or\s+whatever(?:\s+(?:it['’]?s|its|they['’]?re|theyre)\s+called)?|or\s+something(?:\s+like\s+that)?)\b/giu;

/** The question without the asker's hedges; never the whole of it. */
export function withoutHedges(question: string): string {
  const rest = question.replace(HEDGE, ' ').replace(/[ \t]{2,}/g, ' ').trim();
  return leavesAQuestion(rest) ? rest : question;
}

/** The question without a quiz's numbering, scoring and format words; never the whole of it. */
export function withoutQuizFurniture(question: string): string {
  let rest = question.trim();
  for (let match = QUIZ_LEAD.exec(rest); match && leavesAQuestion(rest.slice(match[0].length)); match = QUIZ_LEAD.exec(rest)) rest = rest.slice(match[0].length);
  rest = rest.replace(QUIZ_TAIL, (_tail, mark: string) => mark);
  return rest.replace(BLANK, '…');
}

/** The question without what is said before it; never the whole of it. */
export function withoutPreamble(question: string): string {
  let rest = question.trimStart().replace(SPELL_OUT, 'what does $1 stand for?').replace(REQUEST_AFTER_FRAME, '$1');
  for (let changed = true; changed; ) {
    changed = false;
    for (const pattern of PREAMBLE) {
      const match = pattern.exec(rest);
      const after = match ? rest.slice(match[0].length) : '';
      if (match && leavesAQuestion(after)) {
        rest = after;
        changed = true;
      }
    }
  }
  return rest;
}

/**
 * What a fact-checker asks after stating a claim: for a verdict ("True or false?", "accurate?", "is
 * that right?") or a source ("any source for that?", "need the wording"). It names nothing to find:
 * the claim before it is what is asked about.
 */
const IS_THAT_TRUE = String.raw`(?:is|was)\s+(?:that|this|it)\s+(?:really\s+|actually\s+|even\s+)?(?:true|right|correct|accurate|real|legit|so)`;
const VERDICT_REQUEST = new RegExp(
  String.raw`(?:^|[.?!…,;:]\s*|\s[-–—]\s*|\s+(?=(?:true or|is (?:that|this|it)|any source)\b))` +
    String.raw`(?:(?:so|ok|okay|but|and)\s+)?(?:` +
    [
      String.raw`${IS_THAT_TRUE}(?:\s+or\s+(?:not|false))?`,
      String.raw`true\s+or\s+(?:false|not)`,
      String.raw`(?:true|accurate|correct|real|legit)`,
      String.raw`(?:is\s+(?:that|this)\s+)?(?:really\s+)?what\s+(?:it|they|the articles?)\s+(?:said|says|say)`,
      String.raw`(?:any|got\s+a|need\s+a|is\s+there\s+a)\s+(?:source|link|citation)(?:\s+for\s+(?:that|this|it))?`,
      String.raw`(?:i\s+)?(?:need|want)\s+(?:the\s+)?(?:exact\s+|actual\s+)?(?:wording|quote|source)`,
      String.raw`what(?:'s|’s|\s+is)\s+the\s+(?:actual|exact)\s+(?:wording|quote)`,
    ].join('|') +
    String.raw`)\s*[?!.]*\s*$`,
  'iu',
);

/**
 * A tag that asks only to be told yes ("Treasury sits on CFIUS, right?", "it was 2020 correct?"):
 * the word before it is none that "right" could belong to ("which is right", "turn right").
 */
const TAG_QUESTION = /([\p{L}\p{N}][\p{L}\p{N}.'’-]*)(,?\s+)(?:right|correct|yeah|innit)(\s*\?)/giu;
const NO_TAG_BEFORE = /^(?:is|are|was|were|be|am|it|that|this|which|what|who|whose|how|why|when|where|the|a|an|or|and|turn|go|all|not|you|u)$/i;

/** The question without tags that ask only for a yes ("…on CFIUS right?" → "…on CFIUS?"). */
export function withoutTagQuestions(question: string): string {
  return question.replace(TAG_QUESTION, (tag, before: string, _space: string, mark: string) => (NO_TAG_BEFORE.test(before) ? tag : `${before}${mark.trim()}`));
}

/** The same request in the middle of a message, before the question proper ("…, is that right? when did they say it was done?"). */
const VERDICT_BEFORE_QUESTION = new RegExp(String.raw`[,;]?\s*\b${IS_THAT_TRUE}\s*\?+(?=\s+\p{L})`, 'giu');

/** The question without a verdict or source request at its end, or before the question proper; never the whole of it. */
export function withoutVerdictRequest(question: string): string {
  let rest = question.replace(VERDICT_BEFORE_QUESTION, '.').trimEnd();
  for (let match = VERDICT_REQUEST.exec(rest); match; match = VERDICT_REQUEST.exec(rest)) {
    const before = rest.slice(0, match.index).trimEnd();
    if (!leavesAQuestion(before)) break;
    rest = before;
  }
  return rest;
}

/**
 * Where a message may end one sentence and start the next: after "?" or "!", after "..." (chat's
 * pause), or after a full stop that ends a word of two letters or more and comes before a capital
 * ("U.S. data", "rep. loretta" and "c.f.i.u.s. order" go on).
 */
const SENTENCE_BREAK = /(?<=[?!]|\.\.\.|…)\s+|(?<=[\p{Ll}\d)”"'’]{2}\.)\s+(?=\p{Lu})/gu;
/** A sentence that asks: a question word near its start, an auxiliary or "or" first ("aren't they part of CFIUS"), or a "?". */
const ASKING_SENTENCE = new RegExp(
  String.raw`\?[^\p{L}\p{N}]*$|^[^\p{L}\p{N}]*(?:(?:so|and|but|also|like|ok|okay|then|wait|or|on|in|for|by|to|from|with|about|at)\s+){0,2}(?:who|whom|whose|whos|what|whats|wat|wut|when|where|why|which|how|${AUXILIARIES}|or|(?:is|are|was|were|do|does|did|can|could|will|would|should|has|have|had)n['’]?t|wont|cant)\b`,
  'iu',
);

/**
 * What a member adds after asking, which is no part of the question: why they ask ("I need it for
 * the effective-date field in our vendor risk register", "trying to map the sub-processor chain"),
 * thanks, a worry of their own ("i worry about my card games"). These are the sentences after the
 * first one that asks which do not ask themselves; as offsets into the question.
 */
export function trailingAsides(question: string): [number, number][] {
  return asidesAndGuesses(question).asides;
}

/** The asides, and of them the guesses put up to be confirmed ("like 50?", "hong kong?"). */
function asidesAndGuesses(question: string): { asides: [number, number][]; guesses: [number, number][] } {
  const sentences: [number, number][] = [];
  let from = 0;
  for (const m of question.matchAll(SENTENCE_BREAK)) {
    sentences.push([from, m.index]);
    from = m.index + m[0].length;
  }
  sentences.push([from, question.length]);
  const asks = (range: [number, number]) => ASKING_SENTENCE.test(question.slice(...range).trim());
  const first = sentences.findIndex(asks);
  if (first === -1) return { asides: [], guesses: [] };
  const later = sentences.slice(first + 1);
  const [start, end] = sentences[first] as [number, number];
  // A word or two alone after a question that asks which or who ("… in? texas?") is a candidate for its answer.
  const asksWh = QUESTION_WORD.test(question.slice(start, end).toLowerCase());
  const bare = (text: string) => asksWh && BARE_GUESS.test(text) && !ASKING_START.test(text.trim());
  const guesses = later.filter((range) => isGuess(question.slice(...range)) || bare(question.slice(...range)));
  // "which country has the backup, hong kong?", "…, was it pritzker?": a guess after a comma.
  const comma = question.lastIndexOf(',', end);
  const tail = comma > start ? question.slice(comma + 1, end) : '';
  if (tail && (isGuess(tail) || bare(tail))) guesses.unshift([comma + 1, end]);
  const asides = [...guesses, ...later.filter((range) => !asks(range) && !guesses.includes(range))].sort((a, b) => a[0] - b[0]);
  return { asides, guesses };
}

/** Marks of a guess put up to be confirmed: "like 50?", "texas right?", "was it pritzker?", "i'm guessing monday". */
const GUESS_LEAD = String.raw`(?:or\s+(?:was|is)\s+it|was\s+it|or\s+maybe|maybe|like|prob(?:ably)?|possibly|perhaps|or|i['’]?m\s+guessing|i\s+guess|my\s+guess\s+is|i\s+bet)`;
const GUESS_TAIL = String.raw`(?:right|maybe|or\s+something|or\s+smth|i\s+think|no|yeah|or\s+not)`;
const GUESS = new RegExp(String.raw`^\s*(?:(${GUESS_LEAD})\s+)?((?:[\p{L}\p{N}$%.,'’&/-]+\s*){1,3}?)(?:\s*,?\s*(${GUESS_TAIL}))?\s*\?*\s*$`, 'iu');
/** A sentence that opens as a question of its own ("is it safe?", "and why?"). */
const ASKING_START = new RegExp(String.raw`^(?:(?:and|but|so|or)\s+)?(?:who|whom|whose|what|when|where|why|which|how|${AUXILIARIES}|(?:is|are|was|were|do|does|did|can|could|will|would|should|has|have|had)n['’]?t)\b`, 'iu');
/** A bare candidate: one to three words and a question mark ("hong kong?"). */
const BARE_GUESS = /^\s*(?:[\p{L}\p{N}$%.'’&-]+\s+){0,2}[\p{L}\p{N}$%.'’&-]+\s*\?+\s*$/u;

/**
 * A guess the asker adds for the answer to confirm or correct: a few words with a mark of guessing
 * ("like 50?", "texas right?", "or was it GCP"), or a number or a name alone ("2022?", "Pritzker?").
 * What is asked is the question before it; a wrong guess names nothing the articles must hold.
 */
function isGuess(sentence: string): boolean {
  const match = GUESS.exec(sentence);
  if (!match || QUESTION_WORD.test(sentence.toLowerCase())) return false;
  const [, lead, words = '', tail] = match;
  return lead !== undefined || tail !== undefined || /\d/.test(words) || /(?:^|\s)\p{Lu}/u.test(words.trim());
}

const NOW_PHRASE = /\b(?:at the moment|at this moment|right now|as of (?:now|today)|these days|nowadays|at present|presently|for now)\b/giu;

const QUESTION_WORD = /\b(?:who|whom|whose|whos|what|whats|when|where|why|which|how)\b/;

/**
 * The question from its leading question word on ("" for a yes/no question or none): a later
 * "when" or "where" joins clauses ("worried about data when apps handle it").
 */
function leadingQuestion(lower: string): string {
  const at = firstAskingWordAt(lower);
  const lead = at === -1 || YES_NO_QUESTION.test(lower.slice(0, at)) ? '' : lower.slice(at);
  // "what does the memo say about how deep the vault is": the question is the one it says something about.
  const about = SAYS_ABOUT.exec(lead);
  return about ? lead.slice(about[0].length) : lead;
}

const QUESTION_WORDS_ALL = new RegExp(QUESTION_WORD.source, 'g');

/**
 * Where the question word that asks stands: not one joining a clause to the noun before it ("the
 * piece where tiktok says…", "the one who wrote it"), which a question goes on after. -1 for none.
 */
function firstAskingWordAt(lower: string): number {
  for (const match of lower.matchAll(QUESTION_WORDS_ALL)) {
    const before = /([\p{L}'’]+)\s+$/u.exec(lower.slice(0, match.index))?.[1];
    const after = lower.slice(match.index + match[0].length).split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
    const relative = /^(?:where|when|which|who|whom|whose)$/.test(match[0]) && before !== undefined && (!isStopWord(before) || /^(?:one|ones)$/.test(before)) && !/^(?:so|and|but|ok|okay|then|wait|like|also|or|hey)$/.test(before) && after >= 2;
    if (!relative) return match.index;
  }
  return -1;
}

/** "what does the memo say about", "whats the article say on": asks what a source says of the question after it. */
const SAYS_ABOUT = /^(?:what|whats)(?:['’]s| is| does| do| did)?\b.{0,60}?\b(?:say|says|said|tell|tells|told|mention|mentions|state|states)\s+(?:about|on|regarding)\s+(?=(?:who|whom|when|where|why|which|how)\b)/;

function answerTypeOf(text: string, lead: string): AnswerType {
  // The question word that leads decides. A question with none (is, did, does…) asks for no particular kind.
  const lower = text.toLowerCase();
  // A search typed as keywords says what it wants by a noun: "tiktok oracle deal date".
  if (lead === '' && !YES_NO_QUESTION.test(lower)) {
    if (/\b(?:date|dates|year|timeline|when)\b/.test(lower)) return 'time';
    if (/\b(?:location|where)\b/.test(lower)) return 'place';
  }
  // "What was Trump's reasoning for…", "what's the motive behind…", "what was its goal" ask why, in other words.
  if (/^what\b.{0,40}\b(?:reason\w*|rationale|motive|motivation|justification|purpose|objectives?|goals?|aims?|intentions?)\b/.test(lead)) return 'reason';
  // "What's the name of the act…" wants a name (not for a person: a who-question asks for one).
  if (NAME_OF_THING.test(lower)) return 'name';
  // "What is Oracle", and its chat forms: "wait, what even is oracle, like what do they do", "what kind
  // of company is it", "how do the articles describe Oracle".
  const firstClause = (text.replace(/^\s*(?:wait|oh|ah|well|so|ok|okay|hmm|um|uh)\b[\s,]*/i, '').replace(/\b(?:even|exactly|actually|really)\s+/gi, '').split(/[,;?!]|\s+like\s+/)[0] ?? '').trim();
  if ((DEFINITION_QUESTION.test(firstClause) && firstClause.split(/\s+/).length <= 6) || /^what (?:kind|type|sort) of\b/.test(lead)) return 'definition';
  if (/\bwhat (?:kind|type|sort) of (?:a |an )?(?:company|firm|business|organi[sz]ation|outfit|app|platform|group)\b|\bhow (?:do|does|did|is|are|was|were)\b.{1,40}\bdescri(?:be|bed)\b/.test(lower)) return 'definition';
  // "How much time did they get to sell…" asks how long, whatever money word follows.
  if ((/^how (?:long|tall|high|wide|far|big|large|deep|heavy|old)\b/.test(lead) && !/^how long ago\b/.test(lead)) || /^how much time\b/.test(lead)) return 'measure';
  if (MONEY_QUESTION.test(lead)) return 'money';
  if (/^how (?:many|much|often)\b|\bnumber of\b|^what percent/.test(lead)) return 'quantity';
  if (/^when\b|^(?:what|which) (?:year|date|day|month|time)\b|^how long ago\b/.test(lead)) return 'time';
  if (/^where\b|^which (?:country|city|state|place|location)\b|^what (?:country|city|state|place)\b/.test(lead)) return 'place';
  if (/^who(?:m|se|s)?\b|^which (?:company|companies|person|people|firm|agency)\b/.test(lead)) return 'person';
  if (/^why\b|^what (?:for|reason)\b|^how come\b|\bwhat for\b|^what (?:caused|causes|led to|leads to|made|triggered|prompted|drove|is behind|was behind)\b|^what(?:'s|’s) behind\b/.test(lead)) return 'reason';
  // "Did CFIUS say anything", "how did Oracle respond", "what did the White House say": what someone said, or that they would not.
  if ((lead === '' || /^(?:what|how)\b/.test(lead)) && STATEMENT_QUESTION.test(lower)) return 'statement';
  return 'any';
}

/**
 * Words that say what kind of answer is wanted ("how tall", "what day of the week", "how much money"),
 * where it stands ("before") or how sure it is ("almost"), not what it is about; particles neither.
 */
const ASKING_WORD = /^(?:money|amount|number|percent(?:age)?|tall|high|big|large|long|far|wide|deep|old|heavy|much|many|often|day|days|week|weeks|month|months|year|years|date|dates|time|times|hour|hours|before|between|against|without|aside|apart|along|together|almost|nearly|still|already|again|finally|eventually|currently|recently|originally|initially|ultimately|actually)$/;
/** How many names an acronym may stand for before it is read as a weak clue to each. */
const AMBIGUOUS_ACRONYM_NAMES = 2;

/** Words that open a subordinate clause. */
const SUBORDINATOR = /^(?:before|after|until|unless|because|since|when|whenever|while|if|once|although|though)$/;
/**
 * In "who's the TikTok policy exec quoted in the post", the role and the saying only describe the
 * person asked for: an article names them with another title ("Public Policy Officer") or verb.
 */
const describesPerson = (word: string): boolean => PERSON_WORD.test(word) || /^(?:quoted|cited|interviewed|named|mentioned|featured)$/.test(word);
const isAskingWord = (word: string): boolean => ASKING_WORD.test(word) || PHRASAL_PARTICLES.has(word);

/** "immediately", "eventually": how or when a thing is done, never the thing asked about. */
const isMannerAdverb = (word: string): boolean => /ly$/.test(word) && isAdverbOnly(word);

/**
 * What a typed question asks about: the first word after its question word that is neither a name
 * nor a vague everyday word ("how long did CFIUS give ByteDance to divest" asks about divesting).
 * After an auxiliary a subject comes first ("how much did the company pay"), so its verb is asked
 * about too; so are the attribute of "what's the salary of…" and a money question's "pay" or "worth".
 */
function focusOf(
  text: string,
  lead: string,
  words: readonly Word[],
  drafts: readonly (readonly [number, { readonly word: string }])[],
  answerType: AnswerType,
  index: PassageIndex,
): { focus: string[]; firm: string[] } {
  const leadAt = lead === '' ? -1 : words.findIndex((w) => w.start >= text.length - lead.length);
  const sharp = (word: string) => everydayRarity(word) >= MIN_RARITY_FOR_CORPUS_RELATIVES;
  const focus: string[] = [];
  // The words surely asked about (not a subject that may only be setting the scene).
  const firm: string[] = [];
  // A "why" question's words name the event, which articles may tell in their own words ("get rid of" → "ban");
  // a question about what someone said names the speaker and a topic the statement may word otherwise.
  if (answerType !== 'any' && answerType !== 'reason' && answerType !== 'statement' && leadAt !== -1) {
    // "that viral video": an adjective before a noun of the question describes the thing asked about;
    // the noun is the thing, and an article may describe it in other words.
    const describes = (position: number, word: string) => drafts.some(([at]) => at === position + 1) && isAdjectiveOnly(word);
    // What is asked about stands in the question's main clause: "how long is a certification good for
    // before it has to be redone" asks about the certification, not the redoing.
    const clauseEnd = words.findIndex((w, i) => i > leadAt + 1 && SUBORDINATOR.test(w.norm));
    const candidates = drafts
      .filter(([position, d]) => position > leadAt && (clauseEnd === -1 || position < clauseEnd) && !index.isName(d.word) && !looksLikeName(d.word) && sharp(d.word) && !isAskingWord(d.word) && !describes(position, d.word) && !(answerType === 'person' && describesPerson(d.word)) && !isMannerAdverb(d.word))
      .map(([, d]) => d.word);
    // "how much did the company pay", but not "who is in charge", where the verb itself comes first.
    const afterLead = words.slice(leadAt + 1);
    const auxAt = afterLead.findIndex((w) => !/^(?:much|many|long|often|far|old)$/.test(w.norm));
    const subjectFirst = auxAt >= 0 && AUXILIARY.test(afterLead[auxAt]?.norm ?? '') && !PREPOSITION.test(afterLead[auxAt + 1]?.norm ?? '');
    focus.push(...candidates.slice(0, subjectFirst ? 2 : 1));
    // After a subject, its verb is the second word taken, or the first when the subject is a name.
    const verb = subjectFirst && candidates.length >= 2 ? candidates[1] : candidates[0];
    if (verb) firm.push(verb);
  }
  // "back up my phone", "my cybersecurity homework": the asker's own things are what they ask about,
  // and news reports on neither. The word after "my", and a noun after that ("safe" in "is my data
  // safe" is no thing owned).
  words.forEach((w, position) => {
    if (!/^(?:my|our)$/.test(w.norm)) return;
    const first = drafts.find(([at]) => at > position);
    if (!first || first[0] > position + 2 || index.isName(first[1].word)) return;
    // "my granddaughter mentioned Toutiao": who told the asker, not what is asked about; nor is
    // what the answer is for ("for my civics report", "need it for our vendor risk register").
    if (RELATION.test(first[1].word) && HEARSAY_VERB.test(words[first[0] + 1]?.norm ?? '')) return;
    if (words[position - 1]?.norm === 'for' && [first[0], first[0] + 1, first[0] + 2].some((at) => PURPOSE.test(words[at]?.norm ?? ''))) return;
    focus.push(first[1].word);
    firm.push(first[1].word);
    const second = drafts.find(([at]) => at === first[0] + 1);
    if (second && !index.isName(second[1].word) && isNounNotAdjective(second[1].word)) focus.push(second[1].word);
  });
  // "the difference between a crocodile and an alligator": the two things compared are what is asked about.
  const between = words.findIndex((w, i) => w.norm === 'between' && /^(?:difference|differences|differ|different|distinguish|compare|comparison|similarities)$/.test(words[i - 1]?.norm ?? ''));
  const and = between === -1 ? -1 : words.findIndex((w, i) => i > between && w.norm === 'and');
  if (and !== -1) {
    for (const [from, to] of [[between, and], [and, words.length]] as const) {
      const side = drafts.filter(([position, d]) => position > from && position < to && !index.isName(d.word)).map(([, d]) => d.word);
      const thing = side[side.length - 1];
      if (thing) {
        focus.push(thing);
        firm.push(thing);
      }
    }
  }
  const attribute = /^what(?:'s|’s|s| is| was| are| were) (?:the|a|an) ([\p{L}]+) (?:of|for|behind)\b/u.exec(lead)?.[1];
  const moneyWord = answerType === 'money' ? words.find((w) => MONEY_WORD.test(w.norm))?.norm : undefined;
  for (const word of [attribute, moneyWord]) {
    if (word && sharp(word) && !isAskingWord(word) && drafts.some(([, d]) => d.word === word)) {
      focus.push(word);
      firm.push(word);
    }
  }
  return { focus: [...new Set(focus)], firm: [...new Set(firm)] };
}

/** What an asker needs an answer for: "for my report", "for our risk register". */
const PURPOSE = /^(?:report|essay|homework|assignment|project|paper|presentation|class|course|memo|thesis|research|notes|timeline|changelog|register|newsletter|blog|podcast|video|article|slides|deck|summary|story)$/;
/** One of those, and what they do when they tell. */
const RELATION = new RegExp(`^(?:${RELATIONS})$`);
const HEARSAY_VERB = /^(?:mentioned|said|says|told|tells|asked|asks|heard|showed|shows|thinks|thought|reckons|keeps?|was|is)$/;

/** Whether a word no dictionary knows is one edit from a stop word of three letters or more ("wil", "becuase"). */
const isStopWordTypo = (word: string): boolean =>
  word.length >= 3 && LONGER_STOP_WORDS.some((stop) => stop[0] === word[0] && withinOneEdit(word, stop)) && !isCommonWord(word);
const LONGER_STOP_WORDS = [...STOP_WORDS].filter((stop) => stop.length >= 3);

/** The corpus's words by stem, rebuilt when the vocabulary changes. */
class CorpusWordsByStem {
  private version = -1;
  private readonly byStem = new Map<string, string[]>();

  sync(index: PassageIndex): void {
    if (index.vocabularyVersion === this.version) return;
    this.byStem.clear();
    for (const word of index.words()) {
      const stem = stemWord(word);
      this.byStem.set(stem, [...(this.byStem.get(stem) ?? []), word]);
    }
    this.version = index.vocabularyVersion;
  }

  wordsWith(stem: string): readonly string[] {
    return this.byStem.get(stem) ?? [];
  }
}
const corpusWordsByStemOf = perIndex(() => new CorpusWordsByStem());

/** Whether a corpus word with this stem is a form or relative of `word` (not "several" for "severs"). */
const sharesFamilyInCorpus = (word: string, stem: string, index: PassageIndex): boolean =>
  corpusWordsByStemOf(index).wordsWith(stem).some((corpusWord) => sameWordFamily(word, corpusWord));

/** Words for a person: "the name of the *person* who leads USDS" asks who, not for a name. */
const PERSON_WORDS = 'person|people|guy|man|woman|lady|exec|executive|ceo|boss|head|leader|official|spokesperson|spokesman|spokeswoman|reporter|editor|author|writer|founder|owner|chair|chairman|director|manager|lawyer|judge|senator|president';
const PERSON_WORD = new RegExp(`^(?:${PERSON_WORDS})$`);
const NAME_DETERMINER = /^(?:the|that|this|a|an|its|their)$/;
/** "the name of the act", "name of that team": a name is wanted for a thing that is not a person. */
const NAME_OF_THING = new RegExp(`\\bname of (?:the |that |this |a |an |its |their )?(?!(?:${PERSON_WORDS})\\b)\\p{L}`, 'u');

/** In "name of [the] X": where "name" stands and where X starts, when X is not a person. */
function nameOfThing(words: readonly Word[]): { nameAt: number; thingAt: number } | undefined {
  const nameAt = words.findIndex((w, i) => w.norm === 'name' && words[i + 1]?.norm === 'of');
  if (nameAt < 0) return undefined;
  const thingAt = NAME_DETERMINER.test(words[nameAt + 2]?.norm ?? '') ? nameAt + 3 : nameAt + 2;
  return PERSON_WORD.test(words[thingAt]?.norm ?? '') ? undefined : { nameAt, thingAt };
}

/** Words that put a noun in an order ("the first person to…") rather than say which kind it is. */
const ORDER_WORD = /^(?:first|second|third|fourth|fifth|last|next|only)$/;
/** Words that name the corpus ("the articles"), who a statement was made to ("the press") or open a question in chat ("wait"). */
const CORPUS_WORD = /^(?:articles?|stories|story|sources|pieces?|writeups?|write-ups?)$/;
const SAYING_AFTER_CORPUS = /^(?:say|says|said|describe|describes|described|mention|mentions|mentioned|call|calls|report|reports|tell|claim|note|notes|noted|give|gives|gave|bring|brings|agree|agreed|cover|covers|covered)$/;
/** Who is asked about the articles: "the articles", "any article", "which article", "the other one". */
const THE_CORPUS = /^(?:the|these|those|your|ur)$/;
const CORPUS_DETERMINER = /^(?:any|which|an|a|one|other|each|every|some|all|both)$/;

/**
 * Positions of words that frame a question rather than say what it is about: the articles
 * themselves ("how do the articles describe Oracle", "according to the articles"), an interjection
 * opening it ("wait, what even is Oracle"), and whom a statement was made to ("did Oracle say
 * anything to the press", "…when reporters reached out"), since articles write "declined to comment".
 */
function askingFrameWords(words: readonly Word[]): Set<number> {
  const frame = new Set<number>();
  const norm = (i: number) => words[i]?.norm ?? '';
  if (/^(?:wait|oh|ah|well|like|hmm|um|uh)$/.test(norm(0))) frame.add(0);
  // "What's the name of the act…": the act is asked about; "name" says only that a name is wanted.
  const named = nameOfThing(words);
  if (named) frame.add(named.nameAt).add(named.nameAt + 1);
  let corpusNamed = false;
  words.forEach((w, i) => {
    // "the articles", "the BuzzFeed News article": the words between name the source and stay.
    // "write-ups" comes apart at its hyphen.
    const writeUp = w.norm === 'write' && /^ups?$/.test(norm(i + 1));
    const end = writeUp ? i + 1 : i;
    const sayingAt = /^(?:that|which|who)$/.test(norm(end + 1)) ? end + 2 : end + 1;
    // "the articles" frame wherever they stand; "any article", "which piece" only when what follows asks what it says.
    // "… in a tiktok writeup", "in some article": where the member read it, not what they ask.
    const determinerAt = [1, 2, 3].map((back) => i - back).find((at) => CORPUS_DETERMINER.test(norm(at)));
    const framed =
      [1, 2, 3].some((back) => THE_CORPUS.test(norm(i - back))) ||
      (determinerAt !== undefined && (SAYING_AFTER_CORPUS.test(norm(sayingAt)) || /^(?:in|from|on|per)$/.test(norm(determinerAt - 1))));
    if ((CORPUS_WORD.test(w.norm) || writeUp) && framed) {
      corpusNamed = true;
      frame.add(i).add(end);
      // "…says", "any article that gives", "do the articles agree on": how the articles are asked, not what about.
      if (SAYING_AFTER_CORPUS.test(norm(sayingAt))) frame.add(sayingAt);
      if (/^(?:bring|brings)$/.test(norm(sayingAt)) && norm(sayingAt + 1) === 'up') frame.add(sayingAt + 1);
    } else if (/^(?:report|piece|reporting|coverage)$/.test(w.norm) && /^(?:the|this|that)$/.test(norm(i - 1)) && SAYING_AFTER_CORPUS.test(norm(i + 1))) {
      // "the report says", "the piece mentions": the article, told by what it does; "the report found" is a report's.
      frame.add(i).add(i + 1);
    } else if (corpusNamed && /^(?:describe|described)$/.test(w.norm)) frame.add(i);
    // "is there any timeline for…", "what's the timeframe": only asks when.
    if (/^(?:timeline|timeframe|eta)$/.test(w.norm) && /^(?:any|a|the|no|whats|what)$/.test(norm(i - 1))) frame.add(i);
    // "what day of the week": asks for a weekday, which an article names ("said Friday"), not the week.
    if (w.norm === 'week' && norm(i - 1) === 'the' && norm(i - 2) === 'of' && norm(i - 3) === 'day') frame.add(i);
    // "how much money/cash": asks for a sum, which an article gives as "$50 million", not as "money".
    if (/^(?:money|cash|dough|dollars|bucks)$/.test(w.norm) && norm(i - 1) === 'much' && norm(i - 2) === 'how') frame.add(i);
    // "what does USDS stand for", "what do the letters mean", "what's it called", "name pls": ask what a
    // thing is called, which an article says by giving the name, not by these words.
    if (w.norm === 'stand' && norm(i + 1) === 'for') frame.add(i);
    const meaning = w.norm === 'letters' ? [1, 2, 3, 4].map((ahead) => i + ahead).find((at) => /^(?:mean|stand)$/.test(norm(at))) : undefined;
    if (meaning !== undefined) frame.add(i).add(meaning);
    if (/^(?:called|named)$/.test(w.norm) && i === words.length - 1 && [1, 2, 3, 4, 5].some((back) => /^(?:what|whats|how)$/.test(norm(i - back)))) frame.add(i);
    if (w.norm === 'name' && i === words.length - 1 - (/^(?:pls|plz|please)$/.test(norm(words.length - 1)) ? 1 : 0) && i > 0) frame.add(i);
    if (!AUDIENCE.has(w.norm)) return;
    const before = norm(i - 1) === 'the' ? norm(i - 2) : norm(i - 1);
    if (before === 'to' || before === 'with') frame.add(i);
    else if (/^(?:asked|reached|contacted|called|emailed)$/.test(norm(i + 1))) {
      frame.add(i).add(i + 1);
      if (norm(i + 2) === 'out') frame.add(i + 2);
    }
  });
  return frame;
}

/** Verbs that say little alone ("kids go to its schools", "how did it get there"): half a word. */
const LIGHT_VERB = /^(?:go|goes|going|went|gone|get|gets|getting|got|gotten|come|comes|coming|came|make|makes|making|made|take|takes|taking|took|taken|put|puts|putting)$/;
const LIGHT_VERB_SHARE = 0.5;

/** Prepositions that, right after a particle, make it part of a place ("up on the roof", "out of town"). */
const PLACE_PREPOSITION = /^(?:on|onto|in|into|at|to|of|from|over|under|above|below|behind|near|inside|outside|through)$/;

const QUESTION_WORDS = ['what', 'when', 'where', 'which', 'who', 'whose', 'why', 'how'];
const HOW_WORDS = ['long', 'many', 'much', 'often'];

/**
 * A question word mistyped ("waht", "hwo", "whn", "how lomg") written as meant, so that the kind of
 * answer is read right: one edit from it, the first letter kept, and no word of English or the corpus.
 * (As a stop word's typo it would be left out of the search anyway: isStopWordTypo.)
 */
function withQuestionWordsRespelt(text: string, index: PassageIndex): string {
  let previous = '';
  return text.replace(/\p{L}+/gu, (written) => {
    const lower = written.toLowerCase();
    const candidates = previous === 'how' ? [...QUESTION_WORDS, ...HOW_WORDS] : QUESTION_WORDS;
    // The cheap test first: most words are one edit from no question word, and need no WordNet lookup.
    const near = lower.length >= 3 && lower.length <= 6 && !candidates.includes(lower) ? candidates.find((q) => q[0] === lower[0] && withinOneEdit(lower, q)) : undefined;
    const meant = near && !isStopWord(lower) && index.passagesWithWord(lower) === 0 && !isCommonWord(lower) ? near : undefined;
    previous = meant ?? lower;
    if (!meant) return written;
    return /^\p{Lu}/u.test(written) ? meant[0]?.toUpperCase() + meant.slice(1) : meant;
  });
}

/** A number run together with its unit ("5ghz", "2TB", "1.5mb"); not an ordinal ("3rd"). */
const NUMBER_WITH_UNIT = /\b(\d+(?:\.\d+)?)(?!st\b|nd\b|rd\b|th\b|s\b)(\p{L}{2,4})\b/giu;

/** "5ghz" as "5 ghz" where the corpus writes the unit apart ("5 GHz") and never the two together. */
function withUnitsApart(text: string, index: PassageIndex): string {
  return text.replace(NUMBER_WITH_UNIT, (written, number: string, unit: string) =>
    index.passagesWithWord(written.toLowerCase()) === 0 && index.passagesWithWord(unit.toLowerCase()) > 0 ? `${number} ${unit}` : written,
  );
}

/**
 * Turns a question into weighted concepts against the current index: stems, spelling corrections
 * for words the corpus does not know, compounds written apart or together, and synonym concepts.
 */
export function parseQuery(question: string, index: PassageIndex): ParsedQuery {
  // "At the moment", "these days": ways of saying "currently", the word articles use ("currently stored").
  const dictated = withDictationRepaired(withPercentSpelt(question), index);
  const text = withUnitsApart(withQuestionWordsRespelt(withoutTagQuestions(withoutVerdictRequest(withoutPreamble(withoutQuizFurniture(withoutHedges(withoutChatMarkup(dictated.text)))))).replace(NOW_PHRASE, (phrase) => (/^\p{Lu}/u.test(phrase) ? 'Currently' : 'currently')), index), index);
  const { asides, guesses } = asidesAndGuesses(text);
  const inAside = (w: Word | undefined) => w !== undefined && asides.some(([start, end]) => w.start >= start && w.start < end);
  const inGuess = (w: Word | undefined) => w !== undefined && guesses.some(([start, end]) => w.start >= start && w.start < end);
  // What is asked, without the asides: what decides whether it asks for advice or about the asker's own case.
  const askedText = asides.reduceRight((rest, [start, end]) => rest.slice(0, start) + rest.slice(end), text);
  // The corpus word a word the corpus lacks is most likely a misspelling of, looked up once per word.
  const spellings = new Map<string, string | undefined>();
  const corpusSpelling = (norm: string): string | undefined => {
    // An everyday word ("cell") is no misspelt name: only a word English lacks may change its first letter.
    if (!spellings.has(norm)) {
      // A frequent English word ("quitting") is a slip of one key at most, not two ("quoting").
      const common = isCommonWord(norm);
      const everyday = common && everydayRarity(norm) < EVERYDAY_WORD_RARITY;
      const correct = (word: string) => correctSpelling(word, index.spellingVocabulary(), (x) => index.passagesWithWord(x), { soundAlikeFirst: !common, maxEdits: everyday ? 1 : Infinity, restoreDoubled: !common, byEar: !common, adjacentKeysOnly: everyday });
      // "oracels servers": a misspelt name's plural or possessive, its apostrophe left out, is the name misspelt.
      spellings.set(norm, correct(norm) ?? (!common && /[^s]s$/.test(norm) && norm.length >= 5 ? correct(norm.slice(0, -1)) : undefined));
    }
    return spellings.get(norm);
  };
  // "govt's new regs": an abbreviation the corpus does not use is read as the word it stands for;
  // "globaly", a misspelling of an everyday word the corpus does not use either, as that word
  // (whose relatives it may use: "worldwide"). A misspelling of a corpus word is corrected below.
  const words = splitWords(text).map((w) => {
    if (index.passagesWithWord(w.norm) > 0 || isStopWord(w.norm)) return w;
    // Chat stretches words ("lmaooo", "sooo", "pleaseee"): the word with its runs of a letter cut back.
    const unstretched = /(\p{L})\1\1/u.test(w.norm)
      ? [w.norm.replace(/(\p{L})\1{2,}/gu, '$1$1'), w.norm.replace(/(\p{L})\1{2,}/gu, '$1')].find((x) => isStopWord(x) || index.passagesWithWord(x) > 0 || isCommonWord(x))
      : undefined;
    if (unstretched) return { ...w, norm: unstretched };
    // Chat drops the g of "-ing" ("happenin", "goin"): read as the everyday word when English has it.
    const gDropped = /[^aeiou]in$/.test(w.norm) && !isCommonWord(w.norm) && isCommonWord(`${w.norm}g`) ? `${w.norm}g` : undefined;
    // "DoC", written with capitals inside lower case, is an acronym, not chat shorthand ("MW" is megawatts).
    const written = text.slice(w.start, w.end);
    const shorthand = /^.\P{Lu}*$/u.test(written) || written === written.toUpperCase() ? expandShorthand(w.norm) : undefined;
    const full = shorthand ?? gDropped ?? (corpusSpelling(w.norm) ? undefined : everydaySpelling(w.norm));
    return full ? { ...w, norm: full } : w;
  });
  // "acording to him": a misspelt word of a function phrase is that phrase's word, not a word to search.
  words.forEach((w, i) => {
    if (index.passagesWithWord(w.norm) > 0 || isStopWord(w.norm)) return;
    const meant = corpusSpelling(w.norm) ?? everydaySpelling(w.norm);
    if (meant && functionPhraseWords(words.map((other, j) => (j === i ? { ...other, norm: meant } : other))).has(i)) words[i] = { ...w, norm: meant };
  });
  const passageCount = Math.max(index.passageCount, 1);
  const known = (term: string) => index.passagesWithTerm(term) > 0;
  const corrections: { from: string; to: string }[] = [...dictated.corrections];

  type Draft = { word: string; alternatives: Map<string, number> };
  const drafts: Draft[] = [];
  const draftAt = new Map<number, Draft>(); // position in `words` → its concept

  // "per the press release", "in tamsyn's notes": which document, not what is asked about.
  const source = sourceHintIn(text);
  const citing = source ? words.flatMap((w, position) => (w.start >= source.start && w.end <= source.end ? [position] : [])) : [];
  const functional = new Set([...functionPhraseWords(words), ...askingFrameWords(words), ...citing]);
  const accidentalStems = new Set<string>(); // stems a typo shares with unrelated corpus words: never matches
  words.forEach((w, position) => {
    if (isStopWord(w.norm) || functional.has(position)) return;
    // "how much time elapsed between…" in a corpus that never writes "between": no word to find, nor one it lacks.
    if (isMeaningfulFunctionWord(w.norm) && index.passagesWithWord(w.norm) === 0) return;
    const alternatives = new Map<string, number>();
    const stem = stemWord(w.norm);
    alternatives.set(stem, MATCH_WEIGHTS.exact);
    // "severs" shares its stem with the corpus's "several" and nothing else: the stem is no evidence
    // the corpus knows the word, so it is read as the typo it likely is ("servers").
    // "wifi" is seen when the corpus writes "Wi-Fi".
    const unseen = index.passagesWithWord(w.norm) === 0 && index.passagesWithHyphenatedWord(w.norm) === 0 && !/^\d/.test(w.norm);
    const stemByAccident = unseen && known(stem) && !sharesFamilyInCorpus(w.norm, stem, index);
    if (unseen && (!known(stem) || stemByAccident)) {
      // Chat drops the g of "-ing" ("keepin", "talkin").
      const gDropped = /[^aeiou]in$/.test(w.norm) ? stemWord(`${w.norm}g`) : undefined;
      if (gDropped && known(gDropped)) alternatives.set(gDropped, MATCH_WEIGHTS.exact);
      const corrected = corpusSpelling(w.norm);
      // "wil", "becuase": a typo of a word with no meaning of its own is no word to find either.
      // Written with a capital, it is more likely a name ("Amy").
      if (!known(stem) && isStopWordTypo(w.norm) && !/^\p{Lu}/u.test(text.slice(w.start, w.end))) return;
      if (corrected && !isStopWord(corrected)) {
        const correctedStem = stemWord(corrected);
        if (known(correctedStem)) {
          if (stemByAccident) {
            alternatives.delete(stem);
            accidentalStems.add(stem);
          }
          // A word of English the corpus lacks ("army", "fine") is most likely meant as written: its
          // nearest corpus word ("arm", "find") is a weak clue, and the word stays unknown.
          alternatives.set(correctedStem, isCommonWord(w.norm) ? MATCH_WEIGHTS.englishWordRespelt : MATCH_WEIGHTS.spelling);
          corrections.push({ from: w.norm, to: corrected });
        }
      }
      // An acronym of a name the corpus uses ("DoC" → "Department of Commerce", "TT" → "TikTok").
      const written = text.slice(w.start, w.end);
      // "GPUs", "SDKs": the plural of an acronym. An acronym that stands for many names in the corpus
      // ("PM": Prime Minister, Paul Menendez, Pennock's Mill…) is a weak clue to each.
      const expansions = [...acronymTerms(w.norm, index, /^\p{Lu}{2,}$/u.test(written)), ...(/^\p{Lu}{2,}s$/u.test(written) ? acronymTerms(w.norm.slice(0, -1), index, true) : [])];
      const expansionWeight = new Set(expansions).size > AMBIGUOUS_ACRONYM_NAMES ? MATCH_WEIGHTS.synonym * 0.5 : MATCH_WEIGHTS.synonym;
      for (const term of expansions) alternatives.set(term, Math.max(alternatives.get(term) ?? 0, expansionWeight));
      // A phrasal verb written as one word ("setup", "signup"): the corpus's verb ("set up").
      const particle = [...PHRASAL_PARTICLES].find((p) => w.norm.length - p.length >= 3 && w.norm.endsWith(p));
      const verbStem = particle ? stemWord(w.norm.slice(0, -particle.length)) : undefined;
      if (verbStem && known(verbStem)) alternatives.set(verbStem, MATCH_WEIGHTS.compound);
      // A compound the corpus writes as two words ("cybersecurity" → "cyber security").
      for (let cut = 3; cut <= w.norm.length - 3; cut++) {
        const head = w.norm.slice(0, cut);
        const tail = w.norm.slice(cut);
        if (index.passagesWithWord(head) > 0 && index.passagesWithWord(tail) > 0 && !isStopWord(head) && !isStopWord(tail)) {
          alternatives.set(stemWord(head), MATCH_WEIGHTS.compound);
          alternatives.set(stemWord(tail), MATCH_WEIGHTS.compound);
          break;
        }
      }
    }
    const draft = { word: w.norm, alternatives };
    drafts.push(draft);
    draftAt.set(position, draft);
  });

  // A compound noun the corpus never uses ("data structure", "national parks"): its first word only
  // says which kind of the last, so finding that word alone in the corpus finds something else. It
  // becomes the compound, found by the compound (written together or hyphenated) or its synonyms.
  const compoundModifiers = new Set<Draft>();
  words.forEach((w, position) => {
    const next = words[position + 1];
    const draft = draftAt.get(position);
    if (!next || !draft || !draftAt.has(position + 1) || index.isName(w.norm) || index.isName(next.norm)) return;
    if (!isNounCompound([w.norm, next.norm])) return;
    if (index.hasPhrase([w.norm, next.norm])) return;
    // "The first person to notice", "the last time": an order, not a kind ("first person" of grammar).
    if (ORDER_WORD.test(w.norm)) return;
    draft.word = `${w.norm} ${next.norm}`;
    draft.alternatives = new Map([[stemWord(w.norm + next.norm), MATCH_WEIGHTS.exact]]);
    compoundModifiers.add(draft);
  });

  // A phrasal verb ("look after", "go after", "hand over") is one concept, its verb's: the particle
  // alone is no word to find ("after Trump left office"). The phrase's synonyms are added below.
  words.forEach((w, position) => {
    const next = words[position + 1];
    const particle = draftAt.get(position + 1);
    if (!next || !particle || !draftAt.has(position) || !PHRASAL_PARTICLES.has(next.norm) || !phrasalVerbOf([w.norm, next.norm])) return;
    drafts.splice(drafts.indexOf(particle), 1);
    draftAt.delete(position + 1);
  });

  // Two words the corpus writes as one ("data center" → "datacenter", "backed up" → "backup").
  words.forEach((w, position) => {
    const next = words[position + 1];
    if (!next) return;
    // A name said as two words, the first of them a stop word ("we chat" → "WeChat"): the second stands for it.
    const draft = draftAt.get(position) ?? draftAt.get(position + 1);
    if (!draft) return;
    const candidates = [w.norm + next.norm];
    if (PHRASAL_PARTICLES.has(next.norm)) candidates.push(stemWord(w.norm) + next.norm);
    for (const candidate of candidates) {
      const stem = contentWords(candidate)[0]?.stem;
      if (stem && known(stem)) {
        draft.alternatives.set(stem, MATCH_WEIGHTS.compound);
        draftAt.get(position + 1)?.alternatives.set(stem, MATCH_WEIGHTS.compound);
      }
    }
  });

  // Related words from the thesaurus, for single words and for expressions like "get rid of".
  const addRelated = (related: readonly RelatedWord[], targets: readonly Draft[]) => {
    for (const { word, relation } of related) {
      if (word.includes(' ') || word.includes('-')) continue;
      const stem = contentWords(word)[0]?.stem;
      if (!stem || !known(stem) || accidentalStems.has(stem)) continue;
      const weight = relation === 'derived' ? MATCH_WEIGHTS.derived : MATCH_WEIGHTS.related;
      for (const draft of targets) if ((draft.alternatives.get(stem) ?? 0) < weight) draft.alternatives.set(stem, weight);
    }
  };
  // Everyday ↔ news wording ("crew" ↔ "staff"). A phrase ("intelligence official") is found by its
  // sharper words, each at a lower weight, since alone each says less than the phrase.
  const addParaphrases = (members: readonly string[], targets: readonly Draft[]) => {
    for (const member of members) {
      const parts = contentWords(member);
      const usable = parts.length === 1 ? parts : parts.filter((part) => everydayRarity(part.norm) >= PARAPHRASE_PART_MIN_RARITY);
      const weight = parts.length === 1 ? MATCH_WEIGHTS.related : MATCH_WEIGHTS.phrasePart;
      for (const { stem } of usable) {
        if (!known(stem) || accidentalStems.has(stem)) continue;
        for (const draft of targets) if ((draft.alternatives.get(stem) ?? 0) < weight) draft.alternatives.set(stem, weight);
      }
    }
  };
  // Names the corpus uses (Trump, Oracle) are not words to find synonyms for.
  const corpusRelatives = corpusRelativesOf(index);
  for (const [position, draft] of draftAt) {
    if (index.isName(draft.word) || compoundModifiers.has(draft)) continue;
    const word = words[position]?.norm ?? draft.word;
    addRelated(relatedWords(word), [draft]);
    addParaphrases(paraphrasesOf(word), [draft]);
    // Read backwards, a vague everyday word ("go", "get") is listed by half the corpus: only sharper words count.
    if (everydayRarity(word) >= MIN_RARITY_FOR_CORPUS_RELATIVES) addRelated(corpusRelatives.of(word), [draft]);
  }

  for (let length = 3; length >= 2; length--) {
    for (let position = 0; position + length <= words.length; position++) {
      // Words of a function phrase ("what kind of apps") make no expression of their own.
      if (Array.from({ length }, (_, k) => position + k).some((at) => functional.has(at))) continue;
      const span = words.slice(position, position + length).map((w) => w.norm);
      // As written, or a phrasal verb with its verb in the base form ("looks after").
      const asWritten = span.join(' ');
      const phrase = isKnownPhrase(asWritten) || isParaphrasePhrase(asWritten) ? asWritten : length === 2 && PHRASAL_PARTICLES.has(span[1] ?? '') ? phrasalVerbOf(span) : undefined;
      if (!phrase) continue;
      const targets = span.map((_, k) => draftAt.get(position + k)).filter((d): d is Draft => d !== undefined);
      if (targets.length === 0) {
        // "get up on the roof", "go back to the deal": the particle opens a place, it makes no verb of "get".
        if (length === 2 && PLACE_PREPOSITION.test(words[position + 2]?.norm ?? '')) continue;
        // An expression made of stop words alone ("get at" = access) is a concept of its own.
        const draft: Draft = { word: phrase, alternatives: new Map() };
        addRelated(relatedWords(phrase), [draft]);
        addParaphrases(paraphrasesOf(phrase), [draft]);
        if (draft.alternatives.size > 0) drafts.push(draft);
        continue;
      }
      addRelated(relatedWords(phrase), targets);
      addParaphrases(paraphrasesOf(phrase), targets);
    }
  }

  // Synonym phrases, matched on the best-known stem of each word (so a corrected typo still matches).
  const bestStem = (d: Draft) => [...d.alternatives.entries()].sort((a, b) => Number(known(b[0])) - Number(known(a[0])) || b[1] - a[1])[0]?.[0] ?? '';
  const stems = drafts.map(bestStem);
  for (const { concept, from, to } of index.synonyms.match(stems)) {
    for (const draft of drafts.slice(from, to)) draft.alternatives.set(concept, MATCH_WEIGHTS.synonym);
  }

  // "How many people use TikTok" counts its users: a plain word for people, then what they do, is
  // found by the doer's name for it ("users", "viewers") as well as by the verb's other relatives,
  // and the number an answer gives should count those doers, not just any people.
  const countAt = words.findIndex((w, i) => (w.norm === 'many' && words[i - 1]?.norm === 'how') || (w.norm === 'of' && words[i - 1]?.norm === 'number'));
  const countedDraft = countAt >= 0 ? [...draftAt].find(([position]) => position > countAt)?.[1] : undefined;
  let doerStems: string[] = [];
  if (countedDraft && GENERIC_PEOPLE.has(countedDraft.word)) {
    const doingAt = [...draftAt].find(([, d]) => d !== countedDraft && drafts.indexOf(d) > drafts.indexOf(countedDraft));
    const doing = doingAt?.[1];
    for (const [term, weight] of doing?.alternatives ?? []) {
      if (weight < MATCH_WEIGHTS.exact && (countedDraft.alternatives.get(term) ?? 0) < weight) countedDraft.alternatives.set(term, weight);
    }
    const verb = doingAt ? (words[doingAt[0]]?.norm ?? '') : '';
    doerStems = relatedWords(verb)
      .filter((r) => r.relation === 'derived' && /(?:er|or|ist|ant)$/.test(r.word))
      .map((r) => stemWord(r.word))
      .filter((stem) => known(stem));
    for (const stem of doerStems) countedDraft.alternatives.set(stem, MATCH_WEIGHTS.exact);
  }

  // A word only in what the asker adds after asking counts for little, unless the question itself
  // says too little to stand alone ("Is it done? TikTok was moving data to Oracle").
  // A guess the corpus knows ("is it singapore?") is a clue to the answer, at full weight; one it does not ("texas?") is the asker's.
  // A word of a paraphrase phrase alone ("executive" of "chief executive") is a hint, not proof the corpus speaks of the thing.
  const knownCountsOf = (d: Draft) => [...d.alternatives].filter(([, w]) => w > MATCH_WEIGHTS.phrasePart).map(([t]) => index.passagesWithTerm(t)).filter((n) => n > 0);
  const asideDrafts = new Set([...draftAt].filter(([position, d]) => inAside(words[position]) && !(inGuess(words[position]) && knownCountsOf(d).length > 0)).map(([, d]) => d));
  const askedKeys = new Set(drafts.filter((d) => !asideDrafts.has(d)).map(bestStem));
  const asideShare = askedKeys.size >= MIN_CONCEPTS_WITHOUT_ASIDES ? ASIDE_SHARE : 1;
  // One concept per distinct word; its weight is the rarest way it can be found.
  const seen = new Set<string>();
  const concepts: QueryConcept[] = [];
  for (const draft of drafts) {
    const key = bestStem(draft);
    if (seen.has(key)) continue;
    seen.add(key);
    const aside = asideShare < 1 && !askedKeys.has(key);
    const knownCounts = knownCountsOf(draft);
    const isKnown = knownCounts.length > 0;
    const unknownVerb = !isKnown && !draft.word.includes(' ') && isVerbForm(draft.word);
    const light = LIGHT_VERB.test(draft.word) ? LIGHT_VERB_SHARE : 1;
    const rarity = Math.max(...draft.word.split(' ').map(everydayRarity)) * (unknownVerb ? UNKNOWN_VERB_SHARE : 1) * light;
    const weight = inverseDocumentFrequency(isKnown ? Math.max(...knownCounts) : 0, passageCount) * (aside ? asideShare : 1) * light;
    concepts.push({ word: draft.word, alternatives: draft.alternatives, weight, known: isKnown, rarity: rarity * (aside ? asideShare : 1), aside });
  }
  // Instructions or advice for the asker ("how do I…", "what's a good app for…"): news reports neither.
  const asksHowTo = /\bhow (?:do|should|would|could) (?:i|we|you|u)\b|\bhow can (?:you|u)\b|(?:^|[.?!:,]\s*)how to\b/i.test(askedText);
  const asksForInstructions =
    asksHowTo ||
    /\b(?:what|which)(?:'s|’s|s| is| are)? (?:a |an |the |some )?(?:good|best|better|top|recommended|cheapest|easiest)\b|\b(?:can|could|would|do) (?:you|u|anyone|anybody|someone|somebody|y'?all) recommend\b|\brecommend (?:me|a|an|some|any)\b|\bany (?:good )?(?:suggestions|tips|fix|fixes|workarounds?|advice|ideas|recommendations)\b|\bany good\b/i.test(askedText) ||
    // "good app for tracking homework?": a request, with the question word left out.
    /^(?:a |any )?(?:good|decent|cheap|free) [\p{L}-]+ (?:for|to)\b/iu.test(text.trim());
  // The asker's own case ("can I…", "why did I get a ban", "I keep getting logged out") or a judgement
  // ("which cloud is best"): a news report seldom says, an explainer may. "I heard…", "I read…", "I
  // wonder…" only frame a question about the story, and so does a case the asker supposes ("if I get
  // paid as a creator, is my bank info on Oracle's servers?").
  const asksAboutAsker =
    !asksForInstructions &&
    (/\b(?:can|should) i\b|\bhow can (?:i|we)\b/i.test(askedText) ||
      // "best cloud storage for photos?", "which vpn is best" ("best-known" is a fact, and so is
      // what someone in the story judged best: "the best contract he ever saw").
      (/\bbest\b(?![- ](?:known|selling|seller))|\bcheapest\b/i.test(text) && !/\b(?:he|she|they|his|her|their|him|them)\b/i.test(text)) ||
      words.some((w, i) => !inAside(w) && /^(?:i|me|myself)$/.test(w.norm) && text.slice(w.start, w.end) !== 'I.' && !(w.norm === 'i' && (FRAMING_VERB.test(words[i + 1]?.norm ?? '') || isTaskAhead(words, i + 1) || /^(?:if|say|suppose|supposing|assuming)$/.test(words[i - 1]?.norm ?? '')))));
  // "how many employees", "the number of users": the first concept after the counting words.
  const countedConcept = countedDraft ? concepts.find((c) => c.word === countedDraft.word) : undefined;
  const counted = countedConcept && doerStems.length > 0 ? { ...countedConcept, alternatives: new Map(doerStems.map((stem) => [stem, 1])) } : countedConcept;
  // "who owns TikTok": the word right after "who" is the verb whose doer is asked for.
  const whoAt = words.findIndex((w) => w.norm === 'who');
  const agentDraft = whoAt >= 0 ? draftAt.get(whoAt + 1) : undefined;
  const agentVerb = agentDraft ? concepts.find((c) => c.word === agentDraft.word) : undefined;
  // "the name of the data center in Virginia": the words after "name of", up to a small word, a name
  // or a verb; the last of them is the thing named.
  let namedAt = -1;
  for (let at = nameOfThing(words)?.thingAt ?? words.length; at < words.length; at++) {
    const norm = words[at]?.norm ?? '';
    if (isStopWord(norm) || index.isName(norm) || isVerbForm(norm)) break;
    namedAt = at;
  }
  // Its own stem and spellings; a compound's other word ("data" of "data center") does not stand for it.
  const namedWord = words[namedAt]?.norm;
  const namedDraft = namedAt >= 0 ? draftAt.get(namedAt) : undefined;
  const namedThing = namedWord
    ? new Set([stemWord(namedWord), ...(namedDraft?.word === namedWord ? [...namedDraft.alternatives].filter(([, w]) => w >= MATCH_WEIGHTS.spelling).map(([t]) => t) : [])])
    : undefined;
  const lead = leadingQuestion(text.toLowerCase());
  const answerType = answerTypeOf(text, lead);
  const timeUnit = answerType === 'time' ? timeUnitOf(lead) : undefined;
  // What the asker adds ("need it for my homework") is not what the question asks about.
  const asked = focusOf(text, lead, words, [...draftAt].filter(([position]) => !inAside(words[position])), answerType, index);
  const conceptsOf = (list: readonly string[]) => list.flatMap((word) => concepts.filter((c) => c.word === word));
  const focus = conceptsOf(asked.focus);
  const termsOf = (c: QueryConcept) => new Set([...[...c.alternatives].filter(([, w]) => w > MATCH_WEIGHTS.phrasePart).map(([t]) => t), ...oppositeWords(c.word).flatMap((w) => contentWords(w).map((cw) => cw.stem))]);
  const unknownFocus = focus.filter((c) => ![...termsOf(c)].some(known));
  // A verb asked about ("sending the data thru Oracle") is one an article may tell in its own
  // ("moving all data through servers"): only a thing asked about, or a sum paid or spent, must be
  // something the answering article speaks of.
  // A misspelt word is told by its correction ("wroking": working, a verb).
  const spelt = (word: string) => corrections.find((c) => c.from === word)?.to ?? word;
  const articleFocus = conceptsOf(asked.firm)
    .filter((c) => !isVerbForm(spelt(c.word)) || isNounNotAdjective(spelt(c.word)) || MONEY_WORD.test(spelt(c.word)))
    .map(termsOf);
  return {
    text: question,
    concepts,
    source,
    agentVerb,
    focus,
    unknownFocus,
    articleFocus,
    corrections,
    searched: concepts.map((c) => c.word),
    unknown: concepts.filter((c) => !c.known).map((c) => c.word),
    answerType,
    timeUnit,
    counted,
    namedThing,
    asksForInstructions,
    asksHowTo,
    asksAboutAsker,
  };
}
