import matter from 'gray-matter';
import type { ArticleInput } from '../new-article.ts';
import { CHAT_STAMP, cleanBody, CONTACT_LINE, isSiteFurniture, MONTH, PRINT_HEADER, RELEASE_LINE, type CleanedBody, type DroppedLine } from '../clean.ts';
import { splitSentences } from '../sentences.ts';
import { mastheadName, titleAndBodyOfPlainText } from '../plain-text.ts';
import { normalizeDate } from './extract-article.ts';
import { markdownToPlainText } from './markdown.ts';

/** Metadata given explicitly (command options, a modal) wins over what the text itself says. */
export type MetadataOverrides = Partial<Pick<ArticleInput, 'title' | 'publisher' | 'url' | 'published'>>;

const defined = (overrides: MetadataOverrides): MetadataOverrides =>
  Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined && String(v).trim() !== '')) as MetadataOverrides;

/**
 * An article from plain text (a .txt upload, a pasted text): with no title given, the first line
 * is the title (or, when the text opens straight with a paragraph, its first sentence).
 */
export function articleInputFromPlainText(copied: string, overrides: MetadataOverrides = {}, fileTitle?: string): ArticleInput {
  const text = withoutPageTurns(withoutCaptionTiming(withoutLineNumbers(copied)));
  const header = headerOf(text);
  if (header) return articleInputFromPlainText(header.rest, { ...header.fields, ...defined(overrides) });
  const given = defined(overrides);
  const page: FoundInText | undefined = given.title ? undefined : (titleOfPrintedPage(text) ?? titleOfPrintView(text) ?? titleOfPleading(text) ?? titleOfPressRelease(text) ?? titleOfLetter(text) ?? titleOfReportCover(text) ?? titleOfAgencyNotice(text) ?? titleOfLegislation(text) ?? titleOfCopiedPage(text));
  const found = given.title ? { title: given.title, body: text.replace(/^\uFEFF/, '') } : page ?? titleAndBodyOfPlainText(text);
  // "Source: …" and "Date: …" lines may follow the title line instead of opening the text.
  const after = page || given.title ? undefined : headerOf(found.body);
  if (after && !after.fields.title) return articleInputFromPlainText(after.rest, { ...after.fields, ...given, title: found.title });
  // A transcript's letterhead and label in capitals, then "Subject: …" and "Date: …": the subject is
  // the title and the letterhead its issuer ("OFFICE OF THE ATTORNEY GENERAL" / "TRANSCRIPT OF PRESS CONFERENCE").
  const labelled = page || given.title || !isCapitals(found.title) ? undefined : headerOf(found.body.replace(/^(?:[^\n\p{Ll}]*\p{Lu}[^\n\p{Ll}]*\n)/u, ''));
  if (labelled?.fields.title) return articleInputFromPlainText(labelled.rest, { publisher: found.title, ...labelled.fields, ...given });
  // A transcript opens with a sound cue or the first speaker ("[ MUSIC ]", ">> GOOD EVENING…"), a chat
  // export with the app's notice: no heading. The group's name, or the file's own name, says more of
  // what it holds, and the first line stays in the body.
  const chat = page || given.title ? undefined : chatExportTitle(text);
  const headless = chat !== undefined || (!page && !given.title && (SOUND_CUE.test(found.title.trim()) || SPEAKER_CHANGE.test(found.title.trim())));
  const title = (headless && (chat || fileTitle)) || found.title;
  const body = title === found.title ? found.body : text.replace(/^\uFEFF/, '');
  // A copied page was cleaned already to find its headline: the same body, cleaned once.
  const cleaned = given.published && given.publisher ? undefined : (page?.cleaned ?? cleanBody(body));
  const published = given.published ?? page?.published ?? (cleaned && datelineOf(body, cleaned));
  const publisher = given.publisher ?? (cleaned && wireServiceOf(body, cleaned)) ?? page?.siteName ?? mastheadNameOf(text);
  const url = given.url ?? (page?.url || undefined);
  return { ...given, title, body, ...(published ? { published } : {}), ...(publisher ? { publisher } : {}), ...(url ? { url } : {}) };
}

