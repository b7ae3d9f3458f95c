/**
 * The HTTP bridge: the handler table on 127.0.0.1 for the browser preview and E2E. Requests go
 * through node:http so the Host header can be set freely.
 */
import fs from 'node:fs';
import http from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';
import type { Backend } from '../../electron/backend/backend';
import { MAX_BODY_BYTES, startWebServer, tokenCookieName, type WebServer } from '../../electron/backend/web/server';
import { accountNames, useTestEnv } from './helpers';

const env = useTestEnv();
const TOKEN = 'test-token-0123456789';
let backend: Backend;
let server: WebServer;

interface Res {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(
  reqPath: string,
  opts: { method?: string; host?: string; token?: string | null; body?: string | Buffer; headers?: Record<string, string> } = {},
): Promise<Res> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { host: opts.host ?? `127.0.0.1:${server.port}`, ...opts.headers };
    if (opts.token !== null) headers['x-keyplan-token'] = opts.token ?? TOKEN;
    const req = http.request({ host: '127.0.0.1', port: server.port, path: reqPath, method: opts.method ?? 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const invoke = (method: string, args: unknown, opts: Parameters<typeof request>[1] = {}) =>
  request(`/api/invoke/${method}`, { method: 'POST', body: args === undefined ? '' : JSON.stringify(args), ...opts });

beforeEach(async () => {
  fs.mkdirSync(env.file('static', 'assets'), { recursive: true });
  fs.writeFileSync(env.file('static', 'index.html'), '<!doctype html><title>Keyplan</title>');
  fs.writeFileSync(env.file('static', 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(env.file('outside-secret.txt'), 'SECRET');
  backend = env.backend();
  server = await startWebServer({ backend, staticDir: env.file('static'), port: 0, token: TOKEN });
});

afterEach(async () => {
  await server.close();
});

describe('access control', () => {
  it('listens on 127.0.0.1 and reports a URL with the token', () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${TOKEN}`);
    expect(server.token).toBe(TOKEN);
  });

  it('a random token is generated when none is given', async () => {
    const other = await startWebServer({ backend, staticDir: env.file('static'), port: 0 });
    try {
      expect(other.token.length).toBeGreaterThanOrEqual(24);
      expect(other.token).not.toBe(TOKEN);
    } finally {
      await other.close();
    }
  });

  it('refuses API requests without the token, or with a wrong one: 401 with a forbidden reply', async () => {
    for (const token of [null, '', 'wrong', `${TOKEN}x`, TOKEN.slice(0, -1)]) {
      const res = await invoke('app-info', {}, { token });
      expect(res.status, String(token)).toBe(401);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(res.body).not.toContain('Keyplan"');
    }
    // the token in the URL no longer opens the API: only the cookie or the header do
    expect((await request(`/api/events?token=${TOKEN}`, { token: null })).status).toBe(401);
    expect((await invoke(`app-info?token=${TOKEN}`, {}, { token: null })).status).toBe(401);
  });

  it('refuses a request from another origin, even with the token (403)', async () => {
    for (const origin of ['http://evil.example', `http://127.0.0.1:${server.port + 1}`, `https://127.0.0.1:${server.port}`, 'null', `http://localhost:${server.port}`]) {
      const res = await invoke('accounts-create', { name: 'From elsewhere' }, { headers: { origin } });
      expect(res.status, origin).toBe(403);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    // the preview's own origin is fine, on either host name it answers to
    expect((await invoke('app-info', {}, { headers: { origin: `http://127.0.0.1:${server.port}` } })).status).toBe(200);
    expect((await invoke('app-info', {}, { host: `localhost:${server.port}`, headers: { origin: `http://localhost:${server.port}` } })).status).toBe(200);
    expect(accountNames(env.file('keyplan.db'))).toEqual([]);
  });

  it('refuses a cross-site (or same-site) request by Sec-Fetch-Site, even with the token (403)', async () => {
    for (const site of ['cross-site', 'same-site']) {
      const res = await invoke('accounts-create', { name: 'Cross' }, { headers: { 'sec-fetch-site': site } });
      expect(res.status, site).toBe(403);
      expect((await request('/api/events', { headers: { 'sec-fetch-site': site } })).status).toBe(403);
    }
    expect(accountNames(env.file('keyplan.db'))).toEqual([]);
    for (const site of ['same-origin', 'none']) {
      expect((await invoke('app-info', {}, { headers: { 'sec-fetch-site': site } })).status, site).toBe(200);
    }
  });

  it('refuses a foreign Host header even with the right token (DNS rebinding)', async () => {
    for (const host of [`evil.example:${server.port}`, 'evil.example', `127.0.0.1:${server.port + 1}`, `127.0.0.1`, `localhost.evil.example:${server.port}`]) {
      expect((await invoke('app-info', {}, { host })).status, host).toBe(403);
      expect((await request('/', { host, token: null })).status, host).toBe(403);
    }
  });

  it('accepts localhost as the host name', async () => {
    const res = await invoke('app-info', {}, { host: `localhost:${server.port}` });
    expect(res.status).toBe(200);
  });

  it('the printed link sets an HttpOnly, SameSite=Strict cookie and redirects to the page without the token', async () => {
    const res = await request(`/?token=${TOKEN}`, { token: null });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    expect(res.headers['cache-control']).toBe('no-store');
    const cookies = res.headers['set-cookie'] ?? [];
    expect(cookies).toHaveLength(1);
    const parts = cookies[0]!.split(';').map((p) => p.trim());
    expect(parts[0]).toBe(`${tokenCookieName(server.port)}=${TOKEN}`);
    expect(parts.slice(1).sort()).toEqual(['HttpOnly', 'Path=/api/', 'SameSite=Strict']);
    // other parameters stay (the language); the redirect never leaves the app's page
    const lang = await request(`/?token=${TOKEN}&lang=en`, { token: null });
    expect(lang.headers.location).toBe('/?lang=en');
    const odd = await request(`/.//evil.example/?token=${TOKEN}`, { token: null });
    expect(odd.status).toBe(303);
    expect(odd.headers.location).toBe('/');
  });

  it('a wrong token in the link sets no cookie, and still leaves the URL', async () => {
    const res = await request('/?token=wrong', { token: null });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('the cookie authenticates API calls and the event stream', async () => {
    const set = (await request(`/?token=${TOKEN}`, { token: null })).headers['set-cookie']![0]!;
    const cookie = set.split(';')[0]!;
    const res = await invoke('accounts-create', { name: '华为技术' }, { token: null, headers: { cookie, origin: `http://127.0.0.1:${server.port}`, 'sec-fetch-site': 'same-origin' } });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { name: '华为技术' } });
    expect(accountNames(env.file('keyplan.db'))).toEqual(['华为技术']);
    // among other cookies too
    expect((await invoke('app-info', {}, { token: null, headers: { cookie: `a=1; ${cookie}; b=2` } })).status).toBe(200);
    // another port's cookie, or a wrong value, is not this preview's
    expect((await invoke('app-info', {}, { token: null, headers: { cookie: `${tokenCookieName(server.port + 1)}=${TOKEN}` } })).status).toBe(401);
    expect((await invoke('app-info', {}, { token: null, headers: { cookie: `${tokenCookieName(server.port)}=wrong` } })).status).toBe(401);
    // the event stream: its head is enough
    const stream = await new Promise<number>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port: server.port, path: '/api/events', headers: { host: `127.0.0.1:${server.port}`, cookie } }, (r) => {
        resolve(r.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', reject);
    });
    expect(stream).toBe(200);
  });

  it('a token with characters a cookie cannot hold still works through the cookie', async () => {
    const odd = 'odd token; with=signs,and "quotes"';
    const other = await startWebServer({ backend, staticDir: env.file('static'), port: 0, token: odd });
    try {
      const host = `127.0.0.1:${other.port}`;
      const res = await new Promise<http.IncomingMessage>((resolve, reject) =>
        http.get({ host: '127.0.0.1', port: other.port, path: `/?token=${encodeURIComponent(odd)}`, headers: { host } }, resolve).on('error', reject),
      );
      res.resume();
      const cookie = res.headers['set-cookie']![0]!.split(';')[0]!;
      const status = await new Promise<number>((resolve, reject) => {
        const req = http.request({ host: '127.0.0.1', port: other.port, path: '/api/invoke/app-info', method: 'POST', headers: { host, cookie } }, (r) => {
          r.resume();
          resolve(r.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end('{}');
      });
      expect(status).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('refused requests change nothing', async () => {
    await invoke('accounts-create', { name: 'Sneaky' }, { token: 'wrong' });
    await invoke('accounts-create', { name: 'Sneaky' }, { host: `evil.example:${server.port}` });
    expect(accountNames(env.file('keyplan.db'))).toEqual([]);
  });
});

describe('API', () => {
  it('POST /api/invoke/app-info answers the reply as JSON', async () => {
    const res = await invoke('app-info', {});
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: expect.objectContaining({ name: 'Keyplan', transport: 'test' }) });
  });

  it('an empty body means no argument', async () => {
    expect(JSON.parse((await invoke('app-info', undefined)).body)).toMatchObject({ ok: true });
  });

  it('writes through the bridge reach the database', async () => {
    const res = JSON.parse((await invoke('accounts-create', { name: '华为技术' })).body);
    expect(res).toMatchObject({ ok: true, value: { id: 1, name: '华为技术' } });
    expect(accountNames(env.file('keyplan.db'))).toEqual(['华为技术']);
    const dup = JSON.parse((await invoke('accounts-create', { name: '华为技术' })).body);
    expect(dup).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('invalid JSON is a 400 with invalid-args', async () => {
    const res = await request('/api/invoke/accounts-create', { method: 'POST', body: '{"name": ' });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    expect(accountNames(env.file('keyplan.db'))).toEqual([]);
  });

  it('JSON the schema rejects is invalid-args from the backend', async () => {
    const res = await invoke('accounts-create', { name: 42 });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
  });

  it('unknown methods, bad method names and GET on invoke answer unknown-method', async () => {
    expect(JSON.parse((await invoke('no-such-method', {})).body)).toMatchObject({ error: { code: 'unknown-method' } });
    const upper = await invoke('APP-INFO', {});
    expect(upper.status).toBe(404);
    expect(JSON.parse(upper.body)).toMatchObject({ error: { code: 'unknown-method' } });
    const get = await request('/api/invoke/app-info');
    expect(get.status).toBe(404);
    expect((await request('/api/other', { method: 'POST' })).status).toBe(404);
  });

  it('a body over the size limit is answered 413 with request-too-large, not a reset connection', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(MAX_BODY_BYTES) });
    const res = await invoke('accounts-create', undefined, { body: big });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'request-too-large', params: { maxMb: MAX_BODY_BYTES / 1024 / 1024 } } });
    expect(accountNames(env.file('keyplan.db'))).toEqual([]);
    // the connection's next request is served as usual
    expect((await invoke('app-info', {})).status).toBe(200);
  });

  it('a body sent without a length (chunked) over the limit is a 413 too', async () => {
    const res = await new Promise<Res>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: server.port, path: '/api/invoke/accounts-create', method: 'POST', headers: { host: `127.0.0.1:${server.port}`, 'x-keyplan-token': TOKEN } },
        (r) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => resolve({ status: r.statusCode ?? 0, headers: r.headers, body: Buffer.concat(chunks).toString('utf8') }));
        },
      );
      req.on('error', reject);
      const piece = Buffer.alloc(1024 * 1024, 0x78);
      req.write('{"name":"');
      for (let i = 0; i <= MAX_BODY_BYTES / piece.length; i++) req.write(piece);
      req.end('"}');
    });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'request-too-large' } });
    expect(accountNames(env.file('keyplan.db'))).toEqual([]);
  });

  it('the size limit takes the largest file an import accepts (base64 in the contract)', async () => {
    // the contract's largest contentBase64; the empty file name makes the handler refuse it at once
    const contentBase64 = 'A'.repeat(64 * 1024 * 1024);
    const res = await invoke('import-preview', { fileName: '', contentBase64, map: { 'Long column name': 'ignore' } });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
  });
});

