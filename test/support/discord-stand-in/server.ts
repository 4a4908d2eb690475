/**
 * The node:http server (127.0.0.1 only) that carries both the REST API and the
 * gateway WebSocket upgrade, plus the CDN-like attachment route.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { StandInState } from './state.ts';

export interface HttpHandlers {
  request: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  upgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => void;
}

export interface HttpServerHandle {
  server: Server;
  port: number;
  baseUrl: string;
  setHandlers(handlers: HttpHandlers): void;
  close(): Promise<void>;
}

export async function startHttpServer(port = 0): Promise<HttpServerHandle> {
  let handlers: HttpHandlers | null = null;
  const server = createServer((req, res) => {
    if (!handlers) {
      res.writeHead(503).end();
      return;
    }
    handlers.request(req, res).catch((error: unknown) => {
      console.error('[discord stand-in] request failed:', error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: '500: Internal Server Error', code: 0 }));
    });
  });
  server.on('upgrade', (req, socket, head) => {
    if (!handlers) {
      socket.destroy();
      return;
    }
    handlers.upgrade(req, socket, head);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = (server.address() as AddressInfo).port;
  return {
    server,
    port: actualPort,
    baseUrl: `http://127.0.0.1:${actualPort}`,
    setHandlers(next) {
      handlers = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // discord.js's undici agent keeps connections alive; don't wait for them.
        server.closeAllConnections();
      }),
  };
}

/** GET/HEAD /attachments/:channel/:id/:filename for attachments registered in the state. */
export function cdnHandler(state: StandInState) {
  return (method: string, path: string): { status: number; headers: Record<string, string>; data: Buffer } | null => {
    const match = /^\/attachments\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(path);
    if (!match) return null;
    if (method !== 'GET' && method !== 'HEAD') {
      return { status: 405, headers: { 'content-type': 'text/plain' }, data: Buffer.from('Method Not Allowed') };
    }
    const stored = state.attachments.get(match[2] ?? '');
    if (!stored || stored.channelId !== match[1] || encodeURIComponent(stored.attachment.filename) !== match[3]) {
      return { status: 404, headers: { 'content-type': 'text/plain' }, data: Buffer.from('Not Found') };
    }
    return {
      status: 200,
      headers: {
        'content-type': stored.attachment.content_type ?? 'application/octet-stream',
        'content-length': String(stored.data.length),
        'cache-control': 'public, max-age=31536000',
      },
      data: stored.data,
    };
  };
}
