import { splitWords, stemWord } from './analyze.ts';
import { MONTH } from './clean.ts';
import { looksLikeName } from './background.ts';
import { articleFitsSource } from './source-hint.ts';
import { isCommonWord } from './thesaurus.ts';
import { MATCH_WEIGHTS, parseQuery, type AnswerType, type ParsedQuery, type QueryConcept, type TimeUnit } from './query.ts';
import { inverseDocumentFrequency } from './query.ts';
import type { IndexedPassage, PassageIndex } from './search-index.ts';
import type { Span } from './sentences.ts';
import { QUESTION_END } from './passages.ts';

/** Ranking and answering knobs. Defaults in `DEFAULT_ANSWER_OPTIONS`; tune them there, not in code. */
export type AnswerOptions = {
  /** How many results to return. */
  readonly top: number;
  /** How many results to skip (for "More"). */
  readonly offset: number;
  /** Restrict answers to one article. */
  readonly articleId?: string | undefined;
  /** How many BM25 candidates are re-ranked. */
  readonly candidatePool: number;
  /** Field boosts for BM25: the title says what an article is about, the text what a passage says. */
  readonly fieldBoost: { readonly title: number; readonly text: number };
  /**
   * Share of the question's informative words (weighted by everyday rarity) the best passage, with
   * its title, must hold to be an answer at all; below it the answer is "no good match".
   */
  readonly minAnswerability: number;
  /**
   * The same bar for "how do I…", "what's a good…" and "any tips" questions: news articles neither
   * instruct nor advise the asker, so by default none is answered (Infinity), only offered related reading.
   */
  readonly minAnswerabilityForInstructions: number;
  /**
   * The bar for a question about the asker's own case ("can I…"), and for a "how do I…" whose passage
   * instructs its reader (an FAQ's "Submit a complaint using Form DP-7"): only an explainer's close match answers it.
   */
  readonly minAnswerabilityAboutAsker: number;
  /** Say "no good match" when the question names something the corpus never mentions (CEO, Microsoft). */
  readonly abstainOnUnknownNames: boolean;
  /** Say "no good match" when what a who/when/how-much question asks about is a word the corpus never uses ("price"). */
  readonly abstainOnUnknownFocus: boolean;
  /** Share a further result must hold, and the part of the best score it must reach. */
  readonly minSecondaryAnswerability: number;
  readonly minSecondaryScore: number;
  /** Weighted term overlap above which two passages say the same thing and are folded into one result. */
  readonly duplicateSimilarity: number;
  /** Share of the smaller answering sentence the other holds, above which the two report the same fact. */
  readonly duplicateContainment: number;
  /** How many related passages to offer when there is no answer. */
  readonly relatedCount: number;
  /** Share a passage must hold to be offered as related reading. */
  readonly minRelatedAnswerability: number;
  /** How the final score mixes its parts. */
  readonly weights: { readonly coverage: number; readonly sentence: number; readonly bm25: number; readonly proximity: number };
  /** Credit for a question word found only around the passage (the passage before it, the title). */
  readonly contextCredit: number;
  /** Credit in a sentence that opens by pointing back ("The law…", "It…") for a name the sentence or passage before it holds. */
  readonly pointingBackCredit: number;
  /**
   * A sentence longer than `focusWords` content words holds what it matches less squarely: its share
   * of the question is scaled by (focusWords / length) ^ focusExponent.
   */
  readonly focusWords: number;
  readonly focusExponent: number;
  /** The same credit for a name the question uses that the article's title holds ("Veldsprenge"). */
  readonly titleNameCredit: number;
  /** Weight, in the share a passage must hold, of an everyday word the corpus never uses (an unknown name counts fully). */
  readonly unknownEverydayWordFactor: number;
  /** Factor on the score of a passage without the kind of answer the question word asks for (where → a place…). */
  readonly missingAnswerTypeFactor: number;
  /** Factor when the kind is there but loosely: a number, but not next to the thing a "how many" counts. */
  readonly looseAnswerTypeFactor: number;
  /** Factor on a passage whose article names nothing the question names ("TikTok's largest market" in a story on another app). */
  readonly missingNameFactor: number;
  /** Factor on a passage whose best sentence is a question it leaves unanswered (an analyst's, a reader's): the answer comes after. */
  readonly unansweredQuestionFactor: number;
  /** Factor on the score of a passage from the document the question names ("per the press release"), when some but not all articles are one. */
  readonly namedSourceFactor: number;
  /** Kinds of answer (a sum, a count) a passage must hold somewhere to answer a question asking for one. */
  readonly answerKindRequiredFor: readonly AnswerType[];
  /** The part of the best score a runner-up that holds the kind must reach to answer instead. */
  readonly answerKindRunnerUpScore: number;
};

