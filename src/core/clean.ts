import { splitSentences, trimSpan, type Span } from './sentences.ts';

/**
 * Finds the article's own text inside a raw body and leaves the site's furniture out: comment forms,
 * login prompts, post navigation, "Related Posts", "ALSO IN …" teasers, share widgets, credits and a
 * repeated title line. The rules are general (shapes of lines), not a list of the seeds' lines.
 * Cleaning only ever *selects* spans of the body: the words it keeps are never changed.
 */

export type BlockKind = 'paragraph' | 'heading';
export type Block = Span & { readonly kind: BlockKind };
export type DroppedLine = Span & { readonly reason: DropReason };
export type DropReason =
  | 'repeated-title' | 'masthead' | 'comment-section' | 'comment-form' | 'navigation' | 'related-links' | 'teaser' | 'share-widget'
  | 'credit' | 'byline' | 'caption' | 'promotion' | 'taxonomy' | 'consent' | 'interface' | 'end-matter' | 'legal' | 'page-furniture';

/** Lines that open a comment section: everything after them is readers' talk or the form, not the article. */
const COMMENT_SECTION =
  /^(?:leave a (?:reply|comment)|post a comment|add (?:a|your) comment|join the (?:discussion|conversation)|\d+\s+comments?|(?:(?:view|show|see|read)\s+(?:all\s+)?(?:\d+\s+)?)?(?:readers?['’]?s?\s+|user\s+|your\s+)?(?:comments?|responses?|replies)(?:\s*\(\d+\))?|discussion|what do you think\??)\s*:?$|^(?:\d+|one|no)\s+(?:thoughts?|responses?|replies|comments?)\s+(?:on|to)\s+\S|^comments are (?:closed|moderated)\b/i;
/** A wire service's slug line above the headline: "TIKTOK-CALDER/LAWSUIT (UPDATE 1)". */
const WIRE_SLUG = /^[A-Z0-9&.'-]+(?:\/[A-Z0-9&.'-]+)+(?:\s*\((?:UPDATE|REFILE|CORRECTED|RPT|URGENT)[^)]*\))?$/;
/** A line that says the article is over ("(End)", "-- END --", "(end of article)", a press release's "###" or "-30-"): what follows is the site's. */
const ARTICLE_END = /^(?:[-–—(\[（【\s]*(?:end|the end|end of (?:the )?(?:article|story|text|release|transcript)|完)[-–—)\]）】.\s]*|#\s?#\s?#|-\s?30\s?-)$/i;
/** A reader-feedback widget under the text ("Was this explainer helpful?"): the article is over. */
/** A reference work's closing sections: its sources and links, not its text (a wiki's carry an edit link). */
const REFERENCE_SECTION = /^(?:references|external links|bibliography|works cited|(?:see also|notes|references|external links|further reading|bibliography|sources|footnotes|citations)\s*\[edit(?: source)?\])$/i;
/**
 * The same, when a saved page lost the section's heading: a wiki's numbered reference with its
 * back-links ("3. ^ a b Grimsditch, Benedetta (…)"), or its category box ("Categories:").
 */
const REFERENCE_ENTRY = /^(?:\d{1,3}\.\s+)?\^\s(?:[a-z]\s){0,12}\S|^categories\s*:$/i;
/** A section's number before its title, and a wiki's edit link after it. */
const SECTION_NUMBER = /^\d+(?:\.\d+)*\.?\s+/;
const EDIT_LINK = /\s*\[edit(?: source)?\]\s*$/i;
const FEEDBACK_WIDGET = /^(?:was this (?:article|explainer|story|page|guide|post|answer|information) (?:helpful|useful)|did you find this (?:article|explainer|story|page|guide|post) (?:helpful|useful))\s*\??(?:\s*(?:yes|no)(?:\s*[|/·]?\s*(?:yes|no))?)?$/i;
/** A portal's copy of another outlet's story ends where it credits the original. */
const ORIGINAL_CREDIT = /^(?:read the original (?:article|story)\b|(?:this|the) (?:article|story) (?:was )?(?:originally|first) (?:published|appeared)\b|(?:this|a version of this) (?:article|story) appears in (?:the )?(?:print|\S+ \d{4} issue|\S+ issue|\S+ edition)\b)/i;
/** The copyright notice of the copy itself ("… All Rights Reserved. This material may not be published…"). */
const COPYRIGHT_NOTICE = /^(?:copyright|©).{0,120}\ball rights reserved\b|^(?:©|\(c\)|copyright)\s*(?:\d{4}\s*[-–]\s*)?\d{4}\b|\bmay not be (?:published|reproduced|redistributed)\b/i;
/** The line that opens a press release's text. */
export const RELEASE_LINE = /^(?:for (?:immediate )?release|embargoed until\b.{0,40}|news release|press release)\s*(?:[:–—-]\s*.{0,40})?$/i;
/** Its contacts, under the release line ("Contact: …", "Media contacts", "For more information"). */
export const CONTACT_LINE = /^(?:(?:media |press )?contacts?|for more information)\b/i;
/** A press release ends with whom to call and the wire's "SOURCE Company" line. */
const PRESS_CONTACTS = /^(?:(?:media|press|investor|news)\s+(?:contacts?|enquiries|inquiries)\s*:.{0,200}|(?:media|press|investor)\s+contacts?|for (?:more|further) information(?:,? (?:please )?contact)?\s*:?|contacts?\s*:)$/i;
const WIRE_SOURCE = /^SOURCE\s+\p{Lu}[^.!?]{0,80}$/u;
/** The legal paragraphs of a press release, under their own heading, up to the next heading. */
/**
 * A safe-harbour paragraph read out on an earnings call or printed under a release ("…contains
 * forward-looking statements… We undertake no obligation to update…"), and the non-GAAP notice.
 */
const LEGAL_PARAGRAPH =
  /\bforward[- ]looking statements?\b.*\b(?:undertakes? no (?:obligation|duty)|Private Securities Litigation Reform Act|risks and uncertainties|differ materially)\b|\bnon-GAAP (?:financial )?measures?\b.*\breconcil/i;
/** An earnings call's operator handing over the line ("Our next question comes from…", "[Operator Instructions]"). */
const CALL_OPERATOR = /^Operator:\s.*(?:\[Operator Instructions\]|next question|first question|line is open|(?:concludes|ends) (?:today's|the|our) (?:call|conference|presentation)|may now disconnect)/i;
const LEGAL_HEADING = /^(?:forward[- ]looking statements?|cautionary (?:note|statement|language)s?(?:\s.{0,60})?|safe harbou?r(?: statement)?)\s*:?$/i;
/** Page furniture of a printed document copied as text: "Page 3 of 6", "- 4 -", a footer ending in the page number. */
/**
 * A transcript's time mark alone on its line ("[00:04:03]", "(12:45)", "00:04:03"). A live blog's
 * "21:51" above a post says when it was posted, and stays.
 */
const TIMESTAMP = /^\[\d{1,2}:\d{2}(?::\d{2})?\]$|^\(\d{1,2}:\d{2}(?::\d{2})?\)$|^\d{1,2}:\d{2}:\d{2}$/;
const PAGE_NUMBER = /^(?:page\s+\d+(?:\s+of\s+\d+)?|\[\[page\s+[\divxlc]+\]\]|[-–—]\s*\d+\s*[-–—])$|^.{0,120}\spage\s+\d+\s+of\s+\d+$/i;
/** A printed page's footer: its label and page number a wide gap apart ("Working Paper 2025-07        2"). */
const PAGE_FOOTER = /^\S.{0,80}\S[ \t]{8,}\d{1,4}$|^\d{1,4}[ \t]{8,}\S.{0,80}$/;
/** A printed paper's running head: page, masthead and date set apart by wide gaps or bullets ("A6   THE LEDGER   THURSDAY, APRIL 16, 2026"). */
const HEAD_GAP = /[ \t]{3,}|\s+[•·|]\s+/;
const PAGE_CODE = /^(?:[A-Z]{1,2}\d{1,3}|\d{1,3}[A-Z]?|page \d{1,4})$/i;
const isRunningHead = (line: string): boolean => {
  const parts = line.trim().split(HEAD_GAP);
  return line.trim().length <= 120 && parts.length >= 3 && parts.some((part) => PAGE_CODE.test(part)) && parts.some((part) => DATE_PART.test(part));
};
/** A line of nothing but links. */
const LINKS_ONLY = /^(?:(?:https?:\/\/|www\.)\S+\s*)+$/i;
/** Lines of a comment or login form. */
const COMMENT_FORM = /^(?:please log in|log in to (?:comment|reply)|you are commenting using|log out\b|connecting to %s|notify me of (?:new|follow-up)|your email address will not be published|required fields are marked|save my name, email|cancel reply|post comment|submit comment|this site uses akismet|fill in your details below|enter your comment here)/i;
/** Post-to-post navigation. */
const NAVIGATION = /^(?:(?:«|‹|<|←)\s*)?(?:previous|next|older|newer)\s+(?:post|article|story|entry)\b|^(?:previous|next)\s*:\s*\S|^(?:skip to (?:content|main)|back to top)|(?:^|[|·•]\s*)home\s*[»›>/]/i;
/**
 * A site menu: three or more short labels between bars or bullets ("Home | News | Tech | Contact").
 * Split, not one pattern: a pattern of repeated optional parts backtracks without end on long lines.
 */
function isMenu(text: string): boolean {
  if (text.length > 300) return false;
  const items = text.split(/[|•·]/).map((item) => item.trim());
  // "U.S." is a menu item; a full stop ending a word of text is not.
  const noSentence = (item: string) => !/[!?]/.test(item) && !/\.(?:\s|$)/.test(item.replace(/\b(?:\p{Lu}\.){2,}/gu, ''));
  if (items.length >= 3 && items.every((item) => item.length > 0 && item.length <= 30 && noSentence(item) && item.split(/\s+/).length <= 3)) return true;
  // A breadcrumb: "POLITICS  >  CONGRESS", "News › Local › Health".
  const crumbs = text.split(/\s+[>›»]\s+/).map((item) => item.trim());
  return crumbs.length >= 2 && crumbs.length <= 5 && crumbs.every((item) => item.length > 0 && item.length <= 30 && noSentence(item) && item.split(/\s+/).length <= 3 && /^\p{Lu}/u.test(item));
}
/** A heading over the writer's biography: the article has ended, like at a comment section. */
const AUTHOR_BIO = /^(?:about the (?:author|writer|reporter)s?|author(?:'s|’s)? bio(?:graphy)?|meet the author)\s*:?$/i;
/** "Written by Jane Doe" after the text: the writer's box at the foot of a blog post, with what follows it. */
const WRITTEN_BY = /^[Ww]ritten by\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}$/u;
/** Headings of link lists that follow or interrupt an article. */
const RELATED_HEADING = /^(?:related(?:\s+(?:posts?|articles?|stories|news|content|reading|links))?|you (?:may|might) also like|more (?:from|on|stories|news|explainers|articles|guides|features|videos|podcasts)\b.*|recommended(?: for you| stories| articles| reading)?|suggested reading|popular (?:posts|stories)|trending(?: now)?|most (?:read|viewed|popular)|read next|further reading|related topics|see also|more on this story|top stories|elsewhere on\b.{0,40}|don['’]?t miss\b.{0,60}|in case you missed it|icymi)\s*:?$/i;
/** One-line teasers for other stories ("ALSO IN AF: …", "READ MORE: …"). */
const TEASER = /^(?:also (?:in|on|read|see)\b[^:]{0,40}:|read (?:more|also|next)\b|see also\b|related(?:\s+[a-z-]+){0,3}\s*:|recommended(?: reading)?\s*:|watch\s*:|listen\s*:|click here\b|subscribe to\b|sign up (?:for|to)\b|advertisement\b.{0,40}$|sponsored(?: content)?$|(?:the )?(?:story|article|text) continues (?:below|after)\b.{0,40}$|continue reading\b.{0,40}$|scroll (?:down )?to continue\b|story continues$|(?:video|audio)\s+\d{1,2}:\d{2}\b.{0,20}$|watch (?:now|live)$|(?:listen|play|watch)(?: to (?:this|the) (?:article|story))?\s*\(?\d{1,3}(?::\d{2})?\s*(?:min|mins|minutes|sec|s)?\)?$)/i;
/** Share and follow buttons. */
const SHARE_WIDGET = /^(?:more(?: options)?$|share(?: this(?: article| story| post)?)?(?: on| via| with)?\b|click to (?:share|email|print)|tweet(?: this)?$|pin it$|like this:?$|loading\.\.\.$|follow us\b|email this\b|print this\b|copy link$)/i;
/** Credit and byline lines ("- Reuters, with editing by …", "(Reporting by …)", "By Jane Doe"). */
const CREDIT = /(?:^[-–—(]*\s*(?:additional\s+)?(?:reporting|editing|writing|compiled|produced|translated)\s+by\b)|(?:\bwith (?:additional )?(?:reporting|editing|writing) by\b)|^by\s+\p{Lu}[\p{L}.'-]+(?:\s+\p{Lu}[\p{L}.'-]+){0,3}$|^(?:copyright|©)|all rights reserved\.?$|^our standards\s*:|\bcontributed (?:reporting )?to this (?:report|story|article)\b/iu;
/** A month's name or abbreviation, lower case (match with the i flag). */
export const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
/** A date alone, as a running head prints it ("THURSDAY, APRIL 16, 2026"; OCR may read an I as l). */
const DATE_PART = new RegExp(`^(?:\\p{L}+day,?\\s+)?${MONTH.replace('apr(?:il)?', 'apr(?:[il1]l)?')}\\.?\\s+\\d{1,2},?\\s+\\d{4}$`, 'iu');
/** Bylines and datelines: "By Jane Smith | June 18, 2022 | 3 min read", "Updated: 2 hours ago", a date alone. */
const BYLINE = new RegExp(
  [
    "^by\\s+\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*){0,3}\\s*[|·•–—]", // By Jane Smith | …
    "^by\\s+\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*){0,3}(?:\\s*(?:,|\\band\\b|&)\\s*\\p{Lu}[\\p{L}.'’-]*(?:\\s+[\\p{Lu}\\d][\\p{L}\\d.'’-]*){0,3})+$", // By Jane Smith and Tom Lee, By Jane Smith, River Valley 5 News
    // By Jane Smith, Technology Correspondent / Posted by …, Local Democracy Reporter
    "^(?:by|posted by|written by|words by|story by|text by|interview(?:ed)? by|interview and (?:text|photos?) by)\\s+\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*){0,3}(?:,\\s*(?:[\\p{L}-]+\\s+){0,3}(?:correspondent|reporter|editor|writer|staff|contributor|columnist|analyst|bureau|desk|producer|journalist))?(?:\\s*[|·•–—]?\\s*(?:published|updated|posted)\\s*:?\\s+(?:on\\s+)?(?:\\d|\\p{L}{3,9}\\.?\\s+\\d).{0,50})?$",
    `^by\\s+\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*){0,3},?\\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s+)?(?:\\d{1,2}\\s+)?${MONTH}\\.?\\s+(?:\\d{1,2},?\\s+)?\\d{4}$`, // By Jane Smith, June 30, 2022
    "^\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*){1,3},?\\s+(?:[\\p{L}]+\\s+){0,3}(?:correspondent|reporter|editor|writer|columnist)$", // Jane Doe Transport correspondent
    "^(?:(?:posted|written|published)\\s+)?by\\s+\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*){0,3}\\s+(?:on|at)\\s+.{0,40}\\d{4}\\b.{0,30}$", // Posted by Jane Doe on January 19, 2023
    '^listen to this (?:article|story)\\b', // audio player
    `^(?:published|updated|posted|last updated)(?:\\s*:\\s*|\\s+(?:on|at)\\s+|\\s+)(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?,?\\s+)?(?:\\d|${MONTH}\\b|\\w+ ago)`, // Updated: 2 hours ago, Published August 3, 2022, Posted: Thu Jun 11, 2026
    '^\\d+\\s+min(?:ute)?s?\\s+read$', // 3 min read
    '^(?:\\d+\\s?(?:s|m|h|d|w|secs?|mins?|minutes?|hrs?|hours?|days?|weeks?)\\s+ago|just now)$', // 2h ago, 47 minutes ago
    "^published in\\s+\\p{Lu}[^.!?]{0,60}$", // Published in Patch Notes Quarterly (a blog platform's publication)
    '[·•|]\\s*\\d+\\s+min(?:ute)?s?\\s+read$', // The Signal Ledger · 4 min read
    `^(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?,?\\s+)?(?:\\d{1,2}\\s+)?${MONTH}\\.?\\s+(?:\\d{1,2},?\\s+)?\\d{4}(?:,?\\s+(?:at\\s+)?\\d{1,2}[:.]\\d{2}.*)?$`, // June 18, 2022 / Saturday 22 October 2022, 4:15pm / Thu 4 Jul 2024 06.00 BST
    '^\\d{4}-\\d{2}-\\d{2}(?:[ T]\\d{2}:\\d{2}.*)?$', // 2022-06-18
  ].join('|'),
  'iu',
);
/** A writer's post alone on its line: "Staff Writer", "Senior Technology Correspondent". */
const WRITER_POST = /^(?:[\p{L}-]+\s+){0,3}(?:correspondent|reporter|editor|writer|staff|contributor|columnist|journalist)s?$/iu;
/** A live blog's update stamp: its time and zone, then who posted it ("5:18 p.m. ET Cosima Dufresne-Mwangi"); names in capitals. */
const LIVE_UPDATE_STAMP = /^\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|[AP]M)?\s*(?:[ECMP][SD]?T|UTC|GMT|BST|CET|CEST)?\s*[|·•–—-]?\s*\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,3}$/u;
/** Picture captions and credits ("Photo: …", "(Reuters/Dado Ruvic)" alone). */
const CAPTION = /^(?:photo|image|picture|photograph|illustration|caption|credit|file photo|video)(?:\s+credit)?\s*[:|]|^\[(?:image|photo|picture|graphic|illustration|video)\b[^\]]{0,40}\]|^(?:image|media|video) (?:source|caption)\s*,|^\(?(?:ap|afp|epa|getty|reuters|shutterstock|alamy|bloomberg|xinhua)(?:\s+(?:images|photos?|pictures|via getty images))?(?:\s*\/\s*[\p{L}.' -]{1,40})?\)?$|^\((?:photo|image|picture)?[^()]{0,60}\/[^()]{0,60}\)$|\b(?:photograph|photo|picture|image)\s*:\s*[^.:]{2,60}\/[^.:]{2,60}$|[.!?]\s+(?:photograph|photo|picture|illustration)s? by \p{Lu}[^.!?]{2,80}$|^\[(?:photo|image|video)[^\]]*\]$/iu;
/** Newsletter and subscription promotions. */
const PROMOTION = /\b(?:delivered|sent) (?:straight |directly )?to your (?:\w+ (?:or|and) )?inbox\b|^thanks for reading\b.{0,80}\bsubscribe\b|\bsubscribe for free\b|\bcreate (?:a )?free account\b|^(?:got|have) a (?:confidential )?(?:news )?tip\b|^(?:type|enter) your email\b|\bour (?:free |daily |weekly )?newsletters?\b|^(?:sign up|subscribe|download our|follow us|join us on|never miss|newsletter\s*:)|^(?:open in (?:the )?app|get (?:the|our) (?:[\p{L}-]+ ){0,2}app\b|download (?:the|our) (?:[\p{L}-]+ ){0,2}app\b|continue in (?:the )?app|read (?:it )?in the app)\b|\bscan the qr code\b|\bby subscribing,? you agree\b|\bunsubscribe at any time\b|\byou(?:'ve|’ve| have) read \d+ of \d+ free (?:articles|stories)\b|\b(?:register|sign up|log in|subscribe)\b.{0,40}\bto (?:keep|continue) reading\b|^already (?:have an account|a subscriber|registered)\?|^(?:\p{Lu}[\p{Lu} .'’-]{0,40}:\s*)?this (?:episode|podcast|show|newsletter|issue) is (?:brought to you|sponsored|supported|presented) by\b|^want to (?:sponsor|advertise (?:in|with|on))\b|^you(?:'re|’re| are) (?:receiving|getting) this (?:email |newsletter |message )?because\b/iu;
/** Cookie and consent banners. */
const CONSENT = /\b(?:we use cookies|partners use cookies|cookies and similar technologies|uses cookies|use of cookies|cookie (?:policy|settings|preferences|notice)|accept (?:all )?cookies|manage (?:your )?(?:cookie )?preferences)\b|^we (?:value|care about|respect) your privacy\.?$|^your privacy choices$/i;
/** What a consent banner offers, which a story about cookies does not: a long banner is one with these. */
const CONSENT_CHOICES = /\b(?:accept all|reject (?:all|non-essential)|manage (?:your )?(?:choices|preferences|settings)|(?:privacy|cookie) settings)\b/i;
/** Site taxonomy lines: "Tags: …", "Posted in …", "Filed under …", "Categories: …". */
// "Section:" takes its colon: "Section 4. License Fee. Oracle shall pay…" is a measure's own text.
const TAXONOMY = /^(?:(?:hot |related )?tags?|topics?|keywords?|categor(?:y|ies)|filed under|posted in|more on)\s*:?\s+\S|^sections?\s*:\s*\S/i;
/** A site's disclaimer on reprinted or compiled copy. */
const DISCLAIMER = /^(?:disclaimer|statement|copyright notice)\s*:|\breal-time snapshot\b|\bdata is delayed\b/i;
/** Box-drawing frames around a widget (a newsletter box): the corner opening and closing the frame. */
const FRAME_OPENS = /^\s*[┌╔╭┏+][─═━-]{3,}|^skip past (?:newsletter )?promotion$|^\s*\[(?:sponsor(?:ed)?(?: read| message| break| segment)?|ad(?: break| read)?|advertisement|mid-?roll(?: ad)?|pre-?roll(?: ad)?)\]\s*$/iu;
const FRAME_CLOSES = /^\s*[└╚╰┗+][─═━-]{3,}|^after (?:newsletter )?promotion$|^\s*\[end (?:of )?(?:the )?(?:sponsor(?:ed)?(?: read| message| break| segment)?|ad(?: break| read)?|advertisement|mid-?roll(?: ad)?|pre-?roll(?: ad)?)\]\s*$/iu;

/** Words of interface labels: a short line made only of these is a widget, not text ("Twitter picture", "Logo"). */
const INTERFACE_WORDS = new Set([
  'logo', 'pin', 'flipboard', 'copy', 'link', 'whatsapp', 'messenger', 'sms', 'picture', 'photo', 'image', 'avatar', 'icon', 'share', 'tweet', 'email', 'print', 'menu', 'search', 'home', 'log', 'in', 'out',
  'change', 'reply', 'cancel', 'subscribe', 'follow', 'us', 'facebook', 'twitter', 'x', 'linkedin', 'whatsapp', 'reddit', 'telegram', 'pinterest',
  'instagram', 'youtube', 'tumblr', 'pocket', 'like', 'comment', 'comments', 'more', 'login', 'register', 'sign', 'up', 'close', 'open', 'toggle',
  'navigation', 'sidebar', 'for', 'go', 'turn', 'alert', 'alerts', 'notifications', 'advertisement', 'ad', 'ads', 'loading', 'tags', 'tag', 'categories', 'category', 'filed', 'under', 'posted', 'permalink', 'and', 'or', 'to', 'on', 'with', 'your', 'account',
]);

/** Interface words that label nothing alone: a line of only these ("in in?", "and to") is text, however odd. */
const LINKING_WORDS = new Set(['in', 'out', 'on', 'up', 'and', 'or', 'to', 'with', 'your', 'for', 'under', 'us', 'more', 'go']);

/** Normalizes a line for comparison with the title: letters and digits only, lower case. */
const comparable = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

// A closing quote or bracket ends a sentence only after its stop ('…he said."', a wiki's '…in 2021.[2]', a caption's
// '…Tuesday. (TRV11)'); a heading may end in a quoted term ('its first "custody ledger"').
const TERMINAL_PUNCTUATION = /(?:[.!?…:;]["”’)\]]*|[.!?]\s+\([^()]{1,40}\))(?:\[\d+\])*$/;

/** A line is a heading when it is short and does not end a sentence. */
export const looksLikeHeading = (line: string): boolean =>
  line.length <= 120 && !TERMINAL_PUNCTUATION.test(line) && line.split(/\s+/).length <= 16;

/** Buttons and controls: "[Share to WeChat] [Collect]" (two bracketed labels and no sentence), "Font size: Large Medium Small". */
function isControls(text: string): boolean {
  if (text.length > 200) return false;
  if (/^font size\s*:/i.test(text)) return true;
  // A wiki's citation marks ("[1][10]", "[citation needed]") are no buttons.
  const buttons = text.match(/\[(?!\d+\]|citation needed\])[^\]]{1,30}\]/g)?.length ?? 0;
  return buttons >= 2 && !/[.!?]\s/.test(text.replace(/\[[^\]]*\]/g, ''));
}

/** A stock quote chip ("+5.08 (+11.86%)") or a separator line ("___", "* * *"). */
const QUOTE_CHIP = /^[+\-−–]?\d[\d.,]*\s*\([+\-−–]?\d[\d.,]*%\)$/u;
const SEPARATOR = /^[\p{P}\p{S}\s]+$/u;
/** A link to the page in another language ("Leer en español"). */
const LANGUAGE_SWITCH = /^(?:leer|lire|lesen|read|ler)\s+(?:en|in|auf|em)\s+\p{L}+$/iu;
/** A wiki section's edit link, left on a line of its own. */
const EDIT_LINK_ALONE = /^\[\s*edit(?: source)?\s*\]$/i;
/** A site's banner above the page, its label in capitals ("WATCH LIVE: … is on now", "WEATHER ALERT: Frost advisory…"). */
const BANNER = /^(?:WATCH LIVE|LIVE NOW|BREAKING(?: NEWS)?|WEATHER ALERT|SEVERE WEATHER|TRAFFIC ALERT|DEVELOPING(?: STORY)?|JUST IN)\s*[:|▸»]/u;
/** Counts of a profile or post ("842 Followers", "1.2K claps", "1 reply"). */
const COUNTER = /^[\d.,]+\s?[km]?\s+(?:followers|following|subscribers|likes|claps|views|shares|replies|reply|responses)$/i;
/** A post's counts side by side ("52 Replies  640 Reposts  3.1K Likes") and its time stamp ("9:08 AM · Jun 4, 2025"). */
const POST_COUNTS = /^(?:[\d.,]+\s?[km]?\s+(?:replies|reply|reposts?|retweets?|quotes?|likes?|views?|bookmarks?|comments?|shares?)\b[\s·|]*){2,}$/i;
const POST_TIME = new RegExp(`^\\d{1,2}:\\d{2}\\s?[ap]\\.?m\\.?\\s*[·•|]\\s*${MONTH}\\.?\\s+\\d{1,2},?\\s+\\d{4}(?:\\s*[·•|].{0,40})?$`, 'i');

/** A browser's print header, on every printed page: when it was printed, a tab, the page's title (captured). */
export const PRINT_HEADER = /^\f?[ \t]*\d{1,2}\/\d{1,2}\/\d{2,4},?[ \t]+\d{1,2}:\d{2}(?:[ \t]*[AP]M)?(?:\t|[ \t]{2,})(\S.*)$/i;
/** A chat export's furniture: reactions (":eyes: 3   :memo: 2"), a thread's summary ("↳ 4 replies"), who joined, left or pinned. */
const CHAT_REACTIONS = /^(?::[\w+-]+:\s*\d+\s*)+$/;
const CHAT_THREAD = /^↳\s*\d+\s+repl(?:y|ies)\b/i;
const CHAT_EVENT = /^\[\d{1,2}:\d{2}(?:\s*[AP]M)?\]\s+[\w.-]+\s+(?:joined|left|pinned a message|uploaded a file|set the channel|renamed the channel|changed the channel)\b/i;
/** A post's counts behind icons ("🔁 3.1K ❤️ 9.8K", "💬 12 🔁 402"), or one reaction's ("👍 14"; not "🔥 2024"). */
const ICON_COUNTS = /^(?:[\p{Extended_Pictographic}\uFE0F\u200D]+\s*[\d.,]+\s?[KkMm]?\s*){2,}$|^[\p{Extended_Pictographic}\uFE0F\u200D]+\s*\d{1,3}(?:[.,]\d)?[KkMm]?$/u;
/**
 * A mail thread's furniture, pasted or forwarded: the forward marker, "On … wrote:", "Sent from my
 * iPhone", and the confidentiality notice under a signature. (Its "From:"/"Date:" lines stay: a
 * letter's or a memo's may open the text, and what stands above the first paragraph reads by them.)
 */
const MAIL_HEADER_LINE = /^-{3,}\s*(?:forwarded|original) message\s*-{3,}$|^begin forwarded message\s*:?$|^on\s.{5,120}\bwrote:$|^sent from my (?:iphone|ipad|android|phone|mobile device|galaxy)\b/i;
const MAIL_NOTICE = /^(?:confidentiality notice\b|(?:this|the information in this) (?:e-?mail|message|electronic mail transmission|communication)(?: and any attachments?)?(?: to it)? (?:is|are|may be|contains?) (?:intended|confidential|privileged)|if you are not the intended recipient\b|if you have received this (?:e-?mail|message|communication|transmission) in error\b)/i;
/**
 * A discussion thread's furniture as an old-style web view copies it: "level 2", "[–] name 57 points
 * 3 hours ago", "permalink embed save parent report reply", "load more comments (3 replies)",
 * "submitted 5 hours ago by u/name", "u/name · 4h".
 */
const THREAD_LINE = /^level \d{1,2}$|^\[[–+-]\]\s+\S+\s+-?\d+ points?\b.{0,60}$|^(?:(?:permalink|embed|save|parent|report|reply|share|hide|give award|source|context|full comments)\s*){3,}$|^load more comments\s*\(\d+ repl(?:y|ies)\)$|^\d+ comments?(?:\s+(?:share|save|hide|report|crosspost))+$|^submitted .{1,60}\bago\b.{0,60}\bby u\/\S+.{0,40}$|^u\/[\w-]+\s*·\s*\d+[smhdwy]$/iu;
/** A forum or code-host post's furniture: "✔ Accepted answer", its score ("▲ 41 ▼"), who posted when ("answered May 27 at 15:30 checksum_cass 18.4k"). */
const POST_SCORE = /^[✔✓☑]?\s*accepted answer$|^[▲△⬆↑]\s*[+\-−]?\d[\d,.]*[kK]?\s*[▼▽⬇↓]?$/iu;
const POST_SIGNATURE = new RegExp(
  `^(?:(?:edited|answered|asked|modified|posted)\\s+(?:${MONTH}\\.?\\s+\\d{1,2}(?:,?\\s+'?\\d{2,4})?|\\d+\\s+\\p{L}+\\s+ago|yesterday|today)(?:\\s+at\\s+\\d{1,2}:\\d{2})?\\s*)+(?:\\S.{0,60})?$`,
  'iu',
);
/** A code host's timeline: "@ada-quince commented on May 22, 2026 · Contributor · edited", "@x added the sync label". */
const THREAD_EVENT = /^@[\w.-]{2,39}\s+(?:commented|replied|opened this|closed this|reopened this|linked a pull request|added|removed|mentioned this|referenced this|approved these changes|requested changes|requested a review|assigned|unassigned|self-assigned|marked this|changed the title|pinned this|locked)\b/iu;
/** Who posted, in a thread or a quoted post: "3/14 @ilse_vt", "1/14 @ilse_vt 9:06 AM · Mar 2, 2026", "Priya Anand @packetpriya · Feb 25", "@ilse_vt". */
const POST_AUTHOR = /^(?:\d{1,3}\/\d{1,3}\s+)?(?:\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}\s+)?@[\w.]{2,30}(?:\s+(?:[·•]\s*)?[^\s.!?][^.!?]{0,40})?$/u;
/** A support page's question after each answer; unlike an article's "Was this article helpful?", it ends nothing. */
const ANSWER_FEEDBACK = /^was this helpful\s*\??(?:\s*(?:yes|no)(?:\s*[|/·]?\s*(?:yes|no))?)?$/i;
/** A paper's reprint notice on a printed copy. */
const REPRINT_NOTICE = /^this copy is for your personal,? non-?commercial use only\b/i;

/** A chat export's stamp: "[28/02/2026, 20:14:09] " or "28/02/2026, 20:14 - ". */
export const CHAT_STAMP = String.raw`\u200e?(?:\[\d{1,2}[./]\d{1,2}[./]\d{2,4},?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?\]|\d{1,2}[./]\d{1,2}[./]\d{2,4},?\s+\d{1,2}:\d{2}(?:\s?[AaPp]\.?[Mm]\.?)?\s+-)\s+`;
/**
 * What a chat app writes in an export, not its members: the encryption notice, who created, joined,
 * left or renamed the group, and what stands for a picture or a deleted message.
 */
const CHAT_SYSTEM_LINE = new RegExp(
  String.raw`^${CHAT_STAMP}(?:[^:\n]{1,60}:\s*\u200e?(?:messages and calls are end-to-end encrypted\b|<(?:media|image|video|audio|sticker|gif) omitted>$|(?:image|video|audio|sticker|gif|document) omitted$|this message was deleted\.?$|you deleted this message\.?$)|\u200e?[^:\n]{1,60}?\s(?:created group|changed the subject to|changed this group['’]s (?:icon|settings)|changed the group description|joined using this group['’]s invite link|added\s|removed\s|left$|changed their phone number))`,
  'iu',
);

function classify(line: string, title: string): DropReason | undefined {
  // The print header's tab is the sign of it: looked for before white space is collapsed.
  if (PRINT_HEADER.test(line)) return 'page-furniture';
  if (CHAT_SYSTEM_LINE.test(line.trim())) return 'interface';
  if (ICON_COUNTS.test(line.replace(/\s+/g, ' ').trim())) return 'interface';
  // An icon before a label ("🔔 Sign up for alerts") is no part of what the line is; "©" (a
  // pictograph to Unicode too) is.
  const text = line.replace(/\s+/g, ' ').trim().replace(/^(?:(?![©®™])[\p{Extended_Pictographic}\uFE0F\u200D ])+/u, '');
  if (title && comparable(text) === comparable(title)) return 'repeated-title';
  if (COMMENT_FORM.test(text)) return 'comment-form';
  if (NAVIGATION.test(text)) return 'navigation';
  if (TEASER.test(text)) return 'teaser';
  if (text.length <= 160 && BANNER.test(text)) return 'promotion';
  if (LINKS_ONLY.test(text)) return 'related-links';
  if (PAGE_NUMBER.test(text) || WIRE_SLUG.test(text) || TIMESTAMP.test(text)) return 'page-furniture';
  if (COUNTER.test(text) || POST_COUNTS.test(text) || POST_TIME.test(text) || QUOTE_CHIP.test(text) || SEPARATOR.test(text) || LANGUAGE_SWITCH.test(text) || EDIT_LINK_ALONE.test(text) || CHAT_REACTIONS.test(text) || CHAT_THREAD.test(text) || CHAT_EVENT.test(text) || ANSWER_FEEDBACK.test(text) || POST_SCORE.test(text) || THREAD_LINE.test(text) || (text.length <= 200 && (POST_SIGNATURE.test(text) || THREAD_EVENT.test(text)))) return 'interface';
  if (text.length <= 80 && SHARE_WIDGET.test(text)) return 'share-widget';
  if (text.length <= 200 && CREDIT.test(text)) return 'credit';
  if (text.length <= 500 && DISCLAIMER.test(text)) return 'credit';
  if (text.length <= 1200 && (LEGAL_PARAGRAPH.test(text) || REPRINT_NOTICE.test(text) || MAIL_NOTICE.test(text))) return 'legal';
  if (text.length <= 300 && MAIL_HEADER_LINE.test(text)) return 'interface';
  if (text.length <= 400 && CALL_OPERATOR.test(text)) return 'interface';
  if (text.length <= 160 && (BYLINE.test(text) || LIVE_UPDATE_STAMP.test(text) || POST_AUTHOR.test(text))) return 'byline';
  // "Dec. 7, 2022 | Updated 11:05 a.m.": bylines and datelines side by side.
  if (text.length <= 160 && /\s[|·•]\s/.test(text) && text.split(/\s+[|·•]\s+/).every((part) => BYLINE.test(part.trim()))) return 'byline';
  if (isMenu(text)) return 'navigation';
  if (text.length <= 300 && CAPTION.test(text)) return 'caption';
  if (text.length <= 220 && PROMOTION.test(text)) return 'promotion';
  if (text.length <= 160 && TAXONOMY.test(text)) return 'taxonomy';
  if ((text.length <= 400 || (text.length <= 800 && CONSENT_CHOICES.test(text))) && CONSENT.test(text)) return 'consent';
  if (isControls(text)) return 'interface';
  const words = text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (text.length <= 60 && words.length > 0 && words.length <= 6 && words.every((w) => INTERFACE_WORDS.has(w)) && words.some((w) => !LINKING_WORDS.has(w))) return 'interface';
  return undefined;
}

/** Whether a line, taken alone, is site furniture (a menu, a share button, a byline…) rather than text. */
export const isSiteFurniture = (line: string): boolean => {
  const text = line.replace(/\s+/g, ' ').trim();
  return classify(text, '') !== undefined || COMMENT_SECTION.test(text) || RELATED_HEADING.test(text);
};

/** A list item ("- Related story", "• Budget phones", "3. Ask the Desk"): a line of its own. */
const isListItem = (text: string): boolean => /^(?:[-*•·–]|\d+[.)]|\d\uFE0F?\u20E3)\s/u.test(text.trim());
/** A line opening with a number: "4. ", "4) ", or a keycap emoji "4️⃣ ". */
const NUMBERED = /^(?:\d+[.)]|\d\uFE0F?\u20E3)\s/u;
/** A list item that says something: a bullet, or a numbered line longer than a section title ("2. Method"). */
const isListEntry = (text: string): boolean => /^[-*•·–]\s/.test(text.trim()) || (isListItem(text) && text.trim().split(/\s+/).length > 5);

/**
 * A numbered line over a paragraph of text, after text that is no list ("4. The bill is still
 * climbing"): a listicle's section title, not an entry of a numbered list.
 */
function isNumberedSectionTitle(body: string, lines: readonly Span[], index: number, blocks: readonly Block[]): boolean {
  const line = lines[index] as Span;
  const next = lines[index + 1];
  const previous = blocks[blocks.length - 1];
  const text = body.slice(line.start, line.end).replace(/\s+/g, ' ').trim();
  // A title, whether or not written as a sentence ("1️⃣ Trust is a logging problem.").
  const titleLike = looksLikeHeading(text) || (/[.!]$/.test(text) && text.split(' ').length <= 8);
  if (!NUMBERED.test(text) || !titleLike || !next) return false;
  const nextText = body.slice(next.start, next.end).replace(/\s+/g, ' ').trim();
  const textFollows = !isListItem(nextText) && TERMINAL_PUNCTUATION.test(nextText) && nextText.length > line.end - line.start;
  return textFollows && !(previous && isListItem(body.slice(previous.start, previous.end)));
}

/**
 * The lines of tables: three or more lines in a row cut by bars into the same number of cells, most
 * of them with figures. A menu ("News | Sport | Weather") is one line of short labels, without figures.
 */
function rowsOfTables(body: string, lines: readonly Span[]): Set<number> {
  const cellsOf = (span: Span) => {
    const text = body.slice(span.start, span.end).trim().replace(/^\|/, '').replace(/\|$/, '');
    return text.includes('|') ? text.split('|').length : undefined;
  };
  const hasFigure = (at: number) => /\d/.test(body.slice((lines[at] as Span).start, (lines[at] as Span).end));
  return linesOfRuns(lines, cellsOf, (run) => run.length >= 3 && run.filter(hasFigure).length * 2 >= run.length);
}

/**
 * The lines of fact boxes: four or more "Label: value" lines in a row ("Adopted: 2 February 2022",
 * "Chair: Sigrun Solvang"), a wiki's infobox or a report's cover. Facts, though each looks like a heading.
 */
function rowsOfFactBoxes(body: string, lines: readonly Span[]): Set<number> {
  const isFact = (span: Span) => {
    const fact = /^(\p{Lu}[\p{L}\p{N} ()'’&/-]{0,40}):\s+\S/u.exec(body.slice(span.start, span.end).trim());
    return fact !== null && (fact[1] as string).trim().split(/\s+/).length <= 4 ? 'fact' : undefined;
  };
  return linesOfRuns(lines, isFact, (run) => run.length >= 4);
}

/**
 * The positions of lines in runs that `keep` accepts: a run is the longest stretch of consecutive
 * lines with the same defined key (a table's number of cells, "a fact").
 */
function linesOfRuns(lines: readonly Span[], keyOf: (span: Span) => string | number | undefined, keep: (run: readonly number[]) => boolean): Set<number> {
  const kept = new Set<number>();
  let run: number[] = [];
  let runKey: string | number | undefined;
  const close = () => {
    if (runKey !== undefined && keep(run)) for (const at of run) kept.add(at);
  };
  lines.forEach((span, at) => {
    const key = keyOf(span);
    if (key === undefined || key !== runKey) {
      close();
      run = [];
    }
    runKey = key;
    run.push(at);
  });
  close();
  return kept;
}

/**
 * Whether a body was wrapped at a fixed width (an e-mail, a copied terminal page): paragraphs
 * are separated by blank lines, and lines of similar length often stop mid-sentence.
 */
function isHardWrapped(body: string): boolean {
  if (!/\n[ \t]*\n/.test(body)) return false;
  const lines = body.split('\n').map((line) => line.trim());
  let singleBreaks = 0;
  let midSentence = 0;
  let goesOnInLowerCase = 0;
  lines.forEach((line, i) => {
    const next = lines[i + 1] ?? '';
    if (line === '' || next === '') return;
    singleBreaks++;
    if (line.length >= 40 && line.length <= 100 && !TERMINAL_PUNCTUATION.test(line) && !isListItem(line) && !isListItem(next)) {
      midSentence++;
      if (/^\p{Ll}/u.test(next)) goesOnInLowerCase++;
    }
  });
  // Wrapped prose goes on in lower case now and then; a page's widgets and menus never do.
  return midSentence >= 3 && midSentence >= singleBreaks / 4 && goesOnInLowerCase >= 2;
}

/**
 * The lines of a body, as spans. A line break inside a paragraph that was wrapped by hand
 * (the line goes on in lower case) does not end the line.
 */
function logicalLines(body: string): Span[] {
  const lines: Span[] = [];
  const hardWrapped = isHardWrapped(body);
  let start = 0;
  for (let i = 0; i <= body.length; i++) {
    if (i < body.length && body[i] !== '\n') continue;
    const span = trimSpan(body, { start, end: i });
    const previous = lines[lines.length - 1];
    const joinsPrevious =
      previous !== undefined &&
      span.end > span.start &&
      body.slice(previous.end, span.start).split('\n').length === 2 && // exactly one line break between
      previous.end - previous.start >= 40 &&
      !isListItem(body.slice(span.start, span.end)) && // a list item starts its own line
      // A line of furniture ("after newsletter promotion") is never the rest of a paragraph, nor
      // does a paragraph go on after one (a printed page's footer, then the next page's header).
      !FRAME_CLOSES.test(body.slice(span.start, span.end)) &&
      classify(body.slice(span.start, span.end), '') === undefined &&
      classify(body.slice(previous.start, previous.end), '') === undefined &&
      (hardWrapped
        ? // Text wrapped at a fixed width: a paragraph runs to the blank line, whatever case the next line starts with.
          !TERMINAL_PUNCTUATION.test(body.slice(previous.start, previous.end)) || previous.end - previous.start >= 60
        : !TERMINAL_PUNCTUATION.test(body.slice(previous.start, previous.end)) && /^[\p{Ll}\p{N}]/u.test(body.slice(span.start, span.start + 1)));
    if (joinsPrevious && previous) lines[lines.length - 1] = { start: previous.start, end: span.end };
    else if (span.end > span.start) lines.push(span);
    start = i + 1;
  }
  return lines;
}

export type CleanedBody = { readonly blocks: Block[]; readonly dropped: DroppedLine[] };

/** Selects the article's own paragraphs and headings from a raw body. */
export function cleanBody(body: string, title = ''): CleanedBody {
  const blocks: Block[] = [];
  const dropped: DroppedLine[] = [];
  const lines = logicalLines(body);
  const runningHeads = runningHeaders(body, lines);
  // Each line's comparable form, and the last line that has it: worked out once, for finding a
  // table of contents whose entries the text repeats further on.
  const lineKeys = lines.map((span) => comparable(body.slice(span.start, span.end)));
  // A contents list numbers its entries ("1 History") and a wiki's headings carry an edit link ("History[edit]").
  const sectionKeys = lines.map((span) => comparable(body.slice(span.start, span.end).trim().replace(SECTION_NUMBER, '').replace(EDIT_LINK, '')));
  const lastAt = new Map(sectionKeys.map((key, at) => [key, at]));
  const tableRows = rowsOfTables(body, lines);
  const factRows = rowsOfFactBoxes(body, lines);
  let skippingRelatedLinks = false;
  let skippingLegal = false;
  for (let index = 0; index < lines.length; index++) {
    const span = lines[index] as Span;
    const line = body.slice(span.start, span.end);
    const oneLine = line.replace(/\s+/g, ' ');
    // A comment section, the writer's biography, an "(End)" or a press release's contacts end the
    // article: what follows is the site's.
    const paragraphs = blocks.filter((block) => block.kind === 'paragraph');
    // Before any sentence of the article (only a standfirst so far), "Comments (214)" is a link
    // beside the headline, not the comment section; so is "42 comments" right under the byline,
    // though the headline above ends with a full stop ("…is moving. Here's what to know.").
    const hasText = paragraphs.some((block) => TERMINAL_PUNCTUATION.test(body.slice(block.start, block.end)));
    const underByline = dropped.at(-1)?.reason === 'byline' && dropped.at(-1)?.end === lines[index - 1]?.end;
    // The writer's post on the line under the byline ("By LISA BRANNAGH / Staff Writer").
    const underCredit = (dropped.at(-1)?.reason === 'byline' || dropped.at(-1)?.reason === 'credit') && dropped.at(-1)?.end === lines[index - 1]?.end;
    if (underCredit && WRITER_POST.test(oneLine.trim())) {
      dropped.push({ ...span, reason: 'byline' });
      continue;
    }
    if ((!hasText || underByline) && COMMENT_SECTION.test(oneLine)) {
      dropped.push({ ...span, reason: 'interface' });
      continue;
    }
    const ending =
      blocks.length === 0
        ? undefined
        : COMMENT_SECTION.test(oneLine) || AUTHOR_BIO.test(oneLine) || (paragraphs.length >= 3 && WRITTEN_BY.test(oneLine.trim()))
          ? 'comment-section'
          : ARTICLE_END.test(oneLine.trim()) || (hasText && (REFERENCE_SECTION.test(oneLine.trim()) || REFERENCE_ENTRY.test(oneLine.trim()))) || FEEDBACK_WIDGET.test(oneLine.trim()) || (hasText && PRESS_CONTACTS.test(oneLine.trim())) || WIRE_SOURCE.test(oneLine.trim()) || ORIGINAL_CREDIT.test(oneLine.trim()) || (hasText && COPYRIGHT_NOTICE.test(oneLine.trim()))
            ? 'end-matter'
            : undefined;
    if (ending) {
      for (const rest of lines.slice(index)) dropped.push({ ...rest, reason: ending });
      break;
    }
    // A table's rows ("Audits per year | 2 | Charter") are text, though cells between bars look like a menu.
    if (tableRows.has(index)) {
      blocks.push({ ...span, kind: 'paragraph' });
      continue;
    }
    // A box drawn around a widget (a newsletter sign-up): the frame and all inside it.
    if (FRAME_OPENS.test(line)) {
      const closesAt = lines.slice(index + 1, index + 20).findIndex((next) => FRAME_CLOSES.test(body.slice(next.start, next.end)));
      const lastInside = closesAt === -1 ? index : index + 1 + closesAt;
      for (const boxed of lines.slice(index, lastInside + 1)) dropped.push({ ...boxed, reason: 'promotion' });
      index = lastInside;
      continue;
    }
    // A box set off by separator lines ("-----") around a sign-up form: the rules and all between them.
    const boxEnd = SEPARATOR.test(oneLine.trim()) && oneLine.trim().length >= 3 ? promotionBoxEnd(body, lines, index) : -1;
    if (boxEnd !== -1) {
      for (const boxed of lines.slice(index, boxEnd + 1)) dropped.push({ ...boxed, reason: 'promotion' });
      index = boxEnd;
      continue;
    }
    // A table of contents: lines the text repeats further on as its section titles.
    const contentsEnd = tableOfContentsEnd(lines, sectionKeys, lastAt, index);
    if (contentsEnd !== -1) {
      const label = blocks[blocks.length - 1];
      // Its label ("In this explainer", "Contents") goes with it.
      if (label?.kind === 'heading' && body.slice(label.end, span.start).trim() === '') dropped.push({ start: label.start, end: label.end, reason: 'navigation' }), blocks.pop();
      for (const entry of lines.slice(index, contentsEnd + 1)) dropped.push({ ...entry, reason: 'navigation' });
      index = contentsEnd;
      continue;
    }
    // A document's running header, repeated on every page, and its page footers.
    if (runningHeads.has(lineKeys[index] as string) || PAGE_FOOTER.test(line.trim()) || isRunningHead(line)) {
      dropped.push({ ...span, reason: 'page-furniture' });
      continue;
    }
    // "Forward-looking statements" and the legal paragraphs under it, up to the next heading.
    if (LEGAL_HEADING.test(oneLine.trim())) skippingLegal = true;
    else if (skippingLegal && looksLikeHeading(oneLine) && !isListItem(oneLine)) skippingLegal = false;
    if (skippingLegal) {
      dropped.push({ ...span, reason: 'legal' });
      continue;
    }
    if (RELATED_HEADING.test(oneLine)) {
      dropped.push({ ...span, reason: 'related-links' });
      skippingRelatedLinks = true;
      continue;
    }
    // Under a "Related" heading, link titles (short, no sentence end) and their labels belong to the list.
    if (skippingRelatedLinks) {
      // A link title may ask a question ("What data does a video app really collect about you?").
      const linkTitle = looksLikeHeading(oneLine) || (oneLine.length <= 100 && /\?$/.test(oneLine.trim()) && splitSentences(oneLine).length === 1);
      if (linkTitle || /^in\s+["“][^"”]*["”]$/i.test(oneLine) || (isListItem(oneLine) && oneLine.length <= 120)) {
        dropped.push({ ...span, reason: 'related-links' });
        continue;
      }
      skippingRelatedLinks = false;
    }
    const reason = classify(line, title);
    if (reason) {
      dropped.push({ ...span, reason });
      continue;
    }
    // A list item is a short paragraph, however it ends, not a heading over what follows; a lone
    // word ("U.S.", "More...") is no paragraph, whatever it ends with.
    const label = !/\s/.test(oneLine.trim()) && !/\d/.test(oneLine);
    // A wiki's "History[edit]" is a heading, its edit link a control (kept, so the heading stays with its text).
    const text = oneLine.replace(EDIT_LINK, '');
    const heading = !factRows.has(index) && (isNumberedSectionTitle(body, lines, index, blocks) || ((looksLikeHeading(text) || label) && !isListEntry(text)));
    blocks.push({ ...span, kind: heading ? 'heading' : 'paragraph' });
  }
  dropMenuHeadings(body, blocks, dropped);
  dropPullQuotes(body, blocks, dropped);
  // A press release's letterhead, "FOR IMMEDIATE RELEASE" and contacts stand above its headline.
  const release = blocks.slice(0, 8).findIndex((block) => RELEASE_LINE.test(body.slice(block.start, block.end).trim()));
  if (release >= 0) {
    let last = release;
    while (CONTACT_LINE.test(body.slice(blocks[last + 1]?.start ?? 0, blocks[last + 1]?.end ?? 0).trim())) last++;
    for (const block of blocks.splice(0, last + 1)) dropped.push({ start: block.start, end: block.end, reason: 'masthead' });
  }
  // Headings before the first paragraph: a site's name in capitals, a tagline after a dash, or
  // several such lines stacked are its masthead, not the article's (a lone line may be a standfirst).
  const leading = blocks.findIndex((block) => block.kind !== 'heading');
  const heads = blocks.slice(0, leading === -1 ? 0 : leading);
  const isMasthead = (block: Block) => {
    const text = body.slice(block.start, block.end);
    return !/\p{Ll}/u.test(text) || /\s[—–|·]\s/.test(text);
  };
  if (heads.length >= 2 || heads.some(isMasthead)) {
    for (const head of heads) dropped.push({ start: head.start, end: head.end, reason: 'masthead' });
    blocks.splice(0, heads.length);
  }
  // A heading with nothing after it is a leftover label ("Comments" spelled oddly, a widget), not a section.
  while (blocks.length > 0 && blocks[blocks.length - 1]?.kind === 'heading') {
    const last = blocks.pop() as Block;
    dropped.push({ start: last.start, end: last.end, reason: 'interface' });
  }
  return { blocks, dropped };
}

/**
 * Headings that are menus or widget labels, not section titles: three or more short ones stacked
 * with no text between (a menu copied as a column of lines), two short ones next to furniture ("In
 * this article", a ticker), or any between two lines of furniture (a video's title and show name
 * between "VIDEO 2:41" and "WATCH NOW"). An
 * article's own sub-headings stand alone, before their text; losing one costs little, as its text stays.
 */
function dropMenuHeadings(body: string, blocks: Block[], dropped: DroppedLine[]): void {
  const droppedStarts = dropped.map((line) => line.start).sort((a, b) => a - b);
  // Whether the nearest line before (or after) a position is furniture, not a kept block.
  const furnitureBetween = (from: number, to: number) => droppedStarts.some((start) => start >= from && start < to);
  const isShort = (block: Block) => body.slice(block.start, block.end).trim().split(/\s+/).length <= 5;
  const menu = new Set<Block>();
  for (let first = 0; first < blocks.length; ) {
    let last = first;
    while (blocks[first]?.kind === 'heading' && blocks[last + 1]?.kind === 'heading' && !furnitureBetween((blocks[last] as Block).end, (blocks[last + 1] as Block).start)) last++;
    const run = blocks.slice(first, last + 1);
    if (run[0]?.kind === 'heading') {
      const previous = blocks[first - 1];
      const next = blocks[last + 1];
      const before = furnitureBetween(previous?.end ?? 0, run[0].start) && previous !== undefined;
      const after = furnitureBetween((run[run.length - 1] as Block).end, next?.start ?? body.length) && next !== undefined;
      if ((run.every(isShort) && (run.length >= 3 || (run.length >= 2 && (before || after)))) || (before && after)) for (const block of run) menu.add(block);
    }
    first = last + 1;
  }
  for (let i = blocks.length - 1; i >= 0; i--) {
    const block = blocks[i] as Block;
    if (!menu.has(block)) continue;
    blocks.splice(i, 1);
    dropped.push({ start: block.start, end: block.end, reason: 'navigation' });
  }
}

/**
 * Where a box that opens with a separator line at `index` closes, when it is a sign-up box: the
 * next separator line within a few lines, with a promotion between. -1 otherwise.
 */
function promotionBoxEnd(body: string, lines: readonly Span[], index: number): number {
  for (let next = index + 1; next < Math.min(lines.length, index + 12); next++) {
    const text = body.slice((lines[next] as Span).start, (lines[next] as Span).end).replace(/\s+/g, ' ').trim();
    if (!SEPARATOR.test(text) || text.length < 3) continue;
    const inside = lines.slice(index + 1, next).map((line) => body.slice(line.start, line.end).replace(/\s+/g, ' ').trim());
    return inside.some((text) => PROMOTION.test(text)) ? next : -1;
  }
  return -1;
}

/**
 * Where a table of contents that starts at `index` ends: three or more short lines in a row, each
 * of which the text repeats as a line further on (the section titles). -1 otherwise.
 */
function tableOfContentsEnd(lines: readonly Span[], lineKeys: readonly string[], lastAt: ReadonlyMap<string, number>, index: number): number {
  const isShortLine = (i: number) => (lines[i] as Span).end - (lines[i] as Span).start <= 100 && (lineKeys[i] as string).length > 0;
  let last = index - 1;
  while (last + 1 < lines.length && isShortLine(last + 1) && (lastAt.get(lineKeys[last + 1] as string) ?? -1) > last + 1) last++;
  return last - index + 1 >= 3 ? last : -1;
}

/**
 * A pull quote: a paragraph repeating, word for word, a sentence or more of another paragraph (a
 * magazine page sets a line of the text large between paragraphs). The longer paragraph keeps it.
 */
function dropPullQuotes(body: string, blocks: Block[], dropped: DroppedLine[]): void {
  const texts = blocks.map((block) => comparable(body.slice(block.start, block.end)));
  for (let i = blocks.length - 1; i >= 0; i--) {
    const text = texts[i] as string;
    // A quotation set apart may be short ("The desk exists for the times it is not."); other text is repeated only when longer.
    const quoted = /^["“'‘]/.test(body.slice((blocks[i] as Block).start, (blocks[i] as Block).end).trim());
    if ((blocks[i] as Block).kind !== 'paragraph' || text.length < (quoted ? 25 : 40)) continue;
    if (!texts.some((other, j) => j !== i && other.length > text.length && other.includes(text))) continue;
    const [quote] = blocks.splice(i, 1) as [Block];
    texts.splice(i, 1);
    dropped.push({ start: quote.start, end: quote.end, reason: 'page-furniture' });
  }
}

/**
 * Heading-like lines a body repeats (a printed report's running header on each page), by their
 * comparable form. Three words at least: a short label may recur for other reasons.
 */
function runningHeaders(body: string, lines: readonly Span[]): Set<string> {
  const seen = new Map<string, number>();
  for (const span of lines) {
    const text = body.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
    if (!looksLikeHeading(text) || text.split(' ').length < 3 || isListItem(text)) continue;
    const key = comparable(text);
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return new Set([...seen].filter(([, count]) => count >= 2).map(([key]) => key));
}

/** The sentences of a block. */
export const sentencesOf = (body: string, block: Span): Span[] => splitSentences(body, block.start, block.end);