const CHAT_LINE = new RegExp(`^${CHAT_STAMP}`, 'u');
const GROUP_NAMED = /\s(?:created group|changed the subject to)\s+[“"]([^”"]{2,120})[”"]/u;

/**
 * A group chat exported as text ("[28/02/2026, 20:14:09] Nadia: …" on most lines): its first line is
 * the app's notice, no title. The group's name, from its creation or first renaming, is the title;
 * "" when the export gives none. Undefined for any other text.
 */
function chatExportTitle(text: string): string | undefined {
  const lines = withUnixLines(text).split('\n').filter((line) => line.trim() !== '');
  const stamped = lines.filter((line) => CHAT_LINE.test(line)).length;
  if (lines.length < 5 || stamped < lines.length * 0.5) return undefined;
  for (const line of lines) {
    const named = GROUP_NAMED.exec(line);
    if (named?.[1]) return named[1].trim();
  }
  return '';
}

/** What a document's own form tells of it: title, issuer, perhaps a date; the body, cleaned once. */
type FoundInText = { title: string; body: string; siteName: string; cleaned: CleanedBody; published?: string; url?: string };

const MENU_REASONS = new Set(['navigation', 'interface', 'masthead']);

/** The site's name in a masthead row opening the text ("VERITYDESK | FACT CHECK" → "VERITYDESK"). */
function mastheadNameOf(text: string): string | undefined {
  const first = text.split('\n').find((line) => line.trim() !== '' && !isSiteFurniture(line));
  return first === undefined ? undefined : mastheadName(first);
}

/** A byline the cleaning dropped: "Posted on June 4, 2024 by …", "Published: …", or a credit "By Jane Doe". */
const isBylineLine = (body: string, line: DroppedLine): boolean =>
  line.reason === 'byline' || (line.reason === 'credit' && /^by\s/i.test(body.slice(line.start, line.end).trim()));

/**
 * Where the article's text starts, for finding what stands above it: its first paragraph, or the
 * second when the first is a short standfirst that a byline follows.
 */
function textStart(body: string, { blocks, dropped }: CleanedBody): number {
  const paragraphs = blocks.filter((b) => b.kind === 'paragraph');
  const [first, second] = paragraphs;
  if (!first) return body.length;
  // A standfirst is a sentence or three ("Members of a House panel demanded hard numbers… They got some figures.").
  const standfirst = second && first.end - first.start <= 400 && splitSentences(body.slice(first.start, first.end)).length <= 3 && dropped.some((line) => isBylineLine(body, line) && line.start > first.end && line.start < second.start);
  return standfirst ? second.start : first.start;
}

/**
 * A page copied whole often opens with the site's name and menu before the headline ("The Audit
 * Trail / Home / About / … / INTERVIEWS / <headline> / [standfirst] / Posted on June 4, 2024 by …").
 * Then the headline is the first of the (at most two) lines of text right above the byline, below the
 * last menu line or section label; the first line is the site's name (the publisher unless the text
 * credits another); and the whole text stays the body (cleaning drops the headline there as the
 * repeated title). Undefined when no menu line stands before the headline, so that "headline,
 * standfirst, byline" keeps its first line as the title, and when the first line is a headline
 * already (more than a name's few words).
 */
function titleOfCopiedPage(text: string): { title: string; body: string; siteName: string; cleaned: CleanedBody } | undefined {
  const body = withUnixLines(text);
  const cleaned = cleanBody(body);
  const start = textStart(body, cleaned);
  const byline = cleaned.dropped.find((line) => isBylineLine(body, line) && line.start < start);
  if (!byline) return undefined;
  // The lines of text right above the byline: a headline and perhaps its standfirst.
  const lines = body.slice(0, byline.start).split('\n');
  const lineStarts: number[] = [];
  lines.reduce((at, line) => (lineStarts.push(at), at + line.length + 1), 0);
  const droppedAt = new Map(cleaned.dropped.map((line) => [line.start, line.reason]));
  const blank = (i: number) => (lines[i] ?? '').trim() === '';
  // A blog platform's header puts buttons and more byline between them ("Follow", "Published in …").
  const control = (i: number) => ['interface', 'share-widget', 'byline'].includes(droppedAt.get(lineStarts[i] ?? -1) ?? '');
  let end = lines.length;
  while (end > 0 && (blank(end - 1) || control(end - 1))) end--;
  // Menus, breadcrumbs ("Politics › Tech Policy"), section labels in capitals and single words are no headline.
  const isLabel = (line: string) => isSiteFurniture(line) || line === line.toUpperCase() || line.split(/\s+/).length < 2 || /\s[›»>|·]\s/.test(line);
  // The writer's name alone on the line above the byline ("Tessa Leung") is part of it, not a headline.
  const bareName = (line: string) => /^\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+){1,2}$/u.test(line.trim());
  if (end > 0 && bareName(lines[end - 1] ?? '')) {
    end--;
    while (end > 0 && (blank(end - 1) || control(end - 1))) end--;
  }
  let top = end;
  while (top > 0 && end - top < 3 && !blank(top - 1) && !isLabel((lines[top - 1] ?? '').trim())) top--;
  // Headline and standfirst a blank line apart: the headline is the shorter line above.
  let apart = false;
  if (end - top === 1) {
    let above = top;
    while (above > 0 && blank(above - 1)) above--;
    const upper = (lines[above - 1] ?? '').trim();
    const overUpper = (lines[above - 2] ?? '').trim();
    // A headline in title case ("What an Oracle Engineer Told…") is told from a menu row or a tagline this way…
    const longWords = upper.split(/\s+/).filter((word) => /^\p{L}{4,}/u.test(word));
    const titleCase = longWords.length >= 2 && longWords.filter((word) => /^\p{Lu}/u.test(word)).length >= 0.8 * longWords.length && !/\S\s{2,}\S/.test(upper);
    // …or one above a standfirst written as sentences, which a headline is not ("…, and a few careful dodges.").
    const lower = (lines[top] ?? '').trim();
    const standfirstBelow = /[.!?]["”’]?$/.test(lower) && !/[.!?]["”’]?$/.test(upper) && !/\S\s{2,}\S/.test(upper);
    // …or one of a sentence's length over a longer standfirst without a full stop ("Judge orders TikTok to
    // hand over logs, tosses two claims" over "A federal judge kept the core of a class action alive…").
    const headlineLength = upper.split(/\s+/).length >= 6 && lower.length >= 1.2 * upper.length && !/[.!?]["”’]?$/.test(upper) && !/\S\s{2,}\S/.test(upper);
    if (above < top && upper !== '' && !isLabel(upper) && (titleCase || standfirstBelow || headlineLength) && upper.length < lower.length && (overUpper === '' || isLabel(overUpper))) {
      top = above - 1;
      apart = true;
    }
  }
  // Three lines of text and more above the byline are the article's, not a headline and standfirst.
  if (top === end || (end - top > 2 && !apart) || (top > 0 && (lines[top - 1] ?? '').trim() !== '' && !isLabel((lines[top - 1] ?? '').trim()))) return undefined;
  const headline = (lines[top] ?? '').trim();
  const headlineAt = lines.slice(0, top).join('\n').length + (top > 0 ? 1 : 0);
  const words = headline.split(/\s+/).length;
  const looksLikeHeadline = words >= 2 && headline.length <= 200 && headline !== headline.toUpperCase() && !/[:|·]$|\s[|·]\s/.test(headline);
  const menuBefore = cleaned.dropped.some((line) => MENU_REASONS.has(line.reason) && line.end <= headlineAt);
  // The first line is a site's name (a few words), not a headline of its own. "☰  THE CAPITOL LEDGER
  // Sign in": the name is its first run of words, without the icons around it ("THE REVIEW — CONVERSATIONS": without the section).
  const firstLine = body.split('\n').find((line) => line.trim() !== '' && !isSiteFurniture(line))?.trim() ?? '';
  const siteName = (firstLine.split(/\s+[|·—–]\s+|\s{2,}/).map((part) => part.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.)]+$/gu, '')).find((part) => part !== '') ?? firstLine).trim();
  const firstIsName = siteName.split(/\s+/).length <= 5;
  // A blog platform names the publication a post appeared in ("Published in Patch Notes Quarterly").
  const publication = cleaned.dropped
    .filter((line) => line.reason === 'byline' && line.start < start)
    .map((line) => /^published in\s+(.+)$/i.exec(body.slice(line.start, line.end).trim())?.[1])
    .find((name) => name !== undefined);
  return looksLikeHeadline && menuBefore && firstIsName && headline !== firstLine ? { title: headline, body, siteName: publication ?? siteName, cleaned } : undefined;
}