export const DEFAULT_ANSWER_OPTIONS: AnswerOptions = {
  top: 3,
  offset: 0,
  candidatePool: 60,
  fieldBoost: { title: 0.3, text: 1 },
  minAnswerability: 0.45,
  minAnswerabilityForInstructions: Number.POSITIVE_INFINITY,
  minAnswerabilityAboutAsker: 0.7,
  abstainOnUnknownNames: true,
  abstainOnUnknownFocus: true,
  minSecondaryAnswerability: 0.35,
  minSecondaryScore: 0.4,
  duplicateSimilarity: 0.5,
  duplicateContainment: 0.65,
  relatedCount: 3,
  minRelatedAnswerability: 0.3,
  weights: { coverage: 0.5, sentence: 0.4, bm25: 0.2, proximity: 0.05 },
  contextCredit: 0.5,
  titleNameCredit: 1,
  pointingBackCredit: 1,
  focusWords: 12,
  focusExponent: 0.5,
  unknownEverydayWordFactor: 0.7,
  missingAnswerTypeFactor: 0.7,
  looseAnswerTypeFactor: 0.85,
  missingNameFactor: 0.6,
  unansweredQuestionFactor: 0.5,
  namedSourceFactor: 1.3,
  answerKindRequiredFor: ['money', 'quantity'],
  answerKindRunnerUpScore: 0.8,
};

export type SourceLabel = { readonly id: string; readonly title: string; readonly publisher?: string | undefined; readonly url?: string | undefined };

/** One answer: a verbatim passage, where it comes from, and who else reports the same. */
export type RankedPassage = {
  readonly passage: IndexedPassage;
  readonly source: SourceLabel;
  readonly score: number;
  /** The share of the question's informative words this passage (with its title) holds, 0–1. */
  readonly coverage: number;
  /** The best-matching sentence, as offsets into `passage.text`. */
  readonly highlight: Span;
  /** Passages of other articles that say the same thing, with where they stand in their article. */
  readonly alsoIn: readonly { readonly source: SourceLabel; readonly passageId: string; readonly paragraph: number; readonly paragraphEnd: number }[];
};

export type Answer = {
  readonly query: ParsedQuery;
  /** The answers, best first; empty means no good match. */
  readonly results: readonly RankedPassage[];
  /** When there is no answer: the nearest passages, offered as related reading only. */
  readonly related: readonly RankedPassage[];
  /** How many distinct answers exist beyond this page (for "More"). */
  readonly more: number;
};

const sourceOf = (p: IndexedPassage): SourceLabel => ({ id: p.articleId, title: p.title, publisher: p.publisher, url: p.url });

type TermSet = { has(term: string): boolean };

/** A sentence's opening that points back to what was just named: a pronoun, or "the" and a kind of thing ("the law", "the company"). */
const POINTS_BACK =
  /^(?:it|they|he|she|this|these|that|the (?:law|rule|act|bill|deal|agreement|company|firm|agency|program|programme|policy|plan|order|report|study|contract|filing|lawsuit|suit|complaint|audit|review|center|centre|site|facility|system|app|platform|service|team|unit|panel|committee|vendor|insurer|city|state|county|department|office))\b/i;

/** How well a set of terms holds one concept: the weight of its best alternative found (0 if none). */
function creditOf(concept: QueryConcept, terms: TermSet): number {
  let best = 0;
  for (const [term, weight] of concept.alternatives) if (weight > best && terms.has(term)) best = weight;
  return best;
}

/** How well one word of a sentence holds a concept. */
const wordCredit = (concept: QueryConcept, norm: string): number => creditOf(concept, { has: (t) => t === stemWord(norm) });

/** How much of the question a set of terms covers, 0–1; `contextual` gives the part credit a concept earns from around them. */
function coverageOf(concepts: readonly QueryConcept[], total: number, terms: TermSet, contextual?: (concept: QueryConcept) => number): number {
  if (total === 0) return 0;
  let matched = 0;
  for (const concept of concepts) {
    const credit = creditOf(concept, terms);
    matched += concept.weight * (contextual && credit < 1 ? Math.max(credit, contextual(concept)) : credit);
  }
  return matched / total;
}

