/**
 * Which links leave the app for the system browser. Pure, so it is unit-tested.
 *
 * shell.openExternal hands its argument to the operating system, which will happily run
 * `file:`, `smb:`, `ms-msdt:` or any registered handler; only plain web links may go there.
 */
const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:']);

/** The normalised URL to open in the browser, or null when `url` must not be opened at all. */
export function externalLink(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!EXTERNAL_PROTOCOLS.has(parsed.protocol) || !parsed.hostname) return null;
  // user:password@host links are a phishing device (https://bank.com@evil.example/).
  if (parsed.username || parsed.password) return null;
  return parsed.href;
}
