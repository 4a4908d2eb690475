import type { Article } from './article.ts';
import { everydayRarity } from './background.ts';

/**
 * Which of several documents a member means when they say so: "per the press release", "according
 * to the academic paper", "in tamsyn's notes, …", "whats the state memo say about …". When sources
 * disagree (a release says 12 insurers, a paper 14) the question is about one of them. The phrase
 * names a kind of document and perhaps whose it is; it is not what is asked about, so its words are
 * not searched in passages. Instead the articles that are such a document are preferred.
 */
export type SourceHint = {
  /** Where the phrase is in the question, to leave its words out of the search. */
  readonly start: number;
  readonly end: number;
  /** The kind of document named ("paper", "release", "notes"). */
  readonly kind: string;
  /** The words before the kind that say whose or which it is ("sorrelby collective", "state", "tv"), lower case. */
  readonly qualifiers: readonly string[];
};

/** What shows research (an abstract, "we estimate", "et al."), a wire release, a transcript's time stamps, a slide deck. */
const RESEARCH = String.raw`\babstract\b|\bpreprint\b|\bet al\.|\bwe (?:study|estimate|model|find|build)\b|\bjournal\b`;
const WIRE_RELEASE = String.raw`\bnews provided by\b|\bpress release\b|\bfor immediate release\b|\/[A-Z][\w ]*wire\/|\bmedia contacts?\b`;
const TIME_STAMP = String.raw`\[\d{1,2}:\d{2}(?::\d{2})?\]`;
const SLIDES = /\bslide \d+\b|\bagenda\b|\bspeaker notes\b|^notes:/im;
const cue = (...parts: string[]) => new RegExp(parts.join('|'), 'i');