/**
 * How closely the question's words stand together in a sentence: the weighted share of neighbouring
 * question concepts found within three content words of each other ("other Chinese apps").
 */
function proximityOf(concepts: readonly QueryConcept[], positions: ReadonlyMap<string, readonly number[]>): number {
  const at = (concept: QueryConcept): number[] => [...concept.alternatives.keys()].flatMap((t) => positions.get(t) ?? []);
  let pairs = 0;
  let near = 0;
  for (let i = 0; i + 1 < concepts.length; i++) {
    const a = concepts[i] as QueryConcept;
    const b = concepts[i + 1] as QueryConcept;
    const weight = Math.min(a.weight, b.weight);
    pairs += weight;
    const pa = at(a);
    const pb = at(b);
    if (pa.some((x) => pb.some((y) => x !== y && Math.abs(x - y) <= 3))) near += weight;
  }
  return pairs === 0 ? 0 : near / pairs;
}

// Evidence that a sentence holds the kind of answer a question word asks for.
const ANSWER_TYPE_EVIDENCE: Record<Exclude<AnswerType, 'any'>, RegExp> = {
  place: /\b(?:in|at|near|inside|within|across|located|based)\s+(?:the\s+)?(?:US\s+state\s+of\s+)?\p{Lu}\p{L}+/u,
  time: /\b(?:1[89]\d\d|20\d\d)\b|\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\b(?:last|next|this)\s+(?:year|month|week)\b|\b(?:ago|yesterday|today|recently|earlier)\b/u,
  // "known as “USDS”", "called…", a name of three capitalized words ("Protecting Americans’ Sensitive Data…").
  name: /\b(?:known as|called|named|dubbed|titled)\b|“[^”]{2,60}”|"[^"]{2,60}"|\(\p{Lu}{2,}\)|(?:\p{Lu}[\p{L}’'-]+\s+){2,}\p{Lu}[\p{L}’'-]+/u,
  quantity: /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|(?:twen|thir|for|fif|six|seven|eigh|nine)ty|dozens?|hundreds?|thousands?|millions?|billions?|trillions?)\b/iu,
  measure: /(?:\d[\d,.]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|a|an|half a))(?:-|\s)?(?:k?m|kilomet(?:re|er)s?|met(?:re|er)s?|centimet(?:re|er)s?|mm|miles?|feet|foot|ft|inch(?:es)?|yards?|acres?|hectares?|tonnes?|tons?|kg|kilograms?|lbs?|years?|months?|weeks?|days?|hours?|minutes?|storeys?|floors?)\b/iu,
  // A sum: a currency's sign or name; "4.2 million" alone only with no noun after it ("2.6 million residents" counts people).
  // …or a number a cost or price is given as, whatever the currency ("at a cost of 40 million marens").
  money: /[$£€¥]\s?\d|\d[\d,.]*\s?(?:million|billion|trillion|bn|m)\b(?!\s*[—–:-]?\s*\p{L})|\b(?:dollars?|pounds?|euros?|yuan|crowns?|francs?|rupees?|yen)\b|\b(?:costs?|costing|priced?|worth|valued|fined?|paid|pays?|budget)\s+(?:(?:at|of|to|for)\s+)?(?:(?:about|around|roughly|some|nearly|almost|over|more than|less than|up to)\s+)?\d/iu,
  person: /\b\p{Lu}\p{Ll}+\s+(?:\p{Lu}\.\s+)?\p{Lu}\p{Ll}+\b|\bby\s+(?:the\s+)?\p{Lu}|\b(?:spokes(?:person|man|woman)|officer|secretary|president|chief|executive|official|mayor|councillor|minister|senator|governor|chair(?:man|woman)?|director|founder|ceo|engineer|expert|employee|worker|lawmaker|regulator|analyst|researcher|investigator)s?\b|\b(?:personnel|staff)\b/u,
  definition: /\bknown as\b|\bstands? for\b|\bshort for\b|\bcalled\b|\brefers? to\b|\(\p{Lu}{2,}\)|\b(?:is|are|was) (?:a|an|the|one of)\b|\p{Lu}[\p{L}.]+,\s+(?:a|an|the)\s/u,
  statement: /\b(?:said|says|told|stated|statement|spokes(?:person|man|woman)|declined to (?:comment|respond)|did not (?:respond|reply|comment|return)|(?:no|without) comment|(?:declined|refused) to (?:say|discuss|elaborate))\b/iu,
  reason: /\b(?:because|due to|over (?:concerns|fears)|on (?:the )?grounds|in order to|so that|in a bid to|(?:meant|intended|designed|aimed) (?:to|at)|to (?:address|ensure|protect|alleviate|ease|persuade|improve|avoid|prevent)|fears?|concerns?)\b/iu,
};

