import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { pipeline, type Readable } from 'node:stream';
import zlib from 'node:zlib';
import { z } from 'zod';
import { err, ok, type Result } from '../result.ts';
import { describeRange, judgeAddress, type CanonicalAddress } from './address-policy.ts';
import { decodePage } from './decode-page.ts';

/**
 * Fetches one web page for a moderator who asked to add an article from a link. The link is
 * untrusted input, so every hop is checked from scratch (scheme, DNS, every resolved address), the
 * connection goes to exactly the address that was checked (no second DNS lookup an attacker could
 * rebind), and size, time and content type are capped.
 */

/** Every way fetching can fail. Closed: callers can switch over it exhaustively. */
export const FETCH_ERROR_CODES = [
  'invalid-url',
  'unsupported-scheme',
  'private-address',
  'dns-failed',
  'too-many-redirects',
  'too-large',
  'timeout',
  'http-status',
  'unsupported-content-type',
  'network',
] as const;
export type FetchErrorCode = (typeof FETCH_ERROR_CODES)[number];

/** A failed fetch: a code to branch on, a specific message naming the offending value, and the URL of the hop that failed. */
export type FetchError = {
  readonly code: FetchErrorCode;
  readonly message: string;
  readonly url: string;
  /** The HTTP status, for 'http-status'. */
  readonly status?: number;
};

/** A fetched page, decoded to text. */
export type FetchedPage = {
  /** The final URL, after redirects. */
  readonly url: string;
  readonly status: number;
  /** The media type without parameters, lower case: 'text/html', 'application/xhtml+xml' or 'text/plain'. */
  readonly contentType: string;
  /** The character encoding used to decode the body (a WHATWG encoding name such as 'utf-8' or 'windows-1252'). */
  readonly charset: string;
  readonly text: string;
  /** The URLs redirected to, in order (empty when the first response was the page). */
  readonly redirects: readonly string[];
};

/** One address a host name resolves to. */
export type ResolvedAddress = { readonly address: string; readonly family: number };
/** Resolves a host name to all its addresses; injectable so tests can play DNS. */
export type Resolver = (hostname: string) => Promise<readonly ResolvedAddress[]>;

/** Options for {@link fetchPage}. All limits have safe defaults. */
export type FetchPageOptions = {
  /** Largest body accepted, in bytes after decompression. Default 2 MB. */
  readonly maxBytes?: number;
  /** Time for the whole fetch, redirects included, in milliseconds. Default 10 s. */
  readonly timeoutMs?: number;
  /** Redirects followed before giving up. Default 5. */
  readonly maxRedirects?: number;
  /**
   * Lets non-public addresses through: `true` allows all of them, a predicate allows the ones it
   * returns true for (it sees the canonical address, e.g. '127.0.0.1' or '::ffff:7f00:1'). Default
   * false: production never needs this; tests use it to reach a server on 127.0.0.1.
   */
  readonly allowPrivateAddresses?: boolean | ((address: string) => boolean);
  /** Resolves host names. Default: dns.lookup with all addresses. */
  readonly lookup?: Resolver;
};

export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_REDIRECTS = 5;
const USER_AGENT = 'VerbatimBot/0.1 (adds news articles to a quoting corpus)';
const ACCEPTED_TYPES = new Set(['text/html', 'application/xhtml+xml', 'text/plain']);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

const LimitsSchema = z.object({
  maxBytes: z.number().int().positive().default(DEFAULT_MAX_BYTES),
  timeoutMs: z.number().int().positive().default(DEFAULT_TIMEOUT_MS),
  maxRedirects: z.number().int().nonnegative().default(DEFAULT_MAX_REDIRECTS),
});

type Settings = z.infer<typeof LimitsSchema> & {
  readonly allowAddress: (address: string) => boolean;
  readonly resolve: Resolver;
};

/** The system resolver, every address, in the order the OS gives them. */
const systemResolver: Resolver = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

