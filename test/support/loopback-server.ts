import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';

export type LoopbackServer = {
  readonly port: number;
  readonly origin: string;
  readonly hits: string[];
  /** Closes it now (to test a refused connection); closing again after the test is harmless. */
  readonly close: () => Promise<void>;
};

const closeNow = (server: http.Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve()); // an error here only says it was closed already
  });

/**
 * HTTP servers on 127.0.0.1 (random port) for one test each: every request path is recorded in
 * `hits`, and the servers are closed, open connections and all, after each test.
 */
export function perTestServers(): (handler: http.RequestListener) => Promise<LoopbackServer> {
  const servers: http.Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map(closeNow));
  });
  return async (handler) => {
    const hits: string[] = [];
    const server = http.createServer((request, response) => {
      hits.push(request.url ?? '');
      handler(request, response);
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return { port, origin: `http://127.0.0.1:${port}`, hits, close: () => closeNow(server) };
  };
}
