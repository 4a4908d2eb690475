import { readFileSync } from 'node:fs';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { isPublicAddress } from '../../../src/core/ingest/address-policy.ts';
import { fetchPage, type FetchError, type FetchPageOptions, type Resolver } from '../../../src/core/ingest/fetch-page.ts';
import type { Result } from '../../../src/core/result.ts';
import { perTestServers } from '../../support/loopback-server.ts';

type Handler = (request: http.IncomingMessage, response: http.ServerResponse) => void;

/** A server on 127.0.0.1 with a random port, closed (connections and all) after each test. */
const serve = perTestServers();

const html = (body: string, contentType = 'text/html; charset=utf-8'): Handler => (_request, response) => {
  response.writeHead(200, { 'Content-Type': contentType });
  response.end(body);
};

/** Only 127.0.0.1 may be reached: the test server itself, nothing else private. */
const onlyTestServer: FetchPageOptions['allowPrivateAddresses'] = (address) => address === '127.0.0.1';

/** A fake DNS: fixed answers per name; anything else fails like an unknown name. */
function fakeDns(answers: Record<string, string[]>): Resolver & { calls: string[] } {
  const calls: string[] = [];
  const resolver = async (hostname: string) => {
    calls.push(hostname);
    const addresses = answers[hostname];
    if (addresses === undefined) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return Object.assign(resolver, { calls });
}

function failed<T>(result: Result<T, FetchError>): FetchError {
  if (result.ok) throw new Error(`expected a FetchError, got a page: ${JSON.stringify(result.value).slice(0, 200)}`);
  return result.error;
}

describe('fetchPage fetches', () => {
  it('a page from the local server when private addresses are allowed', async () => {
    const server = await serve(html('<html><body><p>Café au lait</p></body></html>'));
    const result = await fetchPage(`${server.origin}/story`, { allowPrivateAddresses: true });
    expect(result).toEqual({
      ok: true,
      value: { url: `${server.origin}/story`, status: 200, contentType: 'text/html', charset: 'utf-8', text: '<html><body><p>Café au lait</p></body></html>', redirects: [] },
    });
  });

  it('with a plain User-Agent and an HTML-first Accept header', async () => {
    let headers: http.IncomingHttpHeaders = {};
    const server = await serve((request, response) => {
      headers = request.headers;
      html('ok')(request, response);
    });
    await fetchPage(server.origin, { allowPrivateAddresses: true });
    expect(headers['user-agent']).toMatch(/^VerbatimBot\/\S+ \(.+\)$/);
    expect(headers.accept).toMatch(/^text\/html/);
  });

  it('from a host name, connecting to the checked address while keeping the name in the Host header', async () => {
    let host: string | undefined;
    const server = await serve((request, response) => {
      host = request.headers.host;
      html('named')(request, response);
    });
    const dnsAnswers = fakeDns({ 'news.test': ['127.0.0.1'] });
    const result = await fetchPage(`http://news.test:${server.port}/a`, { allowPrivateAddresses: onlyTestServer, lookup: dnsAnswers });
    expect(result).toMatchObject({ ok: true, value: { text: 'named', url: `http://news.test:${server.port}/a` } });
    expect(host).toBe(`news.test:${server.port}`);
    expect(dnsAnswers.calls).toEqual(['news.test']);
  });

  it('without resolving the name a second time, so DNS rebinding after the check cannot redirect the connection', async () => {
    const server = await serve(html('pinned'));
    let calls = 0;
    // First answer passes the check; any later lookup (e.g. by the HTTP client at connect time) would get a private address.
    const rebinding: Resolver = async () => (calls++ === 0 ? [{ address: '127.0.0.1', family: 4 }] : [{ address: '10.0.0.5', family: 4 }]);
    const result = await fetchPage(`http://rebind.test:${server.port}/`, { allowPrivateAddresses: onlyTestServer, lookup: rebinding });
    expect(result).toMatchObject({ ok: true, value: { text: 'pinned' } });
    expect(calls).toBe(1);
  });

  it('through redirects, resolving relative locations and listing every hop', async () => {
    const server = await serve((request, response) => {
      if (request.url === '/start') response.writeHead(301, { Location: '/middle?x=1' }).end();
      else if (request.url === '/middle?x=1') response.writeHead(307, { Location: `http://localhost.test:${(request.socket.localPort ?? 0).toString()}/end` }).end();
      else html('the end')(request, response);
    });
    const result = await fetchPage(`${server.origin}/start`, { allowPrivateAddresses: onlyTestServer, lookup: fakeDns({ 'localhost.test': ['127.0.0.1'] }) });
    expect(result).toMatchObject({
      ok: true,
      value: { url: `http://localhost.test:${server.port}/end`, text: 'the end', redirects: [`${server.origin}/middle?x=1`, `http://localhost.test:${server.port}/end`] },
    });
  });

  it('a gzip-compressed body, decompressed', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html', 'Content-Encoding': 'gzip' });
      response.end(gzipSync('<p>squeezed</p>'));
    });
    expect(await fetchPage(server.origin, { allowPrivateAddresses: true })).toMatchObject({ ok: true, value: { text: '<p>squeezed</p>' } });
  });

  it('plain text, and decodes windows-1252 named only in a <meta> tag', async () => {
    const page = readFileSync(fileURLToPath(new URL('../../fixtures/pages/windows-1252.html', import.meta.url)));
    const server = await serve((request, response) => {
      if (request.url === '/notes.txt') html('plain words', 'text/plain')(request, response);
      else {
        response.writeHead(200, { 'Content-Type': 'text/html' });
        response.end(page);
      }
    });
    expect(await fetchPage(`${server.origin}/notes.txt`, { allowPrivateAddresses: true })).toMatchObject({ ok: true, value: { contentType: 'text/plain', text: 'plain words' } });
    const result = await fetchPage(`${server.origin}/cafe`, { allowPrivateAddresses: true });
    expect(result).toMatchObject({ ok: true, value: { charset: 'windows-1252' } });
    if (result.ok) expect(result.value.text).toContain('“C’est le cœur du quartier qui bat de nouveau”');
  });
});