function settingsFrom(options: FetchPageOptions): Settings {
  // Limits are the caller's code, not user input: a bad one is a bug, so it throws.
  const limits = LimitsSchema.parse({ maxBytes: options.maxBytes, timeoutMs: options.timeoutMs, maxRedirects: options.maxRedirects });
  const allow = options.allowPrivateAddresses;
  const allowAddress = typeof allow === 'function' ? allow : () => allow === true;
  return { ...limits, allowAddress, resolve: options.lookup ?? systemResolver };
}

const failure = (code: FetchErrorCode, url: string, message: string, status?: number): FetchError =>
  status === undefined ? { code, url, message } : { code, url, message, status };

/**
 * Fetches a web page by URL, safely: http(s) only, public addresses only (checked on every redirect,
 * and the connection is pinned to the checked address), at most `maxRedirects` redirects, `maxBytes`
 * of body, `timeoutMs` in all, and only HTML or plain text. The body is decompressed if the server
 * compressed it, then decoded by its BOM, else the Content-Type charset, else a <meta charset>, else UTF-8.
 *
 * Never throws for anything the URL or the server does; every such failure is a {@link FetchError}.
 * It rejects only for invalid limits in `options` (a programming error, reported by zod).
 */
export async function fetchPage(url: string, options: FetchPageOptions = {}): Promise<Result<FetchedPage, FetchError>> {
  const settings = settingsFrom(options);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), settings.timeoutMs);
  try {
    return await followRedirects(url, settings, controller.signal);
  } finally {
    clearTimeout(timer);
  }
}

async function followRedirects(startUrl: string, settings: Settings, signal: AbortSignal): Promise<Result<FetchedPage, FetchError>> {
  const target = parseTarget(startUrl);
  if (!target.ok) return target;
  let current = target.value;
  const redirects: string[] = [];
  for (;;) {
    const hop = await fetchOnce(current, settings, signal);
    if (!hop.ok) return hop;
    if (hop.value.kind === 'page') return ok({ ...hop.value.page, redirects });
    if (redirects.length >= settings.maxRedirects) {
      return err(failure('too-many-redirects', current.href, `${startUrl} redirected more than ${settings.maxRedirects} times (last to ${hop.value.location})`));
    }
    const next = resolveLocation(hop.value.location, current);
    if (!next.ok) return next;
    redirects.push(next.value.href);
    current = next.value;
  }
}

/** Parses a URL a moderator gave and refuses anything that is not a plain http(s) address. */
function parseTarget(raw: string): Result<URL, FetchError> {
  const text = raw.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return err(failure('invalid-url', text, `"${text}" is not a valid absolute URL`));
  }
  return checkUrl(url);
}

function checkUrl(url: URL): Result<URL, FetchError> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return err(failure('unsupported-scheme', url.href, `only http and https links can be fetched, not ${url.protocol.replace(/:$/, '')}: (${url.href})`));
  }
  // Credentials in a link are either a mistake that leaks a password into logs or a trick to
  // disguise the real host ("https://trusted.example@evil.example/").
  if (url.username !== '' || url.password !== '') {
    return err(failure('invalid-url', url.href, `links with a user name or password are not accepted (${url.protocol}//${url.username ? `${url.username}@` : ''}…${url.host})`));
  }
  const clean = new URL(url.href);
  clean.hash = '';
  return ok(clean);
}

function resolveLocation(location: string, base: URL): Result<URL, FetchError> {
  let next: URL;
  try {
    next = new URL(location, base);
  } catch {
    return err(failure('invalid-url', base.href, `${base.href} redirected to "${location}", which is not a valid URL`));
  }
  return checkUrl(next);
}

type Hop = { readonly kind: 'page'; readonly page: Omit<FetchedPage, 'redirects'> } | { readonly kind: 'redirect'; readonly location: string };

/** One request: check where the host lives, connect there, and read a page or a redirect. */
async function fetchOnce(url: URL, settings: Settings, signal: AbortSignal): Promise<Result<Hop, FetchError>> {
  const addresses = await addressesFor(url, settings, signal);
  if (!addresses.ok) return addresses;
  const response = await sendRequest(url, addresses.value, settings, signal);
  if (!response.ok) return response;
  return readResponse(url, response.value, settings, signal);
}