/** Evidence of the unit of time a question names ("what day of the week" → a weekday). */
const TIME_UNIT_EVIDENCE: Record<TimeUnit, RegExp> = {
  weekday: /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tomorrow)\b/u,
  month: /\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/u,
  year: /\b(?:1[89]\d\d|20\d\d)\b|\b(?:last|next|this) year\b/u,
};

/** Years and days of the month: numbers, but no answer to "how many". */
const DATE_NUMBER = new RegExp(`\\b(?:${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}|(?:1[89]|20)\\d\\d)\\b`, 'giu');

/** Times of day and time marks ("7:05 p.m.", "0:47"): numbers, but no answer to "how many" either. */
const CLOCK_TIME = /\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?/giu;

/** Sentences that say when only vaguely, by a condition ("whenever the river falls"), or that it is not known. */
const VAGUE_TIME = /\b(?:eventually|soon|later|shortly|whenever|until)\b|\bas soon as\b|\bnot (?:specified|said|clear|known|disclosed) when\b|\bno (?:timeline|timeframe|time frame|date)\b/iu;

const NUMBER_WORD = /^(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|billions|dozens?)$/;

/** Whether a sentence puts a number just before the thing counted ("roughly 1,850 employees"). */
function countsThing(sentence: string, counted: QueryConcept): boolean {
  const words = splitWords(sentence);
  return words.some((w, i) => NUMBER_WORD.test(w.norm) && words.slice(i + 1, i + 5).some((next) => wordCredit(counted, next.norm) > 0));
}

/**
 * Who does the question's verb in a sentence, for "who owns TikTok": `named` ("owned by ByteDance",
 * "ByteDance owns"), `pronoun` ("It owns…", the doer named in some other sentence), else `none`.
 */
function agentIn(sentence: string, verb: QueryConcept): 'named' | 'pronoun' | 'none' {
  const words = splitWords(sentence);
  let found: 'pronoun' | 'none' = 'none';
  for (const [i, w] of words.entries()) {
    if (wordCredit(verb, w.norm) < 1) continue;
    if (words[i + 1]?.norm === 'by') return 'named';
    const before = words[i - 1];
    if (before === undefined) continue;
    if (PERSONAL_PRONOUN.test(before.norm)) found = 'pronoun';
    else if (/^\p{Lu}/u.test(sentence.slice(before.start, before.end)) && !DETERMINER.test(before.norm)) return 'named';
  }
  return found;
}
const PERSONAL_PRONOUN = /^(?:it|he|she|they|we|i|you)$/;
const DETERMINER = /^(?:this|that|these|those|the|a|an)$/;

/** Whether a sentence holds the kind of answer asked for at all: a count for "how many" (not a year or a time of day), a sum for "how much money"… */
export function holdsAnswerKind(answerType: AnswerType, sentence: string): boolean {
  if (answerType === 'any') return true;
  const evidence = answerType === 'quantity' ? sentence.replace(DATE_NUMBER, ' ').replace(CLOCK_TIME, ' ') : sentence;
  return ANSWER_TYPE_EVIDENCE[answerType].test(evidence);
}

/** How well a sentence holds the kind of answer asked for: 1 fully, `partial` when only loosely, else `missing`. */
function answerTypeFactor(query: ParsedQuery, sentence: string, options: AnswerOptions): number {
  if (query.answerType === 'any') return 1;
  if (!holdsAnswerKind(query.answerType, sentence)) {
    // "It was not specified when", "eventually": an answer to "when", if a looser one than a date.
    return query.answerType === 'time' && VAGUE_TIME.test(sentence) ? options.looseAnswerTypeFactor : options.missingAnswerTypeFactor;
  }
  if (query.answerType === 'quantity' && query.counted && !countsThing(sentence, query.counted)) return options.looseAnswerTypeFactor;
  // "What day of the week…" is answered by "Friday"; a year is a date, if a looser one.
  if (query.timeUnit && !TIME_UNIT_EVIDENCE[query.timeUnit].test(sentence)) return options.looseAnswerTypeFactor;
  if (query.answerType === 'person' && query.agentVerb) {
    const agent = agentIn(sentence, query.agentVerb);
    // "It owns the news aggregator" names no owner at all; a sentence without the verb's doer, loosely.
    if (agent !== 'named') return agent === 'pronoun' ? options.missingAnswerTypeFactor : options.looseAnswerTypeFactor;
  }
  return 1;
}