describe('static files', () => {
  it('serves index.html at / with the content security policy and safe headers', async () => {
    const res = await request('/', { token: null });
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>Keyplan</title>');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it('serves assets with their type; HEAD has no body; a missing file is 404', async () => {
    const js = await request('/assets/app.js', { token: null });
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toMatch(/^text\/javascript/);
    expect(js.body).toBe('console.log(1)');
    const head = await request('/index.html', { method: 'HEAD', token: null });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect((await request('/nope.js', { token: null })).status).toBe(404);
  });

  it('refuses other methods on static paths', async () => {
    expect((await request('/index.html', { method: 'POST', token: null })).status).toBe(403);
    expect((await request('/index.html', { method: 'DELETE', token: null })).status).toBe(403);
  });

  it.each([
    '/../outside-secret.txt',
    '/%2e%2e/outside-secret.txt',
    '/%2E%2E/outside-secret.txt',
    '/assets/../../outside-secret.txt',
    '/..%2foutside-secret.txt',
    '/..%2Foutside-secret.txt',
    '/assets/..%2f..%2foutside-secret.txt',
    '/%2e%2e%2foutside-secret.txt',
    '/..%5coutside-secret.txt',
    '/%00/../outside-secret.txt',
    '//etc/passwd',
    '/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
  ])('refuses the path traversal %s', async (p) => {
    const res = await request(p, { token: null });
    expect([400, 403, 404]).toContain(res.status);
    expect(res.body).not.toContain('SECRET');
    expect(res.body).not.toContain('root:');
  });

  it('a malformed percent-encoding is a client error, not a server error', async () => {
    const res = await request('/%E0%A4%A', { token: null });
    expect(res.status).toBe(400);
  });
});

