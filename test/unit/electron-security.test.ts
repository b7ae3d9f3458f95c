import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assetFile, contentType } from '../../electron/main/assets';
import { contentSecurityPolicy, extendPolicy, withContentSecurityPolicy } from '../../electron/main/csp';
import { externalLink } from '../../electron/main/links';
import { allowedOrigins, APP_ENTRY_URL, APP_ORIGIN, devServerUrl, isAllowedSender, originOf } from '../../electron/main/origins';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';

describe('isAllowedSender', () => {
  const prod = allowedOrigins(null);
  const devServer = new URL('http://localhost:5173/');
  const dev = allowedOrigins(devServer);

  it('allows the app origin in a packaged or built app', () => {
    expect(prod).toEqual(['app://keyplan']);
    expect(isAllowedSender(APP_ENTRY_URL, prod)).toBe(true);
    expect(isAllowedSender('app://keyplan/', prod)).toBe(true);
    expect(isAllowedSender('app://keyplan/index.html#/accounts?q=1', prod)).toBe(true);
  });

  it.each([
    ['file', 'file:///C:/Users/x/out/renderer/index.html'],
    ['file (posix)', 'file:///home/x/out/renderer/index.html'],
    ['another host on our scheme', 'app://other/index.html'],
    ['a host that only starts like ours', 'app://keyplan.evil/index.html'],
    ['credentials in front of our host', 'app://user@keyplan/index.html'],
    ['a web page', 'http://evil.example/'],
    ['a secure web page', 'https://evil.example/'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,<script>1</script>'],
    ['about:blank', 'about:blank'],
    ['an empty url', ''],
    ['a malformed url', 'app//keyplan'],
    ['a relative url', '/index.html'],
    ['the dev server, outside dev', 'http://localhost:5173/'],
  ])('rejects %s', (_name, url) => {
    expect(isAllowedSender(url, prod)).toBe(false);
  });

  it('allows the dev server only in dev, and only its exact origin', () => {
    expect(isAllowedSender('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isAllowedSender('http://localhost:5174/', dev)).toBe(false);
    expect(isAllowedSender('http://127.0.0.1:5173/', dev)).toBe(false);
    expect(isAllowedSender('https://localhost:5173/', dev)).toBe(false);
    expect(isAllowedSender(APP_ENTRY_URL, dev)).toBe(false);
  });

  it('never treats an opaque origin as a match', () => {
    // WHATWG gives non-special schemes the origin "null"; a list holding "null" must not match them.
    expect(originOf('app://keyplan/x')).toBe(APP_ORIGIN);
    expect(originOf('javascript:alert(1)')).toBeNull();
    expect(isAllowedSender('javascript:alert(1)', ['null'])).toBe(false);
  });
});

describe('devServerUrl', () => {
  it('honours ELECTRON_RENDERER_URL only when unpackaged and on loopback', () => {
    expect(devServerUrl({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, false)?.href).toBe('http://localhost:5173/');
    expect(devServerUrl({ ELECTRON_RENDERER_URL: 'http://127.0.0.1:5173' }, false)).not.toBeNull();
    expect(devServerUrl({ ELECTRON_RENDERER_URL: 'http://[::1]:5173' }, false)).not.toBeNull();
    expect(devServerUrl({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, true)).toBeNull();
    expect(devServerUrl({ ELECTRON_RENDERER_URL: 'https://evil.example' }, false)).toBeNull();
    expect(devServerUrl({ ELECTRON_RENDERER_URL: 'file:///tmp/index.html' }, false)).toBeNull();
    expect(devServerUrl({ ELECTRON_RENDERER_URL: 'not a url' }, false)).toBeNull();
    expect(devServerUrl({}, false)).toBeNull();
  });
});

describe('externalLink', () => {
  it('passes plain web links, normalised', () => {
    expect(externalLink('https://example.com/a?b=1#c')).toBe('https://example.com/a?b=1#c');
    expect(externalLink('http://EXAMPLE.com')).toBe('http://example.com/');
  });

  it.each([
    'file:///etc/passwd',
    'file://server/share/x.exe',
    'javascript:alert(1)',
    'data:text/html,hi',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'mailto:a@example.com',
    'app://keyplan/index.html',
    'https://user:pw@example.com/',
    'https://bank.example@evil.example/',
    'http://',
    '',
    'example.com',
  ])('refuses %s', (url) => {
    expect(externalLink(url)).toBeNull();
  });
});

describe('content security policy', () => {
  it('is exactly the shared policy outside dev', () => {
    expect(contentSecurityPolicy(null)).toBe(CONTENT_SECURITY_POLICY);
  });

  it('opens only inline scripts and the HMR socket for the dev server', () => {
    const dev = contentSecurityPolicy(new URL('http://localhost:5173'));
    expect(dev).toContain("script-src 'self' 'unsafe-inline'");
    expect(dev).toContain("connect-src 'self' ws://localhost:5173");
    expect(dev).toContain("object-src 'none'");
    expect(dev).not.toContain('unsafe-eval');
  });

  it('extends directives without duplicates and adds missing ones', () => {
    expect(extendPolicy("default-src 'self'; img-src 'self'", { 'img-src': ["'self'", 'data:'], 'worker-src': ["'none'"] })).toBe(
      "default-src 'self'; img-src 'self' data:; worker-src 'none'",
    );
  });

  it('replaces any policy a server sent, whatever its case, and keeps other headers', () => {
    const headers = withContentSecurityPolicy(
      { 'content-security-policy': ['default-src *'], 'Content-Security-Policy-Report-Only': ['x'], 'Content-Type': ['text/html'] },
      'default-src none',
    );
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': ['default-src none'] });
    expect(withContentSecurityPolicy(undefined, 'p')).toEqual({ 'Content-Security-Policy': ['p'] });
  });
});

describe('app:// assets', () => {
  const root = path.resolve('/srv/keyplan/out/renderer');

  it('maps app://keyplan/ paths into the renderer folder', () => {
    expect(assetFile(root, 'app://keyplan/')).toBe(path.join(root, 'index.html'));
    expect(assetFile(root, 'app://keyplan/index.html')).toBe(path.join(root, 'index.html'));
    expect(assetFile(root, 'app://keyplan/assets/index-1.js?v=2#x')).toBe(path.join(root, 'assets', 'index-1.js'));
    expect(assetFile(root, 'app://keyplan/fonts/Noto%20Sans.woff2')).toBe(path.join(root, 'fonts', 'Noto Sans.woff2'));
  });

  it.each(['app://other/index.html', 'app://keyplan/%E0%A4%A', 'app://keyplan/index.html%00.png', 'not a url'])('refuses %s', (url) => {
    expect(assetFile(root, url)).toBeNull();
  });

  it.each([
    'app://keyplan/../../secret.txt',
    'app://keyplan/%2e%2e/%2e%2e/secret.txt',
    'app://keyplan/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://keyplan/..%5c..%5c..%5csecret.txt',
    'app://keyplan/assets/..%2f..%2f..%2f..%2fetc%2fpasswd',
  ])('never leaves the renderer folder for %s', (url) => {
    const file = assetFile(root, url);
    if (file !== null) expect(file.startsWith(root + path.sep)).toBe(true);
  });

  it('names content types strictly enough for module scripts', () => {
    expect(contentType('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentType('/x/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentType('/x/a.css')).toBe('text/css; charset=utf-8');
    expect(contentType('/x/a.woff2')).toBe('font/woff2');
    expect(contentType('/x/a.unknown')).toBe('application/octet-stream');
  });
});