/** Kinds of document, and what in an article's opening shows it is one. */
const KIND_CUES: Readonly<Record<string, RegExp>> = {
  paper: cue(RESEARCH, String.raw`\bworking paper\b`),
  study: cue(RESEARCH, String.raw`\bsurvey\b|\bstudy\b`),
  researchers: cue(RESEARCH, String.raw`\bresearchers?\b`),
  release: cue(WIRE_RELEASE, String.raw`\binvestor relations\b`),
  memo: /\bmemorandum\b|\bmemo\b|^\s*(?:TO|FROM|RE|SUBJECT)\s*:/im,
  briefing: /\bmemorandum\b|\bmemo\b|\bbriefing\b/i,
  filing: /\bsecurities and exchange commission\b|\bform \d+-?[a-z]\b|\bitem \d\.\d\d\b|\bregistrant\b|\bfiling\b/i,
  podcast: cue(String.raw`\bpodcast\b|\bepisode\b|\btranscript\b`, TIME_STAMP),
  episode: cue(String.raw`\bpodcast\b|\bepisode\b`, TIME_STAMP),
  transcript: new RegExp(String.raw`\btranscript\b|${TIME_STAMP}|^\s*[A-Z][A-Z .'-]+:`, 'm'),
  newsletter: /\bnewsletter\b|\bissue #?\d+\b|\bunsubscribe\b|\bsubscribers?\b|\bin your inbox\b/i,
  notes: /\bnotes?\b|\bmeetup\b|\btodo\b/i,
  hearing: /\bhearing\b|\btestimony\b|\bwitness\b|\bsubcommittee\b/i,
  complaint: /\bcomplaint\b|\bplaintiffs?\b|\bdefendants?\b|\bcourt\b/i,
  letter: /\bdear\b|\bsincerely\b|\bletter\b/i,
  column: /\bcolumn\b|\bcolumnist\b|\bmailbag\b|\bdear\b|\breaders?\b/i,
  mailbag: /\bmailbag\b|\breaders?\b|\bcolumn\b/i,
  faq: /\bfaq\b|\bfrequently asked\b|\bhelp cent(?:er|re)\b/i,
  minutes: /\bminutes\b|\bmotion\b|\bseconded\b|\broll call\b/i,
  manual: /\bmanual\b|\bwarranty\b|\btroubleshooting\b|\bmodel\b/i,
  thread: /\bcommented\b|\breplies\b|\bthread\b|\bopened this issue\b/i,
  forum: /\banswered\b|\bvotes?\b|\baccepted\b|\bforum\b|\bquestion\b/i,
  report: /\breport\b/i,
  story: /\bnews\b|\bstation\b|\breporter\b/i,
  segment: /\bnews\b|\bstation\b|\banchor\b|\bvideo\b|\bsegment\b|\bbroadcast\b/i,
  video: /\bvideo\b|\bwatch\b|\bclip\b/i,
  email: /\bunsubscribe\b|\bview (?:this|it) in your browser\b|\byou(?:'re|’re| are) receiving this\b|^(?:from|to|subject):/im,
  deck: SLIDES,
  slides: SLIDES,
};
const KINDS = Object.keys(KIND_CUES).join('|');
/** Qualifiers that say which medium, not whose: matched as a kind of their own ("tv report" → a broadcast's story). */
const MEDIUM_CUES: Readonly<Record<string, RegExp>> = {
  tv: /\b(?:tv|television|station|newscast|broadcast|anchor|channel)\b/i,
  press: cue(WIRE_RELEASE),
  academic: cue(RESEARCH, String.raw`\buniversity\b`),
  sec: /\bsecurities and exchange commission\b|\bform \d+-?[a-z]\b/i,
};
const QUALIFIER = String.raw`(?:[\p{L}\p{N}][\p{L}\p{N}.&'’-]*\s+){0,3}?`;
const OWNER = String.raw`(?:the|that|this|a|an|his|her|their|its|[\p{L}][\p{L}.'’-]*['’]s)`;
/** "per the sorrelby collective notes", "according to the academic paper", "in tamsyn's notes,". */
const CITED = new RegExp(String.raw`\b(?:per|according to|acc?ording to|accordin to|(?:in|from|on)(?=\s+${OWNER}\s+${QUALIFIER}(?:${KINDS})\b\s*(?:[,?.!]|$)))\s+(${OWNER})\s+(${QUALIFIER})(${KINDS})\b`, 'iu');
/** A second kind word right after the first: "the state briefing memo". */
const NEXT_KIND = new RegExp(String.raw`^\s+(${KINDS})\b`, 'iu');
/** "whats the state memo say about", "the newsletter said". */
const SAYING = new RegExp(String.raw`\bthe\s+(${QUALIFIER})(${KINDS})\s+(?:say|says|said|mention|mentions|mentioned|claim|claims|claimed)\b`, 'iu');
/** "the podcast guest", "the guy on the podcast": a document's speaker. */
const SPEAKER = new RegExp(String.raw`\b(?:the\s+(${QUALIFIER})(podcast|episode|hearing|segment|video)\s+(?:guest|host|witness|anchor)|(?:guy|woman|man|lady|person|guest|host)\s+(?:on|in)\s+the\s+(${QUALIFIER})(podcast|episode|hearing|segment|video|newsletter|thread|forum))\b`, 'iu');

/** The source a question names, if it names one by kind. */
export function sourceHintIn(question: string): SourceHint | undefined {
  for (const pattern of [CITED, SAYING, SPEAKER]) {
    const match = pattern.exec(question);
    if (!match) continue;
    const groups = match.slice(1).filter((g) => g !== undefined);
    const kind = (groups.at(-1) ?? '').toLowerCase();
    // Whose it is: "tamsyn's notes", "the sorrelby collective notes".
    const owner = pattern === CITED && /['’]s$/.test(groups[0] ?? '') ? [(groups[0] ?? '').replace(/['’]s$/, '')] : [];
    const qualifiers = [...owner, ...(groups.at(-2) ?? '').split(/\s+/)].map((q) => q.toLowerCase()).filter(Boolean);
    // "the transparency report", "a crash report": with "in", a report is what is asked about, not who says so.
    if (kind === 'report' && pattern === CITED && /^(?:in|from|on)\b/i.test(match[0])) continue;
    // "the state briefing memo": the last kind word is the document; the ones before qualify it.
    const more = NEXT_KIND.exec(question.slice(match.index + match[0].length));
    if (more && pattern !== SPEAKER) return { start: match.index, end: match.index + match[0].length + more[0].length, kind: (more[1] ?? '').toLowerCase(), qualifiers: [...qualifiers, kind] };
    return { start: match.index, end: match.index + match[0].length, kind, qualifiers };
  }
  return undefined;
}

const OPENING_CHARS = 3000;
/** Rarity in everyday English from which a qualifier is taken for a name. */
const NAME_RARITY = 0.9;

/**
 * Whether an article is the document a hint names: its opening (title, publisher, link, first
 * paragraphs) shows the kind or the medium, or names whose it is ("sorrelby collective").
 */
export function articleFitsSource(article: Pick<Article, 'title' | 'body'> & { publisher?: string | undefined; url?: string | undefined }, hint: SourceHint): boolean {
  const opening = [article.title, article.publisher ?? '', article.url ?? '', article.body.slice(0, OPENING_CHARS)].join('\n');
  const lower = opening.toLowerCase();
  const cue = KIND_CUES[hint.kind];
  const mediums = hint.qualifiers.filter((q) => MEDIUM_CUES[q] !== undefined);
  // A name says whose it is ("ravensmere", "sorrelby"); an everyday word ("state", "local") does not tell one source from another.
  const owners = hint.qualifiers.filter((q) => MEDIUM_CUES[q] === undefined && q.length >= 4 && everydayRarity(q) >= NAME_RARITY);
  const kindFits = (cue?.test(opening) ?? false) && mediums.every((m) => MEDIUM_CUES[m]?.test(opening));
  const ownerFits = owners.length > 0 && owners.some((o) => new RegExp(`\\b${o.replace(/[^\p{L}\p{N}]/gu, '.')}`, 'iu').test(lower));
  return kindFits || ownerFits;
}
