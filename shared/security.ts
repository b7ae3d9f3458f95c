/**
 * The Content-Security-Policy of every Keyplan page, in Electron and in the browser preview:
 * only our own scripts, no eval, no remote anything. Inline styles are allowed because React Flow
 * and ECharts position elements with style attributes.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
