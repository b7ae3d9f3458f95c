import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { EVENT_NAMES } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security';
import type { Backend } from '../backend';

export interface WebServerOptions {
  backend: Backend;
  /** The built renderer (out/renderer). */
  staticDir: string;
  port: number;
  /** Fixed token for tests; random per run otherwise. */
  token?: string;
}

export interface WebServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/**
 * The largest request body the bridge reads: an import's file travels as base64 in one call (the
 * contract allows 64 MiB of it, see importSource in shared/api), plus room for the rest of the
 * arguments. A larger body is answered 413 with `request-too-large`, never a reset connection.
 */
export const MAX_BODY_BYTES = 65 * 1024 * 1024;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};
const EVENTS = EVENT_NAMES;

/**
 * The cookie that carries the token. Browsers send a host's cookies to every port of it, so its name
 * has the port (two previews do not overwrite each other's) and its Path is /api/, where the bridge
 * reads it: an ordinary visit to another web server on 127.0.0.1 does not send it there.
 */
export function tokenCookieName(port: number): string {
  return `keyplan-token-${port}`;
}

/**
 * The handler table over HTTP, for the browser preview and the E2E tests. Listens on 127.0.0.1
 * only. Every request must name this host in its Host header (no DNS rebinding). Every API request
 * must come from the preview's own page or from no page at all (`Origin`, when sent, is this
 * origin; `Sec-Fetch-Site`, when sent, is `same-origin` or `none`) and carry the per-run token: in
 * the cookie that opening the printed link sets, or in the header `x-keyplan-token` (scripts,
 * tests). The printed link `/?token=T` sets the cookie and redirects to the same page without the
 * token, so the token leaves the address bar and the history and never reaches the page's script.
 */
export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const token = opts.token ?? crypto.randomBytes(24).toString('base64url');
  const staticDir = path.resolve(opts.staticDir);
  const streams = new Set<http.ServerResponse>();
  let port = 0;
  // Counts the events sent. Replies carry it (x-keyplan-seq) and a new stream opens with it
  // (`hello`), so a page that read something before its stream was connected can tell whether
  // it missed a change in between, and refetch.
  let seq = 0;

  const unsubscribe = EVENTS.map((name) =>
    opts.backend.on(name, (payload) => {
      seq += 1;
      const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const res of streams) res.write(frame);
    }),
  );

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(e instanceof Error ? e.message : 'error');
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return deny(res, 'bad host');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

    if (url.pathname.startsWith('/api/')) {
      const origin = req.headers.origin;
      if (origin !== undefined && origin !== `http://${host}`) return refuse(res, 403, 'foreign origin');
      const site = req.headers['sec-fetch-site'];
      if (site !== undefined && site !== 'same-origin' && site !== 'none') return refuse(res, 403, `${site} request`);
      const header = req.headers['x-keyplan-token'];
      const given = typeof header === 'string' ? header : cookie(req, tokenCookieName(port));
      if (given === undefined || !safeEqual(given, token)) return refuse(res, 401, 'missing or wrong token');
      if (url.pathname === '/api/events' && req.method === 'GET') return openStream(res);
      const m = /^\/api\/invoke\/([a-z0-9-]+)$/.exec(url.pathname);
      if (!m || req.method !== 'POST') return json(res, 404, { ok: false, error: { code: 'unknown-method', message: url.pathname } });
      const body = await readBody(req);
      if (body === TOO_LARGE) {
        const error = new AppError('request-too-large', `The request body is over ${MAX_BODY_BYTES} bytes.`, { maxMb: MAX_BODY_BYTES / 1024 / 1024 });
        return json(res, 413, { ok: false, error: error.toApiError() });
      }
      let args: unknown;
      try {
        args = body.length === 0 ? undefined : JSON.parse(body);
      } catch (e) {
        return json(res, 400, { ok: false, error: { code: 'invalid-args', message: (e as Error).message } });
      }
      const before = seq;
      const reply = await opts.backend.invoke(m[1]!, args);
      res.setHeader('x-keyplan-seq', String(before));
      return json(res, 200, reply);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return deny(res, 'method');
    if (url.searchParams.has('token')) {
      // The printed link: the token goes into a cookie and out of the URL, to the app's one page
      // (never to a path taken from the request: no open redirect). A wrong token sets nothing;
      // the page then shows how to open the preview.
      const given = url.searchParams.get('token') ?? '';
      url.searchParams.delete('token');
      const headers: Record<string, string> = { location: `/${url.search}`, 'cache-control': 'no-store' };
      if (safeEqual(given, token)) headers['set-cookie'] = `${tokenCookieName(port)}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/api/`;
      res.writeHead(303, headers);
      return void res.end();
    }
    let rel: string;
    try {
      rel = url.pathname === '/' ? '/index.html' : decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain' });
      return void res.end('bad request');
    }
    const file = path.resolve(staticDir, `.${rel}`);
    if (!file.startsWith(staticDir + path.sep)) return deny(res, 'path');
    let data: Buffer;
    try {
      data = await fs.promises.readFile(file);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return void res.end('not found');
    }
    const headers: Record<string, string> = {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    };
    if (file.endsWith('.html')) headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : data);
  }

  function openStream(res: http.ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    res.write(`event: hello\ndata: ${JSON.stringify({ seq })}\n\n`);
    streams.add(res);
    res.on('close', () => streams.delete(res));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const off of unsubscribe) off();
        for (const res of streams) res.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function deny(res: http.ServerResponse, why: string): void {
  res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(`forbidden (${why})`);
}

/** An API request refused before it reached the handlers: 401 (no or wrong token) or 403. */
function refuse(res: http.ServerResponse, status: 401 | 403, why: string): void {
  json(res, status, { ok: false, error: { code: 'forbidden', message: `forbidden (${why})` } });
}

/** The value of one cookie of the request (percent-decoded), if sent. */
function cookie(req: http.IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at <= 0 || part.slice(0, at).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(at + 1).trim());
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

const TOO_LARGE = Symbol('too large');

/**
 * The body as text, or TOO_LARGE past MAX_BODY_BYTES. A body that is too large is still read to its
 * end (and dropped) so that the client, still sending, gets the 413 instead of a reset connection.
 */
function readBody(req: http.IncomingMessage): Promise<string | typeof TOO_LARGE> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES;
    req.on('data', (c: Buffer) => {
      if (tooLarge) return;
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        tooLarge = true;
        chunks.length = 0;
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(tooLarge ? TOO_LARGE : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