describe('events', () => {
  it('the event stream opens with the change count the replies carry, then delivers data-changed', async () => {
    await invoke('accounts-create', { name: 'Before the stream' });
    const read = await invoke('accounts-list', {});
    const seqBefore = Number(read.headers['x-keyplan-seq']);
    expect(seqBefore).toBe(1);
    const events: { event: string; data: unknown }[] = [];
    let resolveGot: () => void = () => {};
    const got = new Promise<void>((r) => (resolveGot = r));
    let connected: () => void = () => {};
    const isConnected = new Promise<void>((r) => (connected = r));
    const req = http.get(
      { host: '127.0.0.1', port: server.port, path: '/api/events', headers: { host: `127.0.0.1:${server.port}`, 'x-keyplan-token': TOKEN } },
      (res) => {
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toBe('text/event-stream');
        let buf = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          buf += c;
          let i: number;
          while ((i = buf.indexOf('\n\n')) >= 0) {
            const frame = buf.slice(0, i);
            buf = buf.slice(i + 2);
            const ev = /^event: (.+)$/m.exec(frame)?.[1];
            const data = /^data: (.+)$/m.exec(frame)?.[1];
            if (ev && data) {
              events.push({ event: ev, data: JSON.parse(data) });
              if (ev === 'hello') connected();
              if (ev === 'data-changed') resolveGot();
            }
          }
        });
      },
    );
    try {
      await isConnected;
      expect(events).toEqual([{ event: 'hello', data: { seq: seqBefore } }]);
      await invoke('accounts-create', { name: 'Announced' });
      await got;
      expect(events).toEqual([
        { event: 'hello', data: { seq: seqBefore } },
        { event: 'data-changed', data: { tables: ['accounts'] } },
      ]);
      expect(Number((await invoke('accounts-list', {})).headers['x-keyplan-seq'])).toBe(seqBefore + 1);
    } finally {
      req.destroy();
    }
  });

  it('the event stream forwards export-progress too', async () => {
    const frames: string[] = [];
    let connected: () => void = () => {};
    const isConnected = new Promise<void>((r) => (connected = r));
    let got: () => void = () => {};
    const gotIt = new Promise<void>((r) => (got = r));
    const req = http.get({ host: '127.0.0.1', port: server.port, path: '/api/events', headers: { host: `127.0.0.1:${server.port}`, 'x-keyplan-token': TOKEN } }, (res) => {
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        frames.push(c);
        if (c.includes('event: hello')) connected();
        if (c.includes('event: export-progress')) got();
      });
    });
    try {
      await isConnected;
      backend.emit('export-progress', { jobId: 'j', done: 1, total: 4, stage: 'portfolio' });
      await gotIt;
      expect(frames.join('')).toContain('event: export-progress\ndata: {"jobId":"j","done":1,"total":4,"stage":"portfolio"}');
    } finally {
      req.destroy();
    }
  });

  it('the event stream needs the token and the right host', async () => {
    expect((await request(`/api/events`, { token: null })).status).toBe(401);
    expect((await request(`/api/events`, { host: `evil.example:${server.port}` })).status).toBe(403);
  });

  it('close() ends open event streams and stops listening', async () => {
    let opened: () => void = () => {};
    const isOpen = new Promise<void>((r) => (opened = r));
    const ended = new Promise<void>((resolve) => {
      const req = http.get(
        { host: '127.0.0.1', port: server.port, path: '/api/events', headers: { host: `127.0.0.1:${server.port}`, 'x-keyplan-token': TOKEN } },
        (res) => {
          res.on('data', () => opened());
          res.on('end', () => resolve());
          res.on('close', () => resolve());
        },
      );
      req.on('error', () => resolve());
    });
    await isOpen;
    await server.close();
    await ended;
    await expect(invoke('app-info', {})).rejects.toThrow();
    // afterEach closes again: that must be harmless
    server = { ...server, close: async () => {} };
  });
});