/**
 * A report copied out of a PDF opens with its cover, centred: the issuer in capitals, the title, and
 * perhaps a subtitle under it ("HALVERGATE & STROME ASSURANCE LLP" / "INDEPENDENT CUSTODY ASSESSMENT" /
 * "U.S. User Data Hosted in Oracle Cloud Infrastructure"). The title is the line after the issuer, with
 * the subtitle when the title is in capitals; the issuer is the publisher; the whole text stays the
 * body, where cleaning leaves the cover out. Undefined for any other text.
 */
function titleOfReportCover(text: string): { title: string; body: string; siteName: string; cleaned: CleanedBody } | undefined {
  const body = withUnixLines(text);
  const cover: string[][] = [[]];
  for (const line of body.split('\n')) {
    if (line.trim() === '') {
      if ((cover.at(-1) as string[]).length > 0) cover.push([]);
      continue;
    }
    if (!/^\s{4,}\S/.test(line)) break;
    (cover.at(-1) as string[]).push(line.trim());
  }
  const groups = cover.filter((group) => group.length > 0);
  const lines = groups.flat();
  const testimony = testimonyCover(lines);
  if (testimony) return { ...testimony, body, cleaned: cleanBody(body) };
  const issuer = lines[0];
  if (lines.length < 3 || !issuer || /\p{Ll}/u.test(issuer) || issuer.split(/\s+/).length > 6) return undefined;
  // The title is the first line after the issuer's group: "INDEPENDENT CUSTODY ASSESSMENT".
  const titleGroup = groups[0]?.length === 1 ? groups[1] : [lines.slice(1)].flat();
  const [head, subtitle] = titleGroup ?? [];
  if (!head || head.split(/\s+/).length < 2) return undefined;
  const title = !/\p{Ll}/u.test(head) && subtitle && /\p{Ll}/u.test(subtitle) ? `${head}: ${subtitle}` : head;
  return { title, body, siteName: issuer, cleaned: cleanBody(body) };
}

/** A letter's salutation: "Dear Mr. Santangelo-Wu:", "Dear Chairman Brennerman,". */
const SALUTATION = /^(?:dear|to)\s+\S.{0,80}[:,]$/i;
/** A letter's subject line: "Re: …", "Subject: …". */
const SUBJECT_LINE = /^(?:re|subject)\s*:\s*(\S.*)$/i;

/**
 * A letter copied out of a PDF: its letterhead, the date, the inside address, then "Dear …:". A
 * subject line ("Re: …") is its title; else it is titled by whom it is addressed to ("Letter to Mr.
 * …, Chief Executive Officer, TikTok Inc.") rather than by the addressee's name alone. The letterhead's
 * first line is its sender, its date line the date. The whole text stays the body. Undefined for any other text.
 */
/** The line a fax machine prints atop each page: when, from whom, to which number, which page. */
const FAX_PAGE_HEADER = /\bFROM:.*\bTO:.*\bP\.?\s?\d{1,3}\s?\/\s?\d{1,3}\s*$/i;

function titleOfLetter(text: string): FoundInText | undefined {
  const body = withUnixLines(text);
  // A fax's cover sheet may come first: the letter's salutation can be a page down.
  const lines = body.split('\n').slice(0, 80).map((line) => line.trim());
  const salutationAt = lines.findIndex((line) => SALUTATION.test(line));
  const dateAt = lines.slice(0, Math.max(salutationAt, 0)).findIndex((line) => DATE_ONLY.test(line));
  if (salutationAt < 0 || dateAt < 0) return undefined;
  const between = lines.slice(dateAt + 1, salutationAt).filter((line) => line !== '');
  const subject = between.map((line) => SUBJECT_LINE.exec(line)?.[1]).find((found) => found !== undefined);
  // The addressee, their title and organisation: the address's lines before the street (a number) or the city.
  const address = between.filter((line) => !SUBJECT_LINE.test(line));
  const streetAt = address.findIndex((line) => /\d/.test(line));
  const addressee = address.slice(0, Math.min(streetAt < 0 ? address.length : streetAt, 3));
  if (!subject && addressee.length === 0) return undefined;
  // After a fax's page header ("MAR-05-2026 15:53 FROM: … TO: … P.002/004"): the cover sheet is the machine's.
  const pageStart = lines.slice(0, dateAt).findLastIndex((line) => FAX_PAGE_HEADER.test(line)) + 1;
  const sender = lines.slice(pageStart, dateAt).find((line) => line !== '' && line.split(/\s+/).length <= 8);
  const published = normalizeDate(lines[dateAt] ?? '');
  return { title: subject ?? `Letter to ${addressee.join(', ')}`, body, siteName: sender ?? '', cleaned: cleanBody(body), ...(published ? { published } : {}) };
}