describe('fetchPage refuses private addresses', () => {
  it('by default, even for the local test server, without sending it a request', async () => {
    const server = await serve(html('secret'));
    const error = failed(await fetchPage(`${server.origin}/admin`));
    expect(error).toMatchObject({ code: 'private-address', url: `${server.origin}/admin` });
    expect(error.message).toContain('127.0.0.1');
    expect(error.message).toContain('loopback');
    expect(server.hits).toEqual([]);
  });

  it('for literal IPs in every notation URL normalizes, without any DNS lookup', async () => {
    const dnsAnswers = fakeDns({});
    const literals: Record<string, string> = {
      'http://2130706433/': '127.0.0.1',
      'http://0x7f.1/': '127.0.0.1',
      'http://0177.0.0.1/': '127.0.0.1',
      'http://127.1/': '127.0.0.1',
      'http://0/': '0.0.0.0',
      'http://[::1]:8080/': '::1',
      'http://[::]/': '::',
      'http://[::ffff:127.0.0.1]/': '::ffff:7f00:1',
      'http://[0:0:0:0:0:ffff:a9fe:a9fe]/': '::ffff:a9fe:a9fe',
      'http://[::127.0.0.1]/': '::7f00:1',
      'http://169.254.169.254/latest/meta-data/': '169.254.169.254',
      'http://0xA9.0xFE.0xA9.0xFE/': '169.254.169.254',
      'http://10.1.2.3/': '10.1.2.3',
      'http://172.16.0.1/': '172.16.0.1',
      'http://192.168.1.1/': '192.168.1.1',
      'http://100.64.0.1/': '100.64.0.1',
      'http://224.0.0.251/': '224.0.0.251',
      'http://255.255.255.255/': '255.255.255.255',
      'http://240.0.0.1/': '240.0.0.1',
      'https://[fe80::1]/': 'fe80::1',
      'https://[fc00::1]/': 'fc00::1',
      'https://[fd12:3456::1]/': 'fd12:3456::1',
      'http://[ff02::1]/': 'ff02::1',
      'http://[64:ff9b::7f00:1]/': '64:ff9b::7f00:1',
    };
    for (const [url, address] of Object.entries(literals)) {
      const error = failed(await fetchPage(url, { lookup: dnsAnswers }));
      expect(error.code, url).toBe('private-address');
      expect(error.message, url).toContain(address);
    }
    expect(dnsAnswers.calls).toEqual([]);
  });

  it('for names that resolve to private, link-local, loopback or IPv4-mapped loopback addresses', async () => {
    const answers: Record<string, string[]> = {
      'intranet.example.com': ['10.0.0.5'],
      'metadata.example.com': ['169.254.169.254'],
      'six.example.com': ['::1'],
      'mapped.example.com': ['::ffff:127.0.0.1'],
      'ula.example.com': ['fd00::1'],
      'cgnat.example.com': ['100.100.100.100'],
    };
    const lookup = fakeDns(answers);
    for (const [host, [address]] of Object.entries(answers)) {
      const error = failed(await fetchPage(`https://${host}/story`, { lookup }));
      expect(error.code, host).toBe('private-address');
      expect(error.message, host).toContain(`${host} resolves to ${address}`);
    }
  });

  it('when ANY of a name\'s addresses is private, not just the first', async () => {
    const error = failed(await fetchPage('https://mixed.example.com/', { lookup: fakeDns({ 'mixed.example.com': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c', '10.0.0.5'] }) }));
    expect(error).toMatchObject({ code: 'private-address' });
    expect(error.message).toContain('10.0.0.5');
  });

  it('for localhost through the real resolver', async () => {
    expect(failed(await fetchPage('http://localhost:9/'))).toMatchObject({ code: 'private-address' });
  });

  it('on a redirect from an allowed host to a private one, re-checking every hop from scratch', async () => {
    const targets: Record<string, string> = {
      '/to-other-loopback': 'http://127.0.0.2:8080/',
      '/to-private-name': 'http://internal.corp.test/admin',
      '/to-metadata': 'http://169.254.169.254/latest/meta-data/iam/',
      '/to-mapped': 'http://[::ffff:10.0.0.1]/',
    };
    const server = await serve((request, response) => {
      response.writeHead(302, { Location: targets[request.url ?? ''] ?? '/' }).end();
    });
    const lookup = fakeDns({ 'internal.corp.test': ['10.0.0.5'] });
    for (const [path, target] of Object.entries(targets)) {
      const error = failed(await fetchPage(`${server.origin}${path}`, { allowPrivateAddresses: onlyTestServer, lookup }));
      expect(error, path).toMatchObject({ code: 'private-address', url: new URL(target).href });
    }
    expect(server.hits).toEqual(Object.keys(targets));
  });

  it('on a redirect to a non-http scheme or to credentials', async () => {
    const server = await serve((request, response) => {
      const location = request.url === '/file' ? 'file:///etc/passwd' : 'http://admin:hunter2@example.com/';
      response.writeHead(302, { Location: location }).end();
    });
    expect(failed(await fetchPage(`${server.origin}/file`, { allowPrivateAddresses: true }))).toMatchObject({ code: 'unsupported-scheme', url: 'file:///etc/passwd' });
    const credentials = failed(await fetchPage(`${server.origin}/creds`, { allowPrivateAddresses: true }));
    expect(credentials.code).toBe('invalid-url');
    expect(credentials.message).not.toContain('hunter2');
  });
});

describe('fetchPage limits', () => {
  it('gives up after maxRedirects redirects', async () => {
    const server = await serve((request, response) => {
      const n = Number(request.url?.slice(1) ?? 0);
      if (n >= 6) html('finally')(request, response);
      else response.writeHead(302, { Location: `/${n + 1}` }).end();
    });
    const allow = { allowPrivateAddresses: true };
    expect(failed(await fetchPage(`${server.origin}/0`, allow))).toMatchObject({ code: 'too-many-redirects' });
    expect(await fetchPage(`${server.origin}/1`, allow)).toMatchObject({ ok: true, value: { text: 'finally', redirects: expect.any(Array) } });
    const error = failed(await fetchPage(`${server.origin}/0`, { ...allow, maxRedirects: 2 }));
    expect(error.code).toBe('too-many-redirects');
    expect(error.message).toContain('more than 2 times');
  });

  it('aborts a streamed body (no Content-Length) once it passes maxBytes', async () => {
    let written = 0;
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html' });
      const chunk = Buffer.alloc(16 * 1024, 'a');
      // Writes until the client hangs up: if the fetcher did not abort, the test would time out.
      const pump = () => {
        while (!response.destroyed && written < 256 * 1024 * 1024) {
          written += chunk.length;
          if (!response.write(chunk)) return void response.once('drain', pump);
        }
      };
      response.on('close', () => response.removeAllListeners('drain'));
      pump();
    });
    const error = failed(await fetchPage(server.origin, { allowPrivateAddresses: true, maxBytes: 100_000 }));
    expect(error.code).toBe('too-large');
    expect(error.message).toContain('100000');
    expect(written).toBeLessThan(64 * 1024 * 1024);
  });

  it('refuses a declared Content-Length over the limit before reading the body', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html', 'Content-Length': String(3 * 1024 * 1024) });
      response.flushHeaders(); // and never send the body
    });
    const error = failed(await fetchPage(server.origin, { allowPrivateAddresses: true, timeoutMs: 5_000 }));
    expect(error.code).toBe('too-large');
    expect(error.message).toContain(String(3 * 1024 * 1024));
  });

  it('times out on a server that never answers, and on one that stalls mid-body', async () => {
    const silent = await serve(() => {});
    const started = Date.now();
    expect(failed(await fetchPage(silent.origin, { allowPrivateAddresses: true, timeoutMs: 150 }))).toMatchObject({ code: 'timeout' });
    expect(Date.now() - started).toBeLessThan(2_000);

    const stalling = await serve((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html' });
      response.write('<p>the first half');
    });
    expect(failed(await fetchPage(stalling.origin, { allowPrivateAddresses: true, timeoutMs: 150 }))).toMatchObject({ code: 'timeout' });
  });

  it('times out on a DNS lookup that never finishes', async () => {
    const hanging: Resolver = () => new Promise(() => {});
    expect(failed(await fetchPage('https://slow-dns.example.com/', { lookup: hanging, timeoutMs: 100 }))).toMatchObject({ code: 'timeout' });
  });

  it('rejects nonsense limits as a programming error', async () => {
    await expect(fetchPage('https://example.com/', { maxBytes: -1 })).rejects.toThrow();
  });
});

