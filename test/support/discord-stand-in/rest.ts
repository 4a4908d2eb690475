/**
 * REST half of the stand-in: body parsing (JSON and multipart/form-data with
 * payload_json), Authorization checks, injected failures (429/5xx), Discord-like
 * rate-limit headers, request recording and dispatch to the route table.
 *
 * discord.js (@discordjs/rest) builds URLs as `${rest.api}/v${version}${route}`,
 * i.e. `http://127.0.0.1:PORT/api/v10/...`.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { DiscordHttpError, defaultErrorBody, notFound, unauthorized } from './errors.ts';
import type { StandInState } from './state.ts';
import type { FailureRule, RecordedFile, RecordedRequest } from './types.ts';
import { routeMatches } from './util.ts';

export const API_PREFIX = '/api/v10';

export interface RestRequest {
  method: string;
  route: string;
  params: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  files: RecordedFile[];
  receivedAt: number;
}

export interface RestResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RouteDefinition {
  method: string;
  /** Template below /api/v10 with :params. */
  pattern: string;
  /** Requires `Authorization: Bot <token>` (interaction/webhook-token routes do not). */
  auth: boolean;
  handler: (req: RestRequest) => RestResult;
}

interface CompiledRoute extends RouteDefinition {
  regex: RegExp;
  names: string[];
}

function compile(route: RouteDefinition): CompiledRoute {
  const names: string[] = [];
  const source = route.pattern
    .split('/')
    .map((segment) => {
      if (segment.startsWith(':')) {
        names.push(segment.slice(1));
        return '([^/]+)';
      }
      return segment.replace(/[.*+?^${}()|[\]\\@]/g, '\\$&');
    })
    .join('/');
  return { ...route, regex: new RegExp(`^${source}$`), names };
}

interface ActiveFailure extends FailureRule {
  remaining: number;
}

export interface RestServerOptions {
  state: StandInState;
  routes: RouteDefinition[];
  /** Non-API routes (e.g. the CDN) handled before the API router; return null to pass. */
  staticHandler: (method: string, path: string) => { status: number; headers: Record<string, string>; data: Buffer } | null;
  onRecord: (record: RecordedRequest) => void;
  verbose: boolean;
}

export class RestServer {
  readonly #routes: CompiledRoute[];
  readonly #failures: ActiveFailure[] = [];
  #index = 0;

  constructor(private readonly options: RestServerOptions) {
    this.#routes = options.routes.map(compile);
  }

  failNext(rule: FailureRule): void {
    this.#failures.push({ ...rule, remaining: rule.times ?? 1 });
  }

  clearFailures(): void {
    this.#failures.length = 0;
  }

  get pendingFailures(): number {
    return this.#failures.reduce((sum, f) => sum + f.remaining, 0);
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const receivedAt = performance.now();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const headers = normalizeHeaders(req);
    const raw = await readBody(req);
    const record: RecordedRequest = {
      index: ++this.#index,
      method,
      path: url.pathname,
      route: decodePath(url.pathname.startsWith(`${API_PREFIX}/`) ? url.pathname.slice(API_PREFIX.length) : url.pathname),
      query: Object.fromEntries(url.searchParams),
      headers,
      body: undefined,
      files: [],
      receivedAt,
      status: 0,
      responseBody: undefined,
      injected: false,
      unhandled: false,
    };

    let result: RestResult;
    let binary: { status: number; headers: Record<string, string>; data: Buffer } | null = null;
    try {
      const parsed = await parseBody(headers['content-type'] ?? '', raw);
      record.body = parsed.body;
      record.files = parsed.files;
      binary = url.pathname.startsWith('/api/') ? null : this.options.staticHandler(method, url.pathname);
      result = binary ? { status: binary.status } : this.#route(method, record);
    } catch (error) {
      result = errorResult(error);
      if (!(error instanceof DiscordHttpError)) console.error('[discord stand-in] route handler crashed:', error);
    }

    record.status = result.status;
    record.responseBody = result.body;
    if (this.options.verbose) console.error(`[stand-in rest] ${method} ${url.pathname}${url.search} -> ${result.status}`);

    if (binary) {
      res.writeHead(binary.status, binary.headers);
      res.end(method === 'HEAD' ? undefined : binary.data);
    } else {
      const responseHeaders: Record<string, string> = { ...result.headers };
      if (result.body === undefined) {
        res.writeHead(result.status, responseHeaders);
        res.end();
      } else {
        const text = JSON.stringify(result.body);
        responseHeaders['content-type'] = 'application/json';
        responseHeaders['content-length'] = String(Buffer.byteLength(text));
        res.writeHead(result.status, responseHeaders);
        res.end(text);
      }
    }
    this.options.onRecord(record);
  }

