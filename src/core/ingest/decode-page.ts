/**
 * Decoding a page's bytes to text the way a browser would: find the encoding (byte-order mark,
 * Content-Type charset, <meta charset>, else UTF-8), then decode with it.
 */

/** A page's text and the WHATWG name of the encoding it was decoded with. */
export type DecodedPage = { readonly charset: string; readonly text: string };

/**
 * Decodes an HTML or text page. `contentType` is the HTTP Content-Type header when there is one
 * (a file has none, so only the BOM and <meta charset> speak for it).
 */
export function decodePage(bytes: Uint8Array, contentType = ''): DecodedPage {
  const charset = charsetOf(bytes, contentType);
  return { charset, text: decodeBytes(bytes, charset) };
}

/**
 * The body's encoding, in the order a browser decides it: a byte-order mark, then the charset in the
 * Content-Type header, then a <meta charset> (or http-equiv) near the top, then UTF-8.
 */
export function charsetOf(bytes: Uint8Array, contentType = ''): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  const headerEncoding = encodingName(/;\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType)?.[1]);
  if (headerEncoding !== undefined) return headerEncoding;
  // The spec looks at the first 1024 bytes; real pages put long <head> scripts first, so look a bit further.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString('latin1');
  const metaEncoding = encodingName(/<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([^"'\s/>;]+)/i.exec(head)?.[1]);
  // A page that declares UTF-16 in ASCII-compatible bytes cannot be UTF-16 (HTML spec: treat as UTF-8).
  if (metaEncoding !== undefined) return metaEncoding.startsWith('utf-16') ? 'utf-8' : metaEncoding;
  return 'utf-8';
}

/** The WHATWG name of an encoding label ('latin1', 'iso-8859-1' → 'windows-1252'), or undefined if unknown. */
export function encodingName(label: string | undefined): string | undefined {
  if (label === undefined) return undefined;
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return undefined;
  }
}

/** Decodes bytes in a WHATWG encoding; invalid sequences become U+FFFD rather than failing. */
export function decodeBytes(bytes: Uint8Array, charset: string): string {
  // Node 20.18.3+/22.13+ decode 'windows-1252' (and its aliases latin1, iso-8859-1, ascii) as plain
  // Latin-1, turning curly quotes, dashes and € into C1 control characters (nodejs/node#60888).
  // Windows-1252 is the web's most common legacy encoding, so we decode it ourselves.
  if (charset === 'windows-1252') return decodeWindows1252(bytes);
  return new TextDecoder(charset).decode(bytes);
}

/** WHATWG index-windows-1252 for bytes 0x80–0x9F; every other byte is its own code point. */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  const codes = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i += 1) {
    const byte = bytes[i] ?? 0;
    codes[i] = byte >= 0x80 && byte <= 0x9f ? (WINDOWS_1252_HIGH[byte - 0x80] ?? byte) : byte;
  }
  // Chunked so a 2 MB page does not overflow the argument limit of fromCharCode.
  let text = '';
  for (let start = 0; start < codes.length; start += 8192) text += String.fromCharCode(...codes.subarray(start, start + 8192));
  return text;
}