/** Whether a sentence's terms hold every word the question is about ("the name of the *act*"): a name given for something else is no answer. */
const holdsFocus = (query: ParsedQuery, terms: ReadonlyMap<string, readonly number[]>): boolean =>
  query.focus.every((c) => [...c.alternatives].some(([t, weight]) => weight >= MATCH_WEIGHTS.spelling && terms.has(t))) &&
  (!query.namedThing || [...query.namedThing].some((t) => terms.has(t)));

/** Weighted overlap (0–1) of two term sets, rare terms counting most: how much two passages say the same. */
function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>, weightOf: (term: string) => number): number {
  let shared = 0;
  let union = 0;
  for (const term of a) {
    const w = weightOf(term);
    union += w;
    if (b.has(term)) shared += w;
  }
  for (const term of b) if (!a.has(term)) union += weightOf(term);
  return union === 0 ? 0 : shared / union;
}

/** How much of the smaller of two sentences the other holds (0–1); sentences of fewer than five terms never count. */
function containment(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size < 5) return 0;
  let shared = 0;
  for (const term of small) if (large.has(term)) shared++;
  return shared / small.size;
}

/** `typed`: for a question asking a name, whether the passage's best sentence gives one for the thing asked about. */
type Scored = { passage: IndexedPassage; score: number; coverage: number; highlight: Span; highlightTerms: ReadonlySet<string>; typed: boolean };

/** The share of the question's informative words a passage and its title hold, words weighted by everyday rarity. */
function answerabilityOf(
  concepts: readonly QueryConcept[],
  passage: IndexedPassage,
  previous: IndexedPassage | undefined,
  contextCredit: number,
  names: ReadonlySet<QueryConcept>,
  unknownEverydayWordFactor: number,
): number {
  let total = 0;
  let held = 0;
  for (const concept of concepts) {
    // An everyday word the corpus never uses ("crew", "techies") is most often the asker's own
    // wording for what the articles say otherwise: weaker evidence that they do not answer than an
    // unknown name.
    const rarity = !concept.known && isCommonWord(concept.word) ? concept.rarity * unknownEverydayWordFactor : concept.rarity;
    total += rarity;
    const fromContext = previous && names.has(concept) ? contextCredit * creditOf(concept, previous.terms) : 0;
    held += rarity * Math.max(creditOf(concept, passage.terms), creditOf(concept, passage.titleTerms), fromContext);
  }
  return total === 0 ? 0 : held / total;
}

const isQuestion = (passage: IndexedPassage, span: Span): boolean => QUESTION_END.test(passage.text.slice(span.start, span.end));
/** Whether a passage ends with a question. */
const endsAsking = (passage: IndexedPassage): boolean => {
  const last = passage.sentences.at(-1);
  return last !== undefined && isQuestion(passage, last);
};