  #route(method: string, record: RecordedRequest): RestResult {
    const { route } = record;
    const injected = this.#takeFailure(method, route);
    if (injected) {
      record.injected = true;
      return injected;
    }
    if (!record.path.startsWith(`${API_PREFIX}/`)) {
      record.unhandled = true;
      const reason = record.path.startsWith('/api/') ? ' (the stand-in only serves /api/v10)' : '';
      return { status: 404, body: { message: `404: Not Found${reason}`, code: 0 } };
    }
    const rawRoute = record.path.slice(API_PREFIX.length);
    for (const candidate of this.#routes) {
      if (candidate.method !== method) continue;
      const match = candidate.regex.exec(rawRoute);
      if (!match) continue;
      if (candidate.auth && record.headers.authorization !== `Bot ${this.options.state.token}`) throw unauthorized();
      const params: Record<string, string> = {};
      candidate.names.forEach((name, i) => {
        params[name] = decodeURIComponent(match[i + 1] ?? '');
      });
      const result = candidate.handler({
        method,
        route,
        params,
        query: record.query,
        headers: record.headers,
        body: record.body,
        files: record.files,
        receivedAt: record.receivedAt,
      });
      return { ...result, headers: { ...rateLimitHeaders(method, candidate.pattern), ...result.headers } };
    }
    record.unhandled = true;
    throw notFound();
  }

  #takeFailure(method: string, route: string): RestResult | null {
    const rule = this.#failures.find(
      (f) => f.remaining > 0 && (!f.method || f.method.toUpperCase() === method) && routeMatches(f.pathPattern, route),
    );
    if (!rule) return null;
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.#failures.splice(this.#failures.indexOf(rule), 1);
    const body = { ...defaultErrorBody(rule.status), ...(rule.body as Record<string, unknown> | undefined) };
    const headers: Record<string, string> = {};
    if (rule.status === 429) {
      const retryAfter = typeof body.retry_after === 'number' ? body.retry_after : 1;
      const global = body.global === true;
      // Discord sends Retry-After in seconds; it is passed through as given so tests can use sub-second waits.
      headers['retry-after'] = String(retryAfter);
      headers['x-ratelimit-scope'] = global ? 'global' : 'user';
      if (global) {
        headers['x-ratelimit-global'] = 'true';
      } else {
        headers['x-ratelimit-limit'] = '5';
        headers['x-ratelimit-remaining'] = '0';
        headers['x-ratelimit-reset'] = ((Date.now() + retryAfter * 1000) / 1000).toFixed(3);
        headers['x-ratelimit-reset-after'] = retryAfter.toFixed(3);
        headers['x-ratelimit-bucket'] = bucketHash(method, String(rule.pathPattern));
      }
    }
    return { status: rule.status, body, headers: { ...headers, ...rule.headers } };
  }
}

/** Generous per-route bucket headers on successful responses (never exhausts). */
function rateLimitHeaders(method: string, pattern: string): Record<string, string> {
  return {
    'x-ratelimit-limit': '50',
    'x-ratelimit-remaining': '49',
    'x-ratelimit-reset': ((Date.now() + 1000) / 1000).toFixed(3),
    'x-ratelimit-reset-after': '1.000',
    'x-ratelimit-bucket': bucketHash(method, pattern),
  };
}

function bucketHash(method: string, pattern: string): string {
  return createHash('sha1').update(`${method} ${pattern}`).digest('hex').slice(0, 32);
}

/** Decode each path segment ('%40original' -> '@original'), keeping undecodable ones raw. */
function decodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join('/');
}

function errorResult(error: unknown): RestResult {
  if (error instanceof DiscordHttpError) return { status: error.status, body: error.body };
  return { status: 500, body: { message: '500: Internal Server Error', code: 0 } };
}

function normalizeHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** JSON, or multipart/form-data (parsed with the built-in fetch Response) with payload_json + files[n]. */
async function parseBody(contentType: string, raw: Buffer): Promise<{ body: unknown; files: RecordedFile[] }> {
  if (raw.length === 0) return { body: undefined, files: [] };
  if (contentType.startsWith('application/json')) {
    try {
      return { body: JSON.parse(raw.toString('utf8')), files: [] };
    } catch {
      throw new DiscordHttpError(400, { message: '400: Bad Request', code: 50109 });
    }
  }
  if (contentType.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
    const files: RecordedFile[] = [];
    const fields: Record<string, string> = {};
    for (const [name, value] of form.entries()) {
      if (typeof value === 'string') {
        fields[name] = value;
      } else {
        const data = Buffer.from(await value.arrayBuffer());
        files.push({ fieldName: name, filename: value.name, contentType: value.type || 'application/octet-stream', size: data.length, data });
      }
    }
    let body: unknown = fields;
    if (fields.payload_json !== undefined) {
      try {
        body = JSON.parse(fields.payload_json);
      } catch {
        throw new DiscordHttpError(400, { message: '400: Bad Request', code: 50109 });
      }
    }
    return { body, files };
  }
  return { body: raw.toString('utf8'), files: [] };
}
