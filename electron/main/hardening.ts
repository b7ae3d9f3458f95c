/**
 * Session- and page-level defences from the Electron security checklist: a CSP on every response,
 * no permissions, no navigation away from the app, no new windows, no <webview>.
 */
import { app, shell, type Session, type WebContents } from 'electron';
import { withContentSecurityPolicy } from './csp';
import { externalLink } from './links';
import { isAllowedSender } from './origins';

/** Adds the CSP to every response and denies every permission the session could grant. */
export function hardenSession(session: Session, policy: string): void {
  // The app:// handler sets the header itself; this covers the dev server, which sets none.
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, policy) });
  });
  // The workbench needs no camera, notifications, geolocation, USB, clipboard reads… A request
  // handler alone is not enough: permission checks (navigator.permissions, some APIs) are separate.
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/**
 * Applies to every web contents the app ever creates, including ones a future feature adds: pages
 * stay on our origin, links to the web open in the system browser, nothing opens a window.
 */
export function hardenAllWebContents(allowedOrigins: readonly string[]): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, allowedOrigins));
}

function hardenWebContents(contents: WebContents, allowedOrigins: readonly string[]): void {
  // will-frame-navigate also sees navigations inside iframes, which will-navigate does not.
  contents.on('will-frame-navigate', (event) => {
    if (isAllowedSender(event.url, allowedOrigins)) return;
    event.preventDefault();
    if (event.isMainFrame) openInBrowser(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedSender(event.url, allowedOrigins)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openInBrowser(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Opens plain web links in the system browser; anything else is dropped (see links.ts). */
function openInBrowser(url: string): void {
  const link = externalLink(url);
  if (!link) {
    console.warn(`keyplan: blocked opening ${url.slice(0, 200)}`);
    return;
  }
  shell.openExternal(link).catch((e: unknown) => console.warn(`keyplan: could not open ${link}: ${String(e)}`));
}