/** Strips the brackets URL keeps around IPv6 literals ("[::1]" → "::1"). */
const bareHost = (url: URL): string => url.hostname.replace(/^\[(.*)\]$/, '$1');

/**
 * All addresses the URL's host stands for, each judged. A host is refused if ANY address is not
 * allowed: a name with one public and one private address would otherwise reach the private one
 * whenever the connection falls back to it.
 */
async function addressesFor(url: URL, settings: Settings, signal: AbortSignal): Promise<Result<CanonicalAddress[], FetchError>> {
  const host = bareHost(url);
  // URL has already turned 2130706433, 0x7f.1 and 0177.0.0.1 into 127.0.0.1, so a literal is checked as Node will dial it.
  const resolved = net.isIP(host) !== 0 ? ok([{ address: host, family: net.isIP(host) }]) : await resolveHost(url, host, settings, signal);
  if (!resolved.ok) return resolved;
  const checked: CanonicalAddress[] = [];
  for (const { address } of resolved.value) {
    const verdict = judgeAddress(address);
    if (verdict.canonical === undefined) {
      return err(failure('dns-failed', url.href, `${host} resolved to "${address}", which is not an IP address`));
    }
    if (!verdict.public && !settings.allowAddress(verdict.canonical.address)) {
      const via = address === host ? '' : ` (${host} resolves to ${address})`;
      return err(failure('private-address', url.href, `refused to fetch ${url.href}: ${address} is ${describeRange(verdict.range)}${via}; only public internet addresses can be fetched`));
    }
    checked.push(verdict.canonical);
  }
  return ok(checked);
}

async function resolveHost(url: URL, host: string, settings: Settings, signal: AbortSignal): Promise<Result<readonly ResolvedAddress[], FetchError>> {
  try {
    const addresses = await untilAborted(settings.resolve(host), signal);
    if (addresses.length === 0) return err(failure('dns-failed', url.href, `${host} has no addresses`));
    return ok(addresses);
  } catch (error) {
    if (signal.aborted) return err(timedOut(url, settings));
    return err(failure('dns-failed', url.href, `could not look up ${host}: ${errorText(error)}`));
  }
}

/** Races a promise against the abort signal; a resolver cannot be cancelled, but we need not wait for it. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new Error('aborted'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new Error('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * A lookup function for http.request that answers with the addresses we already checked, whatever
 * name it is asked about. Node still uses the original name for the Host header and TLS SNI (and
 * certificate checks), but the socket can only go where we looked.
 */
function pinnedLookup(addresses: readonly CanonicalAddress[]): net.LookupFunction {
  return (_hostname, options, callback) => {
    const candidates = options.family === 4 || options.family === 6 ? addresses.filter((a) => a.family === options.family) : addresses;
    const usable = candidates.length > 0 ? candidates : addresses;
    if (options.all) {
      callback(null, usable.map(({ address, family }) => ({ address, family })));
      return;
    }
    const first = usable[0];
    if (first === undefined) callback(Object.assign(new Error('no checked address'), { code: 'ENOTFOUND' }), '', 0);
    else callback(null, first.address, first.family);
  };
}

function sendRequest(url: URL, addresses: readonly CanonicalAddress[], settings: Settings, signal: AbortSignal): Promise<Result<http.IncomingMessage, FetchError>> {
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const request = transport.request(url, {
      method: 'GET',
      // A fresh agent per request: a pooled socket could have been opened by code that did not check addresses.
      agent: false,
      lookup: pinnedLookup(addresses),
      signal,
      headers: {
        'User-Agent': USER_AGENT,
        Accept: 'text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8',
        'Accept-Encoding': 'gzip, deflate, br',
      },
    });
    request.once('response', (response) => resolve(ok(response)));
    request.once('error', (error) => resolve(err(signal.aborted ? timedOut(url, settings) : failure('network', url.href, `could not fetch ${url.href}: ${errorText(error)}`))));
    // Later errors (an abort while the body is read) surface through the response stream; keep them from crashing the process.
    request.on('error', () => {});
    request.end();
  });
}