describe('fetchPage reports', () => {
  it('content types other than HTML and plain text', async () => {
    const server = await serve((request, response) => {
      if (request.url === '/none') {
        response.removeHeader('Content-Type');
        response.writeHead(200).end('??');
      } else html('%PDF-1.7', 'application/pdf')(request, response);
    });
    const pdf = failed(await fetchPage(`${server.origin}/paper.pdf`, { allowPrivateAddresses: true }));
    expect(pdf).toMatchObject({ code: 'unsupported-content-type' });
    expect(pdf.message).toContain('application/pdf');
    expect(failed(await fetchPage(`${server.origin}/none`, { allowPrivateAddresses: true })).message).toContain('no Content-Type');
  });

  it('HTTP error statuses with the status', async () => {
    const server = await serve((_request, response) => response.writeHead(404, 'Not Found', { 'Content-Type': 'text/html' }).end('<h1>Not found</h1>'));
    const error = failed(await fetchPage(`${server.origin}/gone`, { allowPrivateAddresses: true }));
    expect(error).toMatchObject({ code: 'http-status', status: 404, url: `${server.origin}/gone` });
    expect(error.message).toContain('404');
  });

  it('DNS failures and connection failures', async () => {
    expect(failed(await fetchPage('https://no-such-host.example.com/', { lookup: fakeDns({}) }))).toMatchObject({ code: 'dns-failed' });
    expect(failed(await fetchPage('https://empty.example.com/', { lookup: fakeDns({ 'empty.example.com': [] }) }))).toMatchObject({ code: 'dns-failed' });
    const closed = await serve(() => {});
    await closed.close();
    expect(failed(await fetchPage(closed.origin, { allowPrivateAddresses: true }))).toMatchObject({ code: 'network' });
  });

  it('invalid URLs and unsupported schemes, naming the offending value', async () => {
    const cases: [string, FetchError['code'], string][] = [
      ['ftp://example.com/file.html', 'unsupported-scheme', 'ftp'],
      ['file:///etc/passwd', 'unsupported-scheme', 'file'],
      ['javascript:alert(1)', 'unsupported-scheme', 'javascript'],
      ['data:text/html,<p>hi</p>', 'unsupported-scheme', 'data'],
      ['not a url', 'invalid-url', 'not a url'],
      ['/relative/path', 'invalid-url', '/relative/path'],
      ['http://', 'invalid-url', 'http://'],
      ['http://example.com:99999/', 'invalid-url', '99999'],
      ['http://user:secret@example.com/', 'invalid-url', 'user'],
      ['https://:secret@example.com/', 'invalid-url', 'example.com'],
    ];
    const lookup = vi.fn(fakeDns({}));
    for (const [url, code, mention] of cases) {
      const error = failed(await fetchPage(url, { lookup }));
      expect(error.code, url).toBe(code);
      expect(error.message, url).toContain(mention);
      expect(error.message, url).not.toContain('secret');
    }
    expect(lookup).not.toHaveBeenCalled();
  });
});

