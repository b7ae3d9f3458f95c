/**
 * Serves the built renderer from app://keyplan/ instead of file://. See origins.ts for why.
 */
import { protocol, type Session } from 'electron';
import fs from 'node:fs/promises';
import { assetFile, contentType } from './assets';
import { APP_SCHEME } from './origins';

/**
 * Must run before the app is ready. `standard` gives the scheme real origins and relative URLs,
 * `secure` makes it a secure context like https; the rest let the page's module scripts, fetch and
 * code cache work as they do over http.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
    },
  ]);
}

/** Answers app://keyplan/… from `rootDir` (out/renderer) with our security headers. */
export function serveRenderer(session: Session, rootDir: string, policy: string): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
    const file = assetFile(rootDir, request.url);
    if (!file) return new Response(null, { status: 404 });
    let body: Buffer;
    try {
      body = await fs.readFile(file);
    } catch {
      return new Response(null, { status: 404 });
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      headers: {
        'content-type': contentType(file),
        'content-security-policy': policy,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-cache',
      },
    });
  });
}
