/**
 * The fake sites for requests page interception never sees: in Firefox, the extension's background
 * page (its fetches of a subscribed configuration file, later its reads of watched queues) runs
 * outside any tab BiDi intercepts. Firefox is pointed at this proxy for every request; it answers
 * from the same `handle()` as the interceptors (HTTPS through CONNECT, decrypted with a
 * certificate made for these tests only and accepted because the session accepts insecure
 * certificates), and refuses everything else, so the suite still never reaches the network.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TLSSocket } from 'node:tls';
import { handle, type FakeSiteData } from '../sites/index';

// Self-signed, for *.example-corp.test, *.atlassian.net, *.zendesk.com and localhost: never trusted
// by anything but a test browser told to accept any certificate.
const KEY = readFileSync(new URL('./tls/fake-sites.key', import.meta.url));
const CERT = readFileSync(new URL('./tls/fake-sites.crt', import.meta.url));

const MOZILLA = /(^|\.)(mozilla\.(com|net|org)|firefox\.com|mozaws\.net)$/;

export interface SiteProxy {
  port: number;
  close(): Promise<void>;
}

async function body(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length > 0 ? Buffer.concat(chunks).toString('utf8') : null;
}

function headersOf(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}

/** Starts the proxy on a free port of 127.0.0.1; `blocked` collects what no fake site served. */
export async function startSiteProxy(sites: FakeSiteData, blocked: string[]): Promise<SiteProxy> {
  const answer = (url: URL) => async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const headers = headersOf(req);
      const response = handle(sites, { method: req.method ?? 'GET', url, body: await body(req), cookie: headers['cookie'] ?? null, headers });
      if (!response) {
        // Firefox's own housekeeping (remote settings and the like) is refused too, but it is the
        // browser's, not the extension's: not what a test asks about.
        if (!MOZILLA.test(url.hostname)) blocked.push(url.href);
        res.writeHead(502).end();
        return;
      }
      res.writeHead(response.status, { 'Content-Type': response.contentType, ...response.headers }).end(response.body);
    } catch (error) {
      blocked.push(`${url.href} (fake site failed: ${error instanceof Error ? error.message : String(error)})`);
      res.writeHead(500).end();
    }
  };

  // Requests that arrive decrypted from a CONNECT tunnel carry only a path: the host is the header's.
  const tunnelled = createServer((req, res) => void answer(new URL(req.url ?? '/', `https://${req.headers.host ?? 'unknown.invalid'}`))(req, res));
  // A plain-HTTP proxy request carries the whole URL.
  const proxy = createServer((req, res) => void answer(new URL(req.url ?? '/'))(req, res));
  proxy.on('connect', (req, socket) => {
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    const tls = new TLSSocket(socket, { isServer: true, key: KEY, cert: CERT });
    tls.on('error', () => socket.destroy());
    tunnelled.emit('connection', tls);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    port: (proxy.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        proxy.closeAllConnections();
        tunnelled.closeAllConnections();
        proxy.close(() => resolve());
      }),
  };
}