describe('isPublicAddress', () => {
  it('passes ordinary public unicast addresses, IPv4-mapped ones included', () => {
    for (const address of ['93.184.215.14', '8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '2a00:1450:4001:80b::200e', '::ffff:8.8.8.8']) {
      expect(isPublicAddress(address), address).toBe(true);
    }
  });

  it('refuses every special-purpose range, and anything that is not an IP', () => {
    for (const address of [
      '127.0.0.1', '127.255.0.9', '10.0.0.5', '172.16.0.1', '172.31.255.255', '192.168.0.1', '169.254.169.254', '0.0.0.0', '100.64.0.1',
      '100.127.255.254', '224.0.0.1', '239.255.255.250', '255.255.255.255', '240.0.0.1', '192.0.2.1', '198.51.100.7', '203.0.113.9', '198.18.0.1',
      '::', '::1', 'fe80::1', 'fe80::1%eth0', 'fc00::1', 'fd00::1', 'ff02::1', '::ffff:127.0.0.1', '::ffff:10.0.0.5', '::ffff:169.254.169.254',
      '::7f00:1', '64:ff9b::a00:5', '2001:db8::1', '2002:7f00:1::1', 'example.com', '127.1', '2130706433', '',
    ]) {
      expect(isPublicAddress(address), address).toBe(false);
    }
  });
});