async function readResponse(url: URL, response: http.IncomingMessage, settings: Settings, signal: AbortSignal): Promise<Result<Hop, FetchError>> {
  const status = response.statusCode ?? 0;
  const location = response.headers.location;
  if (REDIRECT_STATUSES.has(status) && location !== undefined && location !== '') {
    response.destroy();
    return ok({ kind: 'redirect', location });
  }
  if (status < 200 || status > 299) {
    response.destroy();
    const reason = response.statusMessage ? ` ${response.statusMessage}` : '';
    return err(failure('http-status', url.href, `${url.href} answered HTTP ${status}${reason}`, status));
  }
  const contentType = response.headers['content-type'] ?? '';
  const mediaType = mediaTypeOf(contentType);
  if (!ACCEPTED_TYPES.has(mediaType)) {
    response.destroy();
    const what = contentType === '' ? 'no Content-Type' : `Content-Type ${contentType}`;
    return err(failure('unsupported-content-type', url.href, `${url.href} sent ${what}; only HTML pages and plain text can be added`));
  }
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > settings.maxBytes) {
    response.destroy();
    return err(failure('too-large', url.href, `${url.href} is ${declared} bytes, more than the limit of ${settings.maxBytes}`));
  }
  const body = await readCapped(url, response, settings, signal);
  if (!body.ok) return body;
  const { charset, text } = decodePage(body.value, contentType);
  return ok({ kind: 'page', page: { url: url.href, status, contentType: mediaType, charset, text } });
}

/** 'Text/HTML; charset=UTF-8' → 'text/html'. */
const mediaTypeOf = (contentType: string): string => (contentType.split(';')[0] ?? '').trim().toLowerCase();

/** The response body as a decompressed stream; servers may compress even unasked (RFC 9110 §12.5.3). */
function decodedStream(response: http.IncomingMessage): Result<Readable, string> {
  const encoding = (response.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  const noop = () => {};
  switch (encoding) {
    case 'identity':
    case '':
      return ok(response);
    case 'gzip':
    case 'x-gzip':
      return ok(pipeline(response, zlib.createGunzip(), noop));
    case 'deflate':
      return ok(pipeline(response, zlib.createInflate(), noop));
    case 'br':
      return ok(pipeline(response, zlib.createBrotliDecompress(), noop));
    default:
      return err(encoding);
  }
}

/** Reads the body, stopping (and closing the connection) as soon as it passes the size cap. */
async function readCapped(url: URL, response: http.IncomingMessage, settings: Settings, signal: AbortSignal): Promise<Result<Buffer, FetchError>> {
  const stream = decodedStream(response);
  if (!stream.ok) {
    response.destroy();
    return err(failure('network', url.href, `${url.href} sent an unsupported Content-Encoding "${stream.error}"`));
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream.value) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
      size += buffer.length;
      if (size > settings.maxBytes) {
        response.destroy();
        stream.value.destroy();
        return err(failure('too-large', url.href, `${url.href} sent more than the limit of ${settings.maxBytes} bytes; stopped reading`));
      }
      chunks.push(buffer);
    }
  } catch (error) {
    response.destroy();
    if (signal.aborted) return err(timedOut(url, settings));
    return err(failure('network', url.href, `the connection to ${url.href} failed while reading: ${errorText(error)}`));
  }
  return ok(Buffer.concat(chunks));
}

const timedOut = (url: URL, settings: Settings): FetchError =>
  failure('timeout', url.href, `gave up on ${url.href}: no complete answer within ${settings.timeoutMs} ms`);

const errorText = (error: unknown): string => {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code !== undefined && !error.message.includes(code) ? `${error.message} (${code})` : error.message;
  }
  return String(error);
};
