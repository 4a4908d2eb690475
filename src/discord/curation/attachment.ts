/**
 * Downloading a file a moderator attached to `/corpus add` or `/corpus update`. Only the URL the
 * interaction resolved is ever fetched, and only when its host is one of Discord's CDN hosts
 * (DISCORD_CDN_HOSTS); the declared size is checked before anything is requested. The same guards
 * as for links apply on top: every address the host resolves to must be public (or explicitly
 * allowed, for tests), the connection is pinned to the checked address, no redirect is followed,
 * and the body is capped at the article size limit and a timeout.
 *
 * Why not `fetchPage`: it accepts only HTML and plain-text content types and returns decoded text,
 * while a file must reach `articleInputFromFile` as bytes (so invalid UTF-8 and binary files are
 * refused as such) whatever type the CDN labels it with (`.md` comes as text/markdown).
 */
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { describeRange, judgeAddress, type CanonicalAddress } from '../../core/ingest/address-policy.ts';
import type { Resolver } from '../../core/ingest/fetch-page.ts';
import { err, ok, type Result } from '../../core/result.ts';
import type { AttachmentRef } from '../command.ts';

export type DownloadProblemCode = 'not-discord-cdn' | 'too-large' | 'private-address' | 'dns-failed' | 'redirect' | 'http-status' | 'timeout' | 'network';
export type DownloadProblem = { readonly code: DownloadProblemCode; readonly message: string };

export type DownloadOptions = {
  /** Hosts attachments may come from (lower case). */
  readonly cdnHosts: readonly string[];
  /** Largest file accepted, in bytes. */
  readonly maxBytes: number;
  /** Non-public addresses that may be reached anyway (tests: the stand-in on 127.0.0.1). */
  readonly allowPrivateAddress: (address: string) => boolean;
  /** The whole download, in milliseconds. Default `ATTACHMENT_TIMEOUT_MS`. */
  readonly timeoutMs?: number;
  /** Resolves host names (tests play DNS). Default: the system resolver, every address. */
  readonly lookup?: Resolver;
};

export const ATTACHMENT_TIMEOUT_MS = 10_000;

const problem = (code: DownloadProblemCode, message: string): DownloadProblem => ({ code, message });
const systemResolver: Resolver = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });
const kb = (bytes: number): string => `${Math.ceil(bytes / 1024)} KB`;

/** The attachment's bytes, or why they were not fetched. Never throws for anything the URL or the server does. */
export async function downloadAttachment(attachment: AttachmentRef, options: DownloadOptions): Promise<Result<Uint8Array, DownloadProblem>> {
  const url = cdnUrl(attachment.url, options.cdnHosts);
  if (!url.ok) return url;
  if (attachment.size > options.maxBytes) {
    return err(problem('too-large', `“${attachment.filename}” is ${kb(attachment.size)}; articles may be at most ${kb(options.maxBytes)}.`));
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? ATTACHMENT_TIMEOUT_MS);
  try {
    const addresses = await checkedAddresses(url.value, options, controller.signal);
    if (!addresses.ok) return addresses;
    return await fetchBytes(url.value, addresses.value, options, controller.signal);
  } catch (error) {
    return err(controller.signal.aborted ? problem('timeout', 'The attachment did not download in time.') : problem('network', `The attachment could not be downloaded: ${(error as Error).message}.`));
  } finally {
    clearTimeout(timer);
  }
}

/** The attachment URL, if it is an http(s) URL on one of the CDN hosts. */
function cdnUrl(raw: string, hosts: readonly string[]): Result<URL, DownloadProblem> {
  const refused = err(problem('not-discord-cdn', 'The attachment is not on Discord’s file servers, so it was not downloaded.'));
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refused;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username !== '' || url.password !== '') return refused;
  return hosts.includes(url.hostname.toLowerCase()) ? ok(url) : refused;
}

async function checkedAddresses(url: URL, options: DownloadOptions, signal: AbortSignal): Promise<Result<CanonicalAddress[], DownloadProblem>> {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  let resolved: readonly { address: string }[];
  if (net.isIP(host) !== 0) resolved = [{ address: host }];
  else {
    try {
      resolved = await (options.lookup ?? systemResolver)(host);
    } catch (error) {
      if (signal.aborted) throw error;
      return err(problem('dns-failed', `Could not look up ${host}.`));
    }
  }
  const checked: CanonicalAddress[] = [];
  for (const { address } of resolved) {
    const verdict = judgeAddress(address);
    if (verdict.canonical === undefined) return err(problem('dns-failed', `${host} did not resolve to an IP address.`));
    if (!verdict.public && !options.allowPrivateAddress(verdict.canonical.address)) {
      return err(problem('private-address', `${host} resolves to ${describeRange(verdict.range)}, which Verbatim never downloads from.`));
    }
    checked.push(verdict.canonical);
  }
  return checked.length > 0 ? ok(checked) : err(problem('dns-failed', `${host} has no addresses.`));
}

/** One GET to exactly the checked addresses; the body read up to the cap. */
function fetchBytes(url: URL, addresses: readonly CanonicalAddress[], options: DownloadOptions, signal: AbortSignal): Promise<Result<Uint8Array, DownloadProblem>> {
  const lookup: net.LookupFunction = (_hostname, lookupOptions, callback) => {
    const first = addresses[0] as CanonicalAddress;
    if (lookupOptions.all) callback(null, addresses.map(({ address, family }) => ({ address, family })));
    else callback(null, first.address, first.family);
  };
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    // A fresh agent: a pooled socket could lead somewhere this code did not check.
    const request = transport.request(url, { method: 'GET', agent: false, lookup, signal, headers: { 'Accept-Encoding': 'identity' } });
    request.once('error', reject);
    request.once('response', (response) => {
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400) {
        response.destroy();
        resolve(err(problem('redirect', 'Discord’s file server redirected the download elsewhere, so it was not followed.')));
        return;
      }
      if (status < 200 || status > 299) {
        response.destroy();
        resolve(err(problem('http-status', `Discord’s file server answered HTTP ${status}; the attachment may have expired — please attach it again.`)));
        return;
      }
      const declared = Number(response.headers['content-length']);
      if (Number.isFinite(declared) && declared > options.maxBytes) {
        response.destroy();
        resolve(err(problem('too-large', `The attachment is ${kb(declared)}; articles may be at most ${kb(options.maxBytes)}.`)));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.maxBytes) {
          response.destroy();
          resolve(err(problem('too-large', `The attachment is over ${kb(options.maxBytes)}, the most an article may be.`)));
          return;
        }
        chunks.push(chunk);
      });
      response.once('error', reject);
      response.once('end', () => resolve(ok(new Uint8Array(Buffer.concat(chunks)))));
    });
    request.end();
  });
}