/** The joining lines of a hearing's cover: "STATEMENT OF" (a witness), "BEFORE THE" (a committee), "HEARING ON" (its title). */
const WITNESS_LINE = /^(?:(?:prepared|written)\s+)?(?:statement|testimony)\s+of$/i;
const BEFORE_LINE = /^before\s+the$/i;
const HEARING_LINE = /^(?:a\s+)?hearing\s+(?:on|entitled|titled)$/i;

/**
 * Written testimony's cover: "STATEMENT OF" / the witness / "BEFORE THE" / the committee / "HEARING
 * ON" / the hearing's title. The title says whose statement it is and on what ("STATEMENT OF DR. …:
 * “WHO HOLDS THE KEYS? …”"); the committee it was given to is its publisher. Undefined for other covers.
 */
function testimonyCover(lines: readonly string[]): { title: string; siteName: string } | undefined {
  const witnessAt = lines.findIndex((line) => WITNESS_LINE.test(line));
  const witness = lines[witnessAt + 1];
  if (witnessAt < 0 || witness === undefined || WITNESS_LINE.test(witness) || BEFORE_LINE.test(witness)) return undefined;
  const beforeAt = lines.findIndex((line) => BEFORE_LINE.test(line));
  const hearingAt = lines.findIndex((line) => HEARING_LINE.test(line));
  // The hearing's title runs from "HEARING ON" to the date (or the cover's end).
  const afterHearing = hearingAt < 0 ? [] : lines.slice(hearingAt + 1);
  const dateAt = afterHearing.findIndex((line) => DATE_ONLY.test(line));
  const hearing = dateAt < 0 ? afterHearing : afterHearing.slice(0, dateAt);
  const committee = beforeAt < 0 ? undefined : lines[beforeAt + 1];
  if (committee === undefined) return undefined;
  const who = `${lines[witnessAt]} ${witness}`;
  return { title: hearing.length > 0 ? `${who}: ${hearing.join(' ')}` : who, siteName: committee };
}

/** A browser's print footer: the page's address, then "Page N of M" (its header is clean.ts's PRINT_HEADER). */
const PRINT_FOOTER = /^(https?:\/\/\S+)\s+page\s+\d+\s+of\s+\d+$/i;

/**
 * A page as a browser prints it: each page headed by the time it was printed and the page's
 * title, and footed by its address and page number. The title is the headline, the site's name
 * after its last bar its publisher, the address its URL. Undefined for any other text.
 */
function titleOfPrintedPage(text: string): FoundInText | undefined {
  const body = withUnixLines(text);
  const lines = body.split('\n');
  const header = PRINT_HEADER.exec(lines.find((line) => line.trim() !== '') ?? '');
  const footer = lines.map((line) => PRINT_FOOTER.exec(line.trim())).find((match) => match !== null);
  if (!header || !footer) return undefined;
  const pageTitle = (header[1] ?? '').trim();
  const bar = pageTitle.lastIndexOf(' | ');
  const title = bar > 0 ? pageTitle.slice(0, bar).trim() : pageTitle;
  return { title, body, siteName: bar > 0 ? pageTitle.slice(bar + 3).trim() : '', cleaned: cleanBody(body), url: footer[1] ?? '' };
}

/** A line of pleading paper: its number (1–28 down every page), then the text, or nothing. */
const NUMBERED_LINE = /^(\f?)[ \t]{0,3}(\d{1,2})(?:[ \t]{2}|[ \t]*$)/;

/**
 * A court filing copied from a PDF on pleading paper numbers every line of every page (1 to 28) in
 * a column at the left. The numbers are the paper's, not the text's: they stand inside sentences
 * wrapped over lines ("…has told its / 9  American users"). Without them (the column and the two
 * spaces after it), the text reads as written; any other text is returned as it is.
 */
export function withoutLineNumbers(text: string): string {
  const lines = withUnixLines(text).split('\n');
  const written = lines.filter((line) => line.trim() !== '');
  const numbered = written.map((line) => NUMBERED_LINE.exec(line)).filter((match) => match !== null);
  // Most lines numbered, and the numbers counting up one by one: no list or table of figures.
  if (written.length < 20 || numbered.length < written.length * 0.6) return text;
  const steps = numbered.slice(1).filter((match, i) => Number(match[2]) === Number(numbered[i]?.[2]) + 1).length;
  if (steps < numbered.length * 0.8) return text;
  return lines.map((line) => line.replace(NUMBERED_LINE, '$1')).join('\n');
}