/** A sentence that tells its reader what to do: "Submit a complaint…", "Call the helpline…", "you can ask for…". */
const INSTRUCTION =
  /^(?:submit|call|go|visit|open|tap|click|select|choose|ask|email|e-mail|write|contact|send|file|use|check|review|turn|switch|make|keep|delete|download|update|change|set|read|follow|include|request|fill|enter|sign|report|look|find|try|avoid|don['’]t|do not|be sure|remember)\b|\byou (?:can|could|may|should|must|will need|'ll need|’ll need|need to|have to)\b/i;
/** Whether a passage instructs its reader in its own voice (a quoted speaker's "you can…" does not). */
const instructsReader = (passage: IndexedPassage): boolean =>
  passage.sentences.some((span) => {
    const sentence = passage.text.slice(span.start, span.end);
    return !/^["“'‘]/.test(sentence) && INSTRUCTION.test(sentence);
  });

/** Whether any passage of an article (or its title) holds one of these terms. */
const articleSpeaksOf = (index: PassageIndex, articleId: string, terms: ReadonlySet<string>): boolean =>
  index.passagesOf(articleId).some((p) => [...terms].some((t) => p.terms.has(t) || p.titleTerms.has(t)));

/**
 * Whether a word is two everyday words run together, one of them the corpus's ("userbase"): chat
 * writes compounds that way, and such a word is no name the corpus lacks.
 */
function isRunTogether(word: string, index: PassageIndex): boolean {
  for (let cut = 3; cut <= word.length - 3; cut++) {
    const [head, tail] = [word.slice(0, cut), word.slice(cut)];
    if (isCommonWord(head) && isCommonWord(tail) && (index.passagesWithTerm(stemWord(head)) > 0 || index.passagesWithTerm(stemWord(tail)) > 0)) return true;
  }
  return false;
}

/**
 * Answers a question from the index: BM25 candidates from MiniSearch, re-ranked by how much of the
 * question each passage and its best sentence cover, near-duplicates across articles folded into
 * one result, and no answer at all when the best passage does not cover enough of the question.
 */
export function answerQuestion(index: PassageIndex, question: string, overrides: Partial<AnswerOptions> = {}): Answer {
  const options = { ...DEFAULT_ANSWER_OPTIONS, ...overrides };
  const query = parseQuery(question, index);
  const empty: Answer = { query, results: [], related: [], more: 0 };
  const total = query.concepts.reduce((sum, c) => sum + c.weight, 0);
  if (total === 0 || !query.concepts.some((c) => c.known)) return empty;

  const weightedTerms = new Map<string, number>();
  for (const concept of query.concepts) {
    for (const [term, weight] of concept.alternatives) {
      if (index.passagesWithTerm(term) === 0) continue;
      weightedTerms.set(term, Math.max(weightedTerms.get(term) ?? 0, weight));
    }
  }
  let candidates = index.candidates(weightedTerms, options.fieldBoost);
  if (options.articleId) candidates = candidates.filter((c) => index.passage(c.id)?.articleId === options.articleId);
  candidates = candidates.slice(0, options.candidatePool);
  // A passage that ends asking (an analyst's question on a call) brings the passage that answers it,
  // which may share few of its words and rank far below in BM25.
  const pooled = new Set(candidates.map((c) => c.id));
  for (const candidate of [...candidates]) {
    const passage = index.passage(candidate.id);
    const next = passage && endsAsking(passage) ? index.passagesOf(passage.articleId)[passage.ordinal] : undefined;
    if (next && !pooled.has(next.id)) {
      pooled.add(next.id);
      candidates.push({ id: next.id, score: candidate.score });
    }
  }
  const topBm25 = candidates[0]?.score ?? 0;

  // The names the question uses that the corpus knows (TikTok, Oracle): a story that names none of them is about something else.
  const nameConcepts = new Set(query.concepts.filter((c) => c.known && index.isName(c.word)));
  const named = [...nameConcepts].map((c) => new Set(c.alternatives.keys()));
  const namesAny = new Map<string, boolean>();
  const articleNamesAny = (articleId: string): boolean => {
    let value = namesAny.get(articleId);
    if (value === undefined) namesAny.set(articleId, (value = named.length === 0 || named.some((terms) => articleSpeaksOf(index, articleId, terms))));
    return value;
  };

  // Names that tell one story from the rest: in the titles of one or two articles ("Veldsprenge"), not of many ("TikTok").
  const titles = nameConcepts.size === 0 ? [] : index.articles().map((a) => index.passagesOf(a.id)[0]?.titleTerms).filter((terms) => terms !== undefined);
  const titleNames = new Set([...nameConcepts].filter((c) => titles.filter((terms) => creditOf(c, terms) > 0).length <= 2));
  // The document the question names: its passages are preferred, when it tells some articles from the rest.
  const source = query.source;
  const fitting = source ? new Set(index.articles().filter((a) => articleFitsSource(a, source)).map((a) => a.id)) : new Set<string>();
  const sourceFactor = (articleId: string) => (fitting.size > 0 && fitting.size < index.articleCount && fitting.has(articleId) ? options.namedSourceFactor : 1);
  const scored: Scored[] = [];
  for (const candidate of candidates) {
    const passage = index.passage(candidate.id);
    if (!passage) continue;
    const previous = index.passagesOf(passage.articleId)[passage.ordinal - 2];
    const contextual = (concept: QueryConcept) => {
      // A name in the article's title is what the whole article is about: its passages speak of it, named or not.
      const titleShare = titleNames.has(concept) ? options.titleNameCredit : options.contextCredit;
      return Math.max(titleShare * creditOf(concept, passage.titleTerms), previous ? options.contextCredit * creditOf(concept, previous.terms) : 0);
    };
    // A passage after a question left open (an analyst's, an interviewer's) answers it: its best
    // sentence, too, speaks of what the question asked.
    const fromQuestion = previous && endsAsking(previous) ? (concept: QueryConcept) => options.contextCredit * creditOf(concept, previous.terms) : undefined;
    const coverage = coverageOf(query.concepts, total, passage.terms, contextual);
    // The answering sentence holds most of the question and the kind of answer it asks for ("who": a name).
    let bestSentence = 0;
    let bestIndex = 0;
    let typeFactor: number | undefined;
    let bestValue = 0;
    passage.sentenceTerms.forEach((terms, i) => {
      // A sentence that opens by pointing back ("The law takes effect July 1", "It was opened by the
      // mayor") speaks of the names the sentence or passage before it gave.
      const span = passage.sentences[i];
      const before = i > 0 ? passage.sentenceTerms[i - 1] : previous?.terms;
      const pointsBack = before !== undefined && span !== undefined && POINTS_BACK.test(passage.text.slice(span.start, span.end).trimStart());
      const fromBefore = pointsBack
        ? (concept: QueryConcept) => Math.max(fromQuestion?.(concept) ?? 0, nameConcepts.has(concept) ? options.pointingBackCredit * creditOf(concept, before) : 0)
        : fromQuestion;
      // A short sentence that holds the question says it; a long one that holds the same words may only
      // pass by them ("…flooded hundreds of homes" in a lede, against "The defences protect 812 homes").
      const length = [...terms.values()].reduce((n, at) => n + at.length, 0);
      const focus = Math.pow(Math.min(1, options.focusWords / Math.max(1, length)), options.focusExponent);
      const sentenceCoverage = coverageOf(query.concepts, total, terms, fromBefore) * focus;
      // A question the passage goes on to answer (an FAQ's, an interviewer's): the kind of answer is looked for in the reply.
      const reply = span && isQuestion(passage, span) ? passage.sentences[i + 1] : undefined;
      const factor = span ? answerTypeFactor(query, passage.text.slice(span.start, (reply && !isQuestion(passage, reply) ? reply : span).end), options) : 1;
      if (sentenceCoverage * factor > bestValue + 1e-9) {
        bestValue = sentenceCoverage * factor;
        bestSentence = sentenceCoverage;
        bestIndex = i;
        typeFactor = factor;
      }
    });
    const highlight = passage.sentences[bestIndex] ?? { start: 0, end: passage.text.length };
    const highlightTerms = passage.sentenceTerms[bestIndex] ?? new Map<string, number[]>();
    // No sentence holds any of the question: the first one stands for the passage.
    typeFactor ??= answerTypeFactor(query, passage.text.slice(highlight.start, highlight.end), options);
    const w = options.weights;
    const mixed = w.coverage * coverage + w.sentence * bestSentence + w.bm25 * (topBm25 > 0 ? candidate.score / topBm25 : 0) + w.proximity * proximityOf(query.concepts, highlightTerms);
    const asksUnanswered = passage.sentences.slice(bestIndex).every((span) => isQuestion(passage, span));
    const score = mixed * typeFactor * (articleNamesAny(passage.articleId) ? 1 : options.missingNameFactor) * (asksUnanswered ? options.unansweredQuestionFactor : 1) * sourceFactor(passage.articleId);
    scored.push({ passage, score: Math.round(score * 1e6) / 1e6, coverage: answerabilityOf(query.concepts, passage, previous, options.contextCredit, nameConcepts, options.unknownEverydayWordFactor), highlight, highlightTerms: new Set(highlightTerms.keys()), typed: query.answerType === 'name' && typeFactor === 1 && holdsFocus(query, highlightTerms) });
  }
  // Deterministic: score, then passage order in the corpus.
  scored.sort((a, b) => b.score - a.score || a.passage.articleId.localeCompare(b.passage.articleId) || a.passage.ordinal - b.passage.ordinal);

  const barFor = (s: Scored): number =>
    query.asksForInstructions
      ? Math.min(options.minAnswerabilityForInstructions, query.asksHowTo && instructsReader(s.passage) ? options.minAnswerabilityAboutAsker : Number.POSITIVE_INFINITY)
      : query.asksAboutAsker
        ? options.minAnswerabilityAboutAsker
        : options.minAnswerability;
  // A name or term the corpus never mentions (CEO, Microsoft): whatever else matches, it is not about that.
  const asksAboutUnknownName = options.abstainOnUnknownNames && query.concepts.some((c) => !c.known && looksLikeName(c.word) && !isRunTogether(c.word, index) && !index.namesSource(c.word));
  // "How much did Oracle pay", "who is in charge of USDS": articles that never mention paying or being in charge do not say.
  const asksAboutUnknownFocus = options.abstainOnUnknownFocus && query.unknownFocus.length > 0;
  // The answer is the best-scored passage that holds enough of the question; one that scores well
  // on a few weak matches but holds too little of it is no answer, wherever it ranks.
  // A name asked for ("the name of the act") must be given: a passage that only speaks of the thing does not answer.
  const answersQuestion = (s: Scored) => s.coverage >= barFor(s) && (query.answerType !== 'name' || s.typed);
  const candidate = asksAboutUnknownName || asksAboutUnknownFocus ? undefined : scored.find(answersQuestion);
  // "How much does TikTok pay Oracle a year", "how many petabytes": a passage with no sum or count
  // anywhere does not answer, however much of the question it holds. A close runner-up that has
  // one does; else there is no answer.
  const holdsKind = (s: Scored) =>
    !options.answerKindRequiredFor.includes(query.answerType) || s.passage.sentences.some((span) => holdsAnswerKind(query.answerType, s.passage.text.slice(span.start, span.end)));
  const first =
    !candidate || holdsKind(candidate) ? candidate : scored.find((s) => s !== candidate && answersQuestion(s) && holdsKind(s) && s.score >= candidate.score * options.answerKindRunnerUpScore);
  // What the question asks about must be something the answering article speaks of: in a grown
  // corpus another article's "employees" make the word known, but no answer of this article's.
  const speaksOfFocus = (s: Scored) => !options.abstainOnUnknownFocus || query.articleFocus.every((terms) => articleSpeaksOf(index, s.passage.articleId, terms));
  const best = first && speaksOfFocus(first) ? first : undefined;
  if (!best) {
    const related = scored.filter((s) => s.coverage >= options.minRelatedAnswerability);
    return { ...empty, related: fold(related, index, options).slice(0, options.relatedCount) };
  }
  // Further answers come after the best one, hold a fair share of the question and score near it.
  const after = scored.slice(scored.indexOf(best) + 1);
  const answers = [best, ...after.filter((s) => s.coverage >= options.minSecondaryAnswerability && s.score >= best.score * options.minSecondaryScore)];
  const folded = fold(answers, index, options);
  return {
    query,
    results: folded.slice(options.offset, options.offset + options.top),
    related: [],
    more: Math.max(0, folded.length - options.offset - options.top),
  };
}

/** Folds passages that say the same thing into the best-scored one, listing the others as "also reported by". */
function fold(scored: readonly Scored[], index: PassageIndex, options: AnswerOptions): RankedPassage[] {
  const n = Math.max(index.passageCount, 1);
  const weightOf = (term: string) => inverseDocumentFrequency(index.passagesWithTerm(term), n);
  const results: (RankedPassage & { highlightTerms: ReadonlySet<string>; alsoIn: RankedPassage['alsoIn'][number][] })[] = [];
  for (const s of scored) {
    // Same wording (plain overlap) or the same rare facts (overlap weighted by rarity), in the whole
    // passage or in the sentences that answer.
    const same = (a: ReadonlySet<string>, b: ReadonlySet<string>) =>
      similarity(a, b, weightOf) >= options.duplicateSimilarity || similarity(a, b, () => 1) >= options.duplicateSimilarity;
    // A reply that echoes the question just before it ("…what happens to Stratacairn?" / "If Oracle
    // ever decided…") says something else: the answer.
    const repliesTo = (r: (typeof results)[number]) => r.passage.articleId === s.passage.articleId && Math.abs(r.passage.ordinal - s.passage.ordinal) === 1 && endsAsking(r.passage.ordinal < s.passage.ordinal ? r.passage : s.passage);
    const duplicateOf = results.find(
      (r) => !repliesTo(r) && (same(r.passage.terms, s.passage.terms) || same(r.highlightTerms, s.highlightTerms) || containment(r.highlightTerms, s.highlightTerms) >= options.duplicateContainment),
    );
    if (duplicateOf) {
      const sameArticle = duplicateOf.passage.articleId === s.passage.articleId || duplicateOf.alsoIn.some((a) => a.source.id === s.passage.articleId);
      if (!sameArticle) duplicateOf.alsoIn.push({ source: sourceOf(s.passage), passageId: s.passage.id, paragraph: s.passage.paragraph, paragraphEnd: s.passage.paragraphEnd });
      continue;
    }
    results.push({ passage: s.passage, source: sourceOf(s.passage), score: s.score, coverage: s.coverage, highlight: s.highlight, highlightTerms: s.highlightTerms, alsoIn: [] });
  }
  return results.map(({ highlightTerms: _unused, ...rest }) => rest);
}
