/**
 * The Content-Security-Policy header the shell puts on every page it loads. Pure, unit-tested.
 */
import { CONTENT_SECURITY_POLICY } from '../../shared/security';

type Headers = Record<string, string | string[]>;

/**
 * The policy for a window. Production is exactly the shared policy. The Vite dev server needs two
 * holes: @vitejs/plugin-react injects its Fast Refresh preamble as an inline module script, and
 * hot reload talks over a WebSocket to the dev server.
 */
export function contentSecurityPolicy(devServer: URL | null): string {
  if (!devServer) return CONTENT_SECURITY_POLICY;
  const ws = `${devServer.protocol === 'https:' ? 'wss:' : 'ws:'}//${devServer.host}`;
  return extendPolicy(CONTENT_SECURITY_POLICY, { 'script-src': ["'unsafe-inline'"], 'connect-src': [ws] });
}

/** Adds sources to directives of a policy (adding the directive when it is missing). */
export function extendPolicy(policy: string, extra: Record<string, string[]>): string {
  const directives = policy
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean)
    .map((d) => d.split(/\s+/));
  for (const [name, sources] of Object.entries(extra)) {
    const directive = directives.find((d) => d[0] === name);
    if (directive) directive.push(...sources.filter((s) => !directive.includes(s)));
    else directives.push([name, ...sources]);
  }
  return directives.map((d) => d.join(' ')).join('; ');
}

/**
 * Response headers with our policy as the only CSP. Header names are case-insensitive and a
 * server may already send its own policy; two policies would both apply, so any other is dropped.
 */
export function withContentSecurityPolicy(headers: Headers | undefined, policy: string): Headers {
  const out: Headers = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (!/^content-security-policy(-report-only)?$/i.test(name)) out[name] = value;
  }
  out['Content-Security-Policy'] = [policy];
  return out;
}