/** Where a printed story leaves its page: "Continued on Page A6", "See LAWSUITS, Page A6", "Please turn to B2". */
const JUMP_OUT = /^\s*(?:(?:continued|cont(?:['’]d|\.)?)\s+(?:on|to)\s+(?:page|p\.|pg\.?)\s*[A-Z]?\d{1,3}|see\s+[\p{Lu}\s'’-]{2,40},?\s+(?:on\s+)?(?:page|p\.|pg\.?)?\s*[A-Z]?\d{1,3}|(?:please\s+)?turn\s+to\s+(?:page\s+)?[A-Z]?\d{1,3})\s*[.»>)]*\s*$/iu;
/** Where it picks up again: "From Page A1", "Continued from A1", "LAWSUITS from A1". */
const JUMP_IN = /^\s*(?:[\p{Lu}\s'’-]{2,40}\s+)?(?:continued\s+)?from\s+(?:page\s+|p\.\s*|pg\.?\s*)?[A-Z]?\d{1,3}\s*[.»>)]*\s*$/iu;
/** Lines a page turn may hold between the two: the page's footer, the next page's header, the jump's headline. */
const MAX_TURN_LINES = 8;

/**
 * A newspaper's story copied from its printed pages jumps from one page to another mid-sentence
 * ("…within 30 feet of an / Continued on Page A6 / A1 / A6 | Wednesday… / Lawsuits: Neighbors fear… /
 * From Page A1 / earthen berm…"). The turn is the paper's, not the story's: from the line sending the
 * reader on to the line taking them in, it goes, and the sentence reads on as one paragraph. Any other
 * text is returned as it is.
 */
export function withoutPageTurns(text: string): string {
  const lines = withUnixLines(text).split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (JUMP_OUT.test(line)) {
      const back = lines.slice(i + 1, i + 1 + MAX_TURN_LINES * 2);
      const written = back.map((l, at) => ({ l, at })).filter(({ l }) => l.trim() !== '');
      const into = written.slice(0, MAX_TURN_LINES + 1).find(({ l }) => JUMP_IN.test(l));
      if (into) {
        // Blank lines after it are the page's too: the sentence goes on in the same paragraph.
        let next = i + 1 + into.at + 1;
        while (next < lines.length && (lines[next] as string).trim() === '') next++;
        i = next - 1;
        continue;
      }
    }
    kept.push(line);
  }
  return kept.length === lines.length ? text : kept.join('\n');
}

/** A subtitle cue's timing ("00:01:02,340 --> 00:01:05,120", WebVTT's "01:02.340 --> …" and its settings). */
const CUE_TIMING = /^\s*(?:\d{1,2}:)?\d{2}:\d{2}[,.]\d{1,3}\s*-->\s*(?:\d{1,2}:)?\d{2}:\d{2}[,.]\d{1,3}(?:\s.*)?$/;
/** A cue that only names a sound ("[MUSIC]", "(applause)", "♪ ♪"): nothing said. */
const SOUND_CUE = /^(?:\[[^\]]*\]|\([^)]*\)|[♪♫#\s]+.*[♪♫#]|[♪♫]+)$/u;
/** A speaker change (">> Good evening", "- Thank you") starts a new paragraph. */
const SPEAKER_CHANGE = /^(?:>>+|-\s)\s*/;

/**
 * A caption file (SubRip or WebVTT) saved as text: cue numbers, timings, styling tags and
 * positioned on-screen graphics ("{\an8}" lower thirds) are the player's, not what was said, and a
 * sentence runs on over several cues. Without them, what was said reads as paragraphs, one per
 * speaker; lines before the first cue (a title) stay. Any other text is returned as it is.
 */
export function withoutCaptionTiming(text: string): string {
  const lines = withUnixLines(text).split('\n');
  const timings = lines.filter((line) => CUE_TIMING.test(line)).length;
  if (timings < 3) return text;
  const first = lines.findIndex((line) => CUE_TIMING.test(line));
  // The cue number just before the first timing, a WebVTT header and its notes are no title.
  const head = lines
    .slice(0, /^\s*\d+\s*$/.test(lines[first - 1] ?? '') ? first - 1 : first)
    .join('\n')
    .split(/\n\s*\n/)
    .filter((block) => !/^\s*(?:WEBVTT|NOTE|STYLE|REGION)\b/.test(block));
  const paragraphs: string[] = [];
  let current: string[] = [];
  const endParagraph = () => {
    if (current.length > 0) paragraphs.push(current.join(' '));
    current = [];
  };
  let cue: string[] = [];
  const endCue = () => {
    // A positioned cue is a graphic on screen (a name and title under a face), not speech.
    const onScreen = cue.some((line) => /\{\\an?\d+\}/.test(line));
    for (const raw of onScreen ? [] : cue) {
      const line = raw.replace(/<[^>]*>|\{\\[^}]*\}/g, '').trim();
      if (line === '') continue;
      if (SOUND_CUE.test(line)) {
        endParagraph();
        continue;
      }
      const change = SPEAKER_CHANGE.exec(line);
      if (change) endParagraph();
      current.push(change ? line.slice(change[0].length) : line);
    }
    cue = [];
  };
  for (let i = first; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (CUE_TIMING.test(line)) {
      endCue();
      continue;
    }
    // A cue number is the line before a timing; a NOTE block is WebVTT's comment, STYLE and REGION its styling.
    if (/^\s*\d+\s*$/.test(line) && CUE_TIMING.test(lines[i + 1] ?? '')) continue;
    if (/^(?:NOTE|STYLE|REGION)\b/.test(line)) {
      while (i + 1 < lines.length && (lines[i + 1] ?? '').trim() !== '') i++;
      continue;
    }
    if (line.trim() !== '') cue.push(line);
  }
  endCue();
  endParagraph();
  const title = head.join('\n\n').trim();
  return [...(title ? [title] : []), ...paragraphs].join('\n\n') + '\n';
}

/** A pleading's caption: the parties on the left of a column of ")", the court above, the kind of filing on the right. */
const CAPTION_ROW = /^(?:(.*?)\s+|\s*)\)(?:\s+(.*))?$/;
const FILING_KIND = /\b(?:complaint|petition|motion|answer|brief|memorandum|indictment|information|order|judgment|notice of removal)\b/i;
const COURT_LINE = /\bcourt\b|\bdistrict of\b|\bcounty of\b/i;

/**
 * A court filing opens with its caption: counsel, the court's name in capitals, then the parties
 * ("SORREL QUINTERO-PIMENTEL … Plaintiffs, v. TIKTOK INC.; … Defendants.") beside the case number
 * and the kind of filing ("CLASS ACTION COMPLAINT FOR:"). Its title says which filing in which case
 * ("Class Action Complaint: Sorrel Quintero-Pimentel and Kwabena Nkemelu v. TikTok Inc. et al."),
 * the words cased as the body writes them; the court is its issuer. Undefined for any other text.
 */
