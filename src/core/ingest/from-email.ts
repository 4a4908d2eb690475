import { decodeBytes as decodeInCharset, encodingName } from './decode-page.ts';

/**
 * A newsletter or a press office's mail saved as it arrived (a `.eml` file, or the same text saved
 * as `.txt`): RFC 5322 headers, then a MIME body whose text is usually quoted-printable ("don=E2=80=99t",
 * lines broken with a soft "="). Its readable text and what its headers say of it come out here; the
 * article is made from them like any other text or page.
 */

/** What a raw message holds: its subject, who sent it, the day it was sent, and its text or HTML part. */
export type RawMessage = {
  readonly subject?: string;
  /** The list's or the sender's name ("Midroll Monday"), not an address. */
  readonly sender?: string;
  /** YYYY-MM-DD, the day as the Date header writes it (the sender's own day). */
  readonly sent?: string;
  readonly text?: string;
  readonly html?: string;
};

type Part = { readonly headers: ReadonlyMap<string, string>; readonly body: string };

const HEADER_LINE = /^[A-Za-z][A-Za-z0-9-]*:/;
/** Headers only a mail carries: at least one of them, with From, tells a message from notes that open with "Subject:". */
const MAIL_ONLY = ['mime-version', 'message-id', 'received', 'return-path', 'content-type', 'delivered-to', 'dkim-signature'];
const MAX_HEADER_LINES = 200;

/** The message in a raw mail's text, or undefined when the text is not one. */
export function readRawMessage(raw: string): RawMessage | undefined {
  const message = splitPart(raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  if (!message) return undefined;
  const { headers } = message;
  if (!headers.has('from') || !MAIL_ONLY.some((name) => headers.has(name))) return undefined;
  const text = firstPart(message, 'text/plain');
  const html = firstPart(message, 'text/html');
  const subject = decodeWords(headers.get('subject') ?? '').trim();
  const sender = nameIn(headers.get('list-id')) ?? nameIn(headers.get('from'));
  const sent = dayOf(headers.get('date') ?? '');
  return {
    ...(subject ? { subject } : {}),
    ...(sender ? { sender } : {}),
    ...(sent ? { sent } : {}),
    ...(text !== undefined ? { text } : {}),
    ...(html !== undefined ? { html } : {}),
  };
}

/** Headers (unfolded, names in lower case) and the body after the blank line; undefined unless the text opens with headers. */
function splitPart(text: string): Part | undefined {
  const lines = text.split('\n');
  const end = lines.findIndex((line) => line.trim() === '');
  const headerLines = lines.slice(0, end === -1 ? lines.length : end);
  if (headerLines.length === 0 || headerLines.length > MAX_HEADER_LINES || !HEADER_LINE.test(headerLines[0] ?? '')) return undefined;
  const headers = new Map<string, string>();
  let last: string | undefined;
  for (const line of headerLines) {
    if (/^[ \t]/.test(line) && last) headers.set(last, `${headers.get(last)} ${line.trim()}`);
    else {
      const colon = line.indexOf(':');
      if (colon <= 0 || !HEADER_LINE.test(line)) return undefined;
      last = line.slice(0, colon).toLowerCase();
      // The first of a repeated header ("Received") is enough for what we read.
      if (!headers.has(last)) headers.set(last, line.slice(colon + 1).trim());
    }
  }
  return { headers, body: end === -1 ? '' : lines.slice(end + 1).join('\n') };
}

/** The decoded body of the first part of a type, looking inside multipart parts. */
function firstPart(part: Part, type: string): string | undefined {
  const contentType = part.headers.get('content-type') ?? 'text/plain';
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (mediaType.startsWith('multipart/')) {
    const boundary = parameter(contentType, 'boundary');
    if (!boundary) return undefined;
    for (const child of childrenOf(part.body, boundary)) {
      const found = firstPart(child, type);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (mediaType !== type || /^attachment\b/i.test(part.headers.get('content-disposition') ?? '')) return undefined;
  return decodeBody(part.body, part.headers.get('content-transfer-encoding') ?? '', parameter(contentType, 'charset') ?? 'utf-8');
}

function childrenOf(body: string, boundary: string): Part[] {
  const parts: Part[] = [];
  const delimiter = `--${boundary}`;
  let current: string[] | undefined;
  for (const line of body.split('\n')) {
    const trimmed = line.trimEnd();
    if (trimmed === delimiter || trimmed === `${delimiter}--`) {
      if (current) {
        const part = splitPart(current.join('\n'));
        if (part) parts.push(part);
        // A part with no headers of its own is plain text (RFC 2046).
        else parts.push({ headers: new Map(), body: current.join('\n').replace(/^\n/, '') });
      }
      if (trimmed.endsWith('--')) break;
      current = [];
    } else current?.push(line);
  }
  return parts;
}

/** A parameter of a header value: `boundary="----=_Part_1"`, `charset=UTF-8`. */
function parameter(value: string, name: string): string | undefined {
  const match = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value);
  return match ? (match[1] ?? match[2]) : undefined;
}

function decodeBody(body: string, transferEncoding: string, charset: string): string {
  const encoding = transferEncoding.trim().toLowerCase();
  if (encoding === 'quoted-printable') return decodeBytes(quotedPrintableBytes(body), charset);
  if (encoding === 'base64') return decodeBytes(Buffer.from(body.replace(/\s+/g, ''), 'base64'), charset);
  return body;
}

/** Quoted-printable to bytes: "=" at a line's end joins it to the next, "=E2=80=99" is three bytes. */
function quotedPrintableBytes(body: string): Uint8Array {
  const joined = body.replace(/[ \t]+$/gm, '').replace(/=\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined[i] === '=' ? joined.slice(i + 1, i + 3) : '';
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(joined[i] ?? '', 'utf8'));
  }
  return Uint8Array.from(bytes);
}

/** Bytes in a part's charset, as pages are decoded (windows-1252 by its WHATWG table); an unknown charset is read as UTF-8. */
function decodeBytes(bytes: Uint8Array, charset: string): string {
  return decodeInCharset(bytes, encodingName(charset) ?? 'utf-8');
}

/** RFC 2047 encoded words in a header: "=?UTF-8?Q?it=E2=80=99s_slower?=", "=?utf-8?B?…?=". */
function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(?==\?)/g, '$1')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_word, charset: string, kind: string, text: string) =>
      kind.toUpperCase() === 'B' ? decodeBytes(Buffer.from(text, 'base64'), charset) : decodeBytes(quotedPrintableBytes(text.replace(/_/g, ' ')), charset),
    );
}

/** The display name of `Name <address>` or `"Name" <address>`; none for a bare address. */
function nameIn(value: string | undefined): string | undefined {
  const name = decodeWords(value ?? '').replace(/<[^>]*>/g, '').replace(/^["'\s]+|["'\s]+$/g, '').trim();
  return name && !name.includes('@') ? name : undefined;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "Mon, 01 Jun 2026 11:02:07 +0000" → "2026-06-01": the day as written, whatever the zone. */
function dayOf(date: string): string | undefined {
  const match = /\b(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})\b/.exec(date);
  const month = match ? MONTHS.indexOf((match[2] ?? '').toLowerCase()) : -1;
  if (!match || month < 0) return undefined;
  const day = Number(match[1]);
  const check = new Date(Date.UTC(Number(match[3]), month, day));
  return check.getUTCDate() === day ? `${match[3]}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}` : undefined;
}
