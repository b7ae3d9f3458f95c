/**
 * Which pages may talk to the backend. Pure: no Electron here, so the rules are unit-tested.
 *
 * The packaged renderer is served from `app://keyplan/` (see protocol.ts), never from file://: a
 * custom standard scheme gives the page a real, stable origin we can name in an allowlist, whereas
 * every file:// page shares one opaque origin with every other file on the disk.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'keyplan';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * `scheme://host[:port]` of a URL, or null when it has none we could trust.
 *
 * Written out by hand because WHATWG `URL.origin` is the string "null" for schemes Node does not
 * know as special (such as app:), which would make every custom-scheme URL look alike.
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!parsed.host || parsed.username || parsed.password) return null;
  return `${parsed.protocol}//${parsed.host}`;
}

/** Whether a frame at `url` may call the backend: its origin must be exactly one of `allowed`. */
export function isAllowedSender(url: string, allowedOrigins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== null && allowedOrigins.includes(origin);
}

/**
 * The Vite dev server to load instead of the built renderer, or null. Only an unpackaged app
 * honours ELECTRON_RENDERER_URL, and only on a loopback address: otherwise one environment
 * variable could point the window, preload bridge and all, at any page on the internet.
 */
export function devServerUrl(env: Record<string, string | undefined>, isPackaged: boolean): URL | null {
  const raw = env.ELECTRON_RENDERER_URL?.trim();
  if (isPackaged || !raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return LOOPBACK_HOSTS.has(url.hostname) ? url : null;
}

/** The origins whose pages are ours: the dev server in development, app://keyplan otherwise. */
export function allowedOrigins(devServer: URL | null): readonly string[] {
  return devServer ? [`${devServer.protocol}//${devServer.host}`] : [APP_ORIGIN];
}