function titleOfPleading(text: string): FoundInText | undefined {
  const body = withUnixLines(text);
  const lines = body.split('\n').slice(0, 80);
  const rows = lines.map((line) => CAPTION_ROW.exec(line)).filter((row) => row !== null);
  const left = rows.map((row) => (row[1] ?? '').trim()).join(' ').replace(/\s+/g, ' ').trim();
  const versus = / v(?:s)?\. /i.exec(left);
  if (rows.length < 5 || !versus || !/\bplaintiffs?\b/i.test(left) || !/\bdefendants?\b/i.test(left)) return undefined;
  const plaintiffs = (left.slice(0, versus.index).split(/,|;/)[0] ?? '').trim();
  const defendantList = left.slice(versus.index + versus[0].length);
  const defendant = (defendantList.split(/;|,\s+(?=Defendants?\b)/i)[0] ?? '').trim();
  const more = /;/.test(defendantList) ? ' et al.' : '';
  const kind = rows.map((row) => (row[2] ?? '').trim()).find((right) => FILING_KIND.test(right) && !/^\(/.test(right));
  if (plaintiffs === '' || defendant === '') return undefined;
  const firstRow = lines.findIndex((line) => CAPTION_ROW.test(line));
  const court = lines.slice(0, firstRow).map((line) => line.trim()).filter((line) => line !== '' && isCapitals(line));
  const courtAt = court.findIndex((line) => COURT_LINE.test(line));
  const cased = (phrase: string) => casedAsInText(phrase, body);
  const parties = `${cased(plaintiffs)} v. ${cased(defendant)}${more}`;
  const title = kind ? `${cased(kind.replace(/\s+for:?$/i, '').replace(/[:.]$/, ''))}: ${parties}` : parties;
  return { title, body, siteName: courtAt < 0 ? '' : court.slice(courtAt).map(cased).join(', '), cleaned: cleanBody(body) };
}

/**
 * A phrase's words in capitals written as the text writes them elsewhere ("TIKTOK INC." → "TikTok
 * Inc."), else in title case; small joining words in lower case.
 */
function casedAsInText(phrase: string, text: string): string {
  return phrase.replace(/\p{L}[\p{L}'’-]*/gu, (word, at: number) => {
    if (!isCapitals(word)) return word;
    const lower = word.toLowerCase();
    if (at > 0 && /^(?:and|or|of|the|for|in|on|to|a|an|v)$/.test(lower)) return lower;
    const written = new RegExp(`(?<![\\p{L}])${lower}(?![\\p{L}])`, 'giu');
    const forms = (text.match(written) ?? []).filter((form) => !isCapitals(form) && form !== lower);
    return forms[0] ?? lower.replace(/(^|[-'’])(\p{L})/gu, (_, mark: string, letter: string) => mark + letter.toUpperCase());
  });
}

/** A site's print view opens: "Printed from Data Hall Dispatch (datahalldispatch.example) on Monday, …". */
const PRINTED_FROM = /^printed from\s+(.+?)(?:\s+\([^)]*\))?\s+on\s+.+$/i;

/**
 * A page from a site's print view, copied as text: the line saying where and when it was printed,
 * the page's address, perhaps a section label in capitals ("COOLING | LITIGATION"), then the
 * headline. The site is the publisher and the address the url; the body starts under the headline.
 * Undefined for any other text.
 */
function titleOfPrintView(text: string): FoundInText | undefined {
  const lines = withUnixLines(text).split('\n');
  const written = lines.map((line, at) => ({ line: line.trim(), at })).filter(({ line }) => line !== '');
  const printed = PRINTED_FROM.exec(written[0]?.line ?? '');
  if (!printed) return undefined;
  const url = /^https?:\/\/\S+$/i.test(written[1]?.line ?? '') ? written[1]?.line : undefined;
  const rest = written.slice(url ? 2 : 1);
  // A section label in capitals stands above the headline.
  const headline = rest.find(({ line }) => !isCapitals(line));
  if (!headline) return undefined;
  const body = lines.slice(headline.at + 1).join('\n').replace(/^\s*\n/, '');
  return { title: headline.line, body, siteName: (printed[1] ?? '').trim(), cleaned: cleanBody(body), ...(url ? { url } : {}) };
}

/** A measure's number line: "RESOLUTION NO. 2026-041", "Ordinance No. 1187", "BILL NO. 12". */
const MEASURE_NUMBER = /^(resolution|ordinance|bill|act|motion|proclamation)\s+(?:no\.?|number|#)\s*([\w.-]+)$/i;

/**
 * A council's or legislature's measure copied as text opens with its issuer's heading ("CITY OF
 * PENNACOTT / CITY COUNCIL") above its number ("RESOLUTION NO. 2026-041") and its long title in
 * capitals. The number names it; the heading's first line is its issuer. Undefined for any other text.
 */
function titleOfLegislation(text: string): FoundInText | undefined {
  const body = withUnixLines(text);
  const lines = body.split('\n').map((line) => line.trim()).filter((line) => line !== '').slice(0, 12);
  const numberAt = lines.findIndex((line) => MEASURE_NUMBER.test(line));
  if (numberAt < 0) return undefined;
  const [, kind = '', number = ''] = MEASURE_NUMBER.exec(lines[numberAt] as string) ?? [];
  const issuer = lines.slice(0, numberAt).find((line) => line.split(/\s+/).length <= 8 && !/^agenda item/i.test(line));
  const title = `${kind[0]?.toUpperCase()}${kind.slice(1).toLowerCase()} No. ${number}`;
  return { title: issuer ? `${casedAsInText(issuer, body)} ${title}` : title, body, siteName: issuer ? casedAsInText(issuer, body) : '', cleaned: cleanBody(body) };
}

/** A text without a byte-order mark, its lines ending in "\n" whatever system wrote it. */
const withUnixLines = (text: string): string => text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');

/** A line in capitals: a letterhead, a label ("TRANSCRIPT OF PRESS CONFERENCE"). */
const isCapitals = (line: string): boolean => /\p{Lu}/u.test(line) && !/\p{Ll}/u.test(line);

/**
 * A government notice in the Federal Register's form: its subject line stands above "AGENCY:",
 * "ACTION:" and "SUMMARY:"; the agency issues it; the running head above gives its date
 * ("Federal Register / Vol. 90, No. 51 / Monday, March 17, 2025 / Notices"). Undefined for any other text.
 */
function titleOfAgencyNotice(text: string): { title: string; body: string; siteName: string; cleaned: CleanedBody } | undefined {
  const body = withUnixLines(text);
  const lines = body.split('\n').slice(0, 60).map((line) => line.trim());
  const agencyAt = lines.findIndex((line) => /^AGENCY:\s+\S/.test(line));
  if (agencyAt < 1 || !lines.slice(agencyAt, agencyAt + 20).some((line) => /^SUMMARY:\s/.test(line)) || !lines.slice(agencyAt).some((line) => /^ACTION:\s/.test(line))) return undefined;
  const title = lines.slice(0, agencyAt).filter((line) => line !== '').at(-1);
  if (!title || title.split(/\s+/).length < 3) return undefined;
  const agency = (lines[agencyAt] ?? '').replace(/^AGENCY:\s+/, '').split(/,\s*/)[0]?.replace(/\.$/, '') ?? '';
  return { title, body, siteName: agency, cleaned: cleanBody(body) };
}

/**
 * A press release opens with letterhead, "FOR IMMEDIATE RELEASE", its date and contacts: the
 * headline is the first line of text after them (two lines in capitals, wrapped, are one headline).
 * The letterhead's first line is its issuer. Undefined for any other text.
 */
function titleOfPressRelease(text: string): { title: string; body: string; siteName: string; cleaned: CleanedBody } | undefined {
  const body = withUnixLines(text);
  const lines = body.split('\n').map((line) => line.trim());
  const release = lines.slice(0, 20).findIndex((line) => RELEASE_LINE.test(line));
  if (release < 0) return undefined;
  let at = release + 1;
  const isFrontMatter = (line: string) =>
    // A date line is furniture to the cleaning already (a byline).
    line === '' || CONTACT_LINE.test(line) || RELEASE_LINE.test(line) || /\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}|@\S+\.\S+/.test(line) || isSiteFurniture(line);
  // Contacts run over a few lines (a name, a title, a number).
  while (at < lines.length && at < release + 12 && (isFrontMatter(lines[at] ?? '') || (/^contact/i.test(lines[at - 1] ?? '') && (lines[at] ?? '').split(/\s+/).length <= 6))) at++;
  const first = lines[at] ?? '';
  if (first === '' || first.length > 200) return undefined;
  const next = lines[at + 1] ?? '';
  const caps = (line: string) => line !== '' && line === line.toUpperCase() && /\p{Lu}/u.test(line);
  const title = caps(first) && caps(next) && `${first} ${next}`.length <= 250 ? `${first} ${next}` : first;
  const issuer = lines.find((line) => line !== '') ?? '';
  return { title, body, siteName: issuer, cleaned: cleanBody(body) };
}

/** Header keys a plain-text article may open with ("Title: …", "Source: …"), by the field they fill. */
const HEADER_KEYS: Record<string, keyof MetadataOverrides | 'source' | 'ignored'> = {
  title: 'title', headline: 'title', publisher: 'publisher', site: 'publisher', outlet: 'publisher', publication: 'publisher',
  source: 'source', url: 'url', link: 'url', 'source url': 'url', date: 'published', published: 'published',
  'published on': 'published', 'publication date': 'published', author: 'ignored', byline: 'ignored', by: 'ignored',
  // A newsletter pasted from an email client: its subject line is the title, its date the date.
  subject: 'title', sent: 'published', from: 'ignored', to: 'ignored', 'reply to': 'ignored', cc: 'ignored',
};
const HEADER_LINE = /^([A-Za-z][A-Za-z -]{0,20}?)\s*:\s*(\S.*)$/;

/**
 * A block of "Key: value" lines opening a text ("Title: …", "Source: Reuters", "URL: …",
 * "Date: June 17, 2022"), as an exported or hand-made article file carries: its fields, and the
 * text after it, whose first line is the title when the header names none. Undefined when the
 * text opens otherwise.
 */
function headerOf(text: string): { fields: MetadataOverrides; rest: string } | undefined {
  const lines = withUnixLines(text).split('\n');
  const fields: Record<string, string> = {};
  let at = 0;
  while (at < lines.length) {
    const match = HEADER_LINE.exec((lines[at] ?? '').trim());
    const key = match ? HEADER_KEYS[(match[1] ?? '').trim().toLowerCase().replace(/-/g, ' ')] : undefined;
    if (!match || !key) break;
    const value = (match[2] ?? '').trim();
    // "Source: Tavish Broadcasting, 9 February 2024": the outlet, and the date after it.
    const dated = /^(.+?),\s*([^,]*\d{4})$/.exec(value);
    const datedOn = dated ? normalizeDate((dated[2] ?? '').replace(/\./g, '')) : undefined;
    if (key === 'source' || key === 'publisher') {
      if (/^https?:\/\//i.test(value)) fields.url ??= value;
      else {
        fields.publisher ??= datedOn ? (dated?.[1] ?? value).trim() : value;
        if (datedOn) fields.published ??= datedOn;
      }
    } else if (key === 'published') {
      const date = normalizeDate(value.replace(/\./g, ''));
      if (date) fields.published ??= date;
    } else if (key !== 'ignored') fields[key] ??= value;
    at++;
  }
  if (Object.keys(fields).length === 0) return undefined;
  return { fields: fields as MetadataOverrides, rest: lines.slice(at).join('\n').replace(/^\s*\n/, '') };
}

/**
 * "- Reuters, with editing by …" at the end; "WASHINGTON (Reuters) -" or a press release's
 * "DUNMARROW, October 8, 2024 /Tallgrass Newswire/ --" opening the first paragraph.
 */
const WIRE_CREDIT = /^[-–—]\s*(\p{Lu}[\p{L}&.' ]{0,40}?),\s+with (?:additional )?(?:reporting|editing|writing) by\b/u;
const WIRE_DATELINE = /^\p{Lu}[\p{Lu}\p{Ll}\d ,.'-]{0,60}(?:\((\p{Lu}[\p{L}&. ]{1,30})\)|\/(\p{Lu}[\p{L}&. ]{1,30})\/)\s*[-–—]/u;

/** The wire service or paper the text itself credits, in its credit line or its dateline; nothing when it credits none. */
function wireServiceOf(body: string, { blocks, dropped }: CleanedBody): string | undefined {
  for (const line of dropped) {
    if (line.reason !== 'credit') continue;
    const credited = WIRE_CREDIT.exec(body.slice(line.start, line.end).trim())?.[1];
    if (credited) return credited.trim();
  }
  const first = blocks[0];
  const dateline = first ? WIRE_DATELINE.exec(body.slice(first.start, first.end)) : null;
  return (dateline?.[1] ?? dateline?.[2])?.trim();
}

/** A labelled date of issue ("Date of issue:", "Issued:", "Publication date:"). */
const ISSUE_DATE_LINE = /^(?:date of (?:issue|publication|release)|issued(?: on)?|issue date|publication date|release date)\s*:/i;
const DATE_IN_LINE = new RegExp(`\\b${MONTH}\\.?\\s+\\d{1,2},?\\s+\\d{4}\\b|\\b\\d{1,2}\\s+${MONTH}\\.?,?\\s+\\d{4}\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b`, 'i');
/** A line that is only a date ("JUNE 17, 2025"), as a cover's last line. */
const DATE_ONLY = new RegExp(`^(?:${DATE_IN_LINE.source})$`, 'i');

/**
 * The date the text itself gives in its byline or dateline ("By Jane Doe | June 18, 2022",
 * "Published 18 June 2022") before the article starts; nothing when it gives none.
 */
function datelineOf(body: string, { blocks, dropped }: CleanedBody): string | undefined {
  // A site's tagline may be kept as a heading above the byline, a standfirst as a paragraph: the
  // article starts at its first paragraph after them.
  const articleStart = textStart(body, { blocks, dropped });
  // A report's cover says which of its dates is the issue's ("Date of issue: April 14, 2025"), among its first lines.
  for (const line of body.split('\n', 40)) {
    const issued = ISSUE_DATE_LINE.test(line.trim()) ? DATE_IN_LINE.exec(line)?.[0] : undefined;
    const normalized = issued === undefined ? undefined : normalizeDate(issued.replace(/\./g, ''));
    if (normalized) return normalized;
  }
  for (const line of dropped) {
    // A byline, or a breadcrumb or masthead line the date was run into ("Home > Policy / 2023-05-22 14:36").
    if (line.start >= articleStart || !['byline', 'navigation', 'masthead'].includes(line.reason)) continue;
    const date = DATE_IN_LINE.exec(body.slice(line.start, line.end))?.[0];
    const normalized = date === undefined ? undefined : normalizeDate(date.replace(/\./g, ''));
    if (normalized) return normalized;
  }
  return undefined;
}

/**
 * An article from Markdown: front-matter in the corpus format when present (title, publisher, url,
 * published), otherwise a leading "# Title" line or the plain-text rule. The body is stored as the
 * plain text a reader sees, without the markup, so answers quote words, not syntax.
 */
export function articleInputFromMarkdown(text: string, overrides: MetadataOverrides = {}): ArticleInput {
  const normalized = withUnixLines(text);
  if (/^---\n/.test(normalized)) {
    try {
      const parsed = matter(normalized, {}) as { data: Record<string, unknown>; content: string };
      const pick = (key: string) => (typeof parsed.data[key] === 'string' ? (parsed.data[key] as string) : parsed.data[key] instanceof Date ? (parsed.data[key] as Date).toISOString().slice(0, 10) : undefined);
      // Blogs, static sites and notes name their source and date in their own words ("site", "blog", "group", "author"; "date", "created").
      const source = ['publisher', 'site_name', 'site', 'publication', 'outlet', 'blog', 'newsletter', 'organization', 'organisation', 'group', 'author', 'owner'].map(pick).find((value) => value?.trim() && !/^[a-z][a-z0-9+.-]*:\/\//i.test(value.trim()));
      const published = pick('published') ?? ['date', 'created'].map(pick).map((value) => (value ? normalizeDate(value) : undefined)).find(Boolean);
      const fromFile = defined({ title: pick('title'), publisher: source, url: pick('url'), published });
      return articleInputFromPlainText(markdownToPlainText(parsed.content), { ...fromFile, ...defined(overrides) });
    } catch {
      // Not valid front-matter after all: treat the whole file as text.
    }
  }
  const heading = /^#\s+(.+)\n/.exec(normalized);
  if (heading && !defined(overrides).title) return articleInputFromPlainText(markdownToPlainText(normalized.slice(heading[0].length)), { ...defined(overrides), title: markdownToPlainText(heading[1] ?? '') });
  return articleInputFromPlainText(markdownToPlainText(normalized), overrides);
}
