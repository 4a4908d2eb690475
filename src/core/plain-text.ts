import { isSiteFurniture } from './clean.ts';
import { splitSentences } from './sentences.ts';

/**
 * Reads a plain-text article the way the seeds and `corpus add FILE.txt` hand them over: the first
 * line is the title when it looks like one; otherwise (the text opens straight with a paragraph)
 * the title is the first sentence and the whole text stays the body. Nothing is invented.
 */
export function titleAndBodyOfPlainText(text: string): { title: string; body: string } {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/^\s*\n/, '');
  // A page copied whole opens with the site's menu ("Menu", "Home | News | Contact", "Skip to
  // content"): the title is the first line that is not furniture. The lines before it stay in
  // the body, where cleaning leaves them out of the passages.
  const lines = normalized.split('\n');
  const titleAt = lines.findIndex((line) => line.trim() !== '' && !isSiteFurniture(line) && !isMastheadRow(line) && !isDocumentHeader(line));
  if (titleAt > 0) {
    const found = titleAndBodyOfPlainText(lines.slice(titleAt).join('\n'));
    const before = lines.slice(0, titleAt);
    // Pages copied from inside a document open on a section's heading ("3  GENERAL GOVERNMENT
    // (continued)"): the running header above it names the document.
    const header = before.find((line) => /\S\s{4,}\S/.test(line.trim()));
    if (header && SECTION_HEADING.test(found.title)) found.title = header.trim().split(/\s{4,}/).join(' — ');
    // A document's header lines ("… Working Paper No. 2025-07", "DRAFT") go with its title line, out of the body.
    if (before.every((line) => line.trim() === '' || isDocumentHeader(line))) return found;
    return { title: found.title, body: found.body === lines.slice(titleAt).join('\n') ? normalized : `${before.join('\n')}\n${found.body}` };
  }
  const lineEnd = normalized.indexOf('\n');
  const firstLine = (lineEnd === -1 ? normalized : normalized.slice(0, lineEnd)).trim();
  const sentences = splitSentences(firstLine);
  // "Custody Without Sovereignty? Negotiated Data Localisation": a title and its subtitle, not two sentences.
  const isTitleLine = firstLine.length > 0 && firstLine.length <= 200 && (sentences.length <= 1 || (sentences.length === 2 && !/[.!?…]["”’)]?$/.test(firstLine)));
  // A title wrapped over two lines ("Custody Without Sovereignty? Negotiated Data Localisation" / "and the TikTok–Oracle Arrangement").
  const [, second = '', third] = normalized.split('\n', 3);
  // A paper's title set in title case over two lines ("…A Loss Model for the Bastion" / "Custody-Breach Program Covering …").
  const goesOn = /^\p{Ll}/u.test(second.trim()) || (isTitleCase(firstLine) && isTitleCase(second) && !/[.!?…:;,]$/.test(second.trim()) && !isSiteFurniture(second));
  if (isTitleLine && goesOn && third !== undefined && third.trim() === '' && !/[.!…:;]$/.test(firstLine) && `${firstLine} ${second.trim()}`.length <= 200) {
    return { title: `${firstLine} ${second.trim()}`, body: normalized.slice(firstLine.length + second.length + 2).replace(/^\s*\n/, '') };
  }
  if (isTitleLine) return { title: firstLine, body: lineEnd === -1 ? '' : normalized.slice(lineEnd + 1).replace(/^\s*\n/, '') };
  const first = sentences[0];
  const title = first ? firstLine.slice(first.start, first.end) : firstLine.slice(0, 200);
  return { title: title.length > 300 ? `${title.slice(0, 299).replace(/\s+\S*$/, '')}…` : title, body: normalized };
}

/** A numbered section's heading, or one carried over from the page before ("3.2 Technology Services", "… (continued)"). */
const SECTION_HEADING = /^\d{1,2}(?:\.\d{1,2})*\.?\s+\S|\((?:continued|cont['’]?d)\)\s*$/i;

/**
 * A document's header line above its title: two texts set apart by a wide gap ("Carrowmoss Institute
 * for Regulatory Studies      Working Paper No. 2025-07"), or a line set far in, centred ("April 2025 — DRAFT").
 */
const isDocumentHeader = (line: string): boolean => /\S\s{4,}\S/.test(line.trim()) || /^\s{10,}\S/.test(line) || PREPRINT_STAMP.test(line.trim());
/** A preprint server's stamp down a paper's margin: "arXiv:2603.01872v1 [econ.RM] 20 Mar 2026". */
const PREPRINT_STAMP = /^[a-z][\w-]*:\s?\d{4}\.\d{4,5}(?:v\d+)?(?:\s+\[[^\]]+\])?(?:\s|$)/i;

/** Every word of four letters or more starts with a capital ("A Loss Model for the Bastion"), and there are at least three words. */
function isTitleCase(line: string): boolean {
  const words = line.trim().split(/\s+/);
  const long = words.filter((word) => /^\p{L}{4,}/u.test(word));
  return words.length >= 3 && long.length >= 2 && long.every((word) => /^\p{Lu}/u.test(word));
}

/**
 * "VERITYDESK | FACT CHECK": a site's name and section in capitals, set apart by bars or dots, is a
 * masthead. A headline in capitals has no such separators.
 */
const isMastheadRow = (line: string): boolean => mastheadName(line) !== undefined;

/** The site's name a masthead row opens with ("VERITYDESK | FACT CHECK" → "VERITYDESK"); undefined for any other line. */
export function mastheadName(line: string): string | undefined {
  const parts = line.trim().split(/\s+[|·•—–]\s+/);
  const masthead = parts.length >= 2 && !/\p{Ll}/u.test(line) && parts.every((part) => /\p{Lu}/u.test(part) && part.split(/\s+/).length <= 4);
  return masthead ? parts[0] : undefined;
}

/** A file-name id from a title: lower-case ASCII words joined by hyphens, at most 60 characters. */
export function slugify(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > 60) break;
    slug = next;
  }
  return slug || 'article';
}
