/**
 * The typed client. Components call `api('accounts-list', {...})`; whether the call goes through
 * Electron IPC or the preview's HTTP bridge is decided once, here.
 */
import type { Args, EventName, Events, Method, Result } from '../../../shared/api/contract';
import type { KeyplanBridge } from '../../../shared/api/bridge';
import type { ApiError, ErrorCode, Reply } from '../../../shared/api/errors';

declare global {
  interface Window {
    keyplan?: KeyplanBridge;
  }
}

/** A failed reply, thrown by `api`. `code` is translated by the UI (errors.<code>). */
export class ApiFailure extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, string | number>;
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiFailure';
    this.code = error.code;
    this.params = error.params ?? {};
  }
}

const TOKEN_KEY = 'keyplan.token';

/** The preview's token: from `?token=` on first load, kept for the tab's session. */
function previewToken(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpBridge(): KeyplanBridge {
  const token = previewToken();
  return {
    async invoke(method, args) {
      let res: Response;
      try {
        res = await fetch(`/api/invoke/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-keyplan-token': token },
          body: JSON.stringify(args ?? {}),
        });
      } catch (e) {
        return { ok: false, error: { code: 'internal', message: `network: ${(e as Error).message}` } };
      }
      if (res.status === 403) return { ok: false, error: { code: 'forbidden', message: await res.text() } };
      return (await res.json()) as Reply<unknown>;
    },
    on(listener) {
      const source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
      const names: EventName[] = ['db-changed', 'data-changed'];
      const handlers = names.map((name) => {
        const h = (e: MessageEvent<string>) => listener(name, JSON.parse(e.data));
        source.addEventListener(name, h);
        return h;
      });
      return () => {
        names.forEach((name, i) => source.removeEventListener(name, handlers[i]!));
        source.close();
      };
    },
  };
}

let bridge: KeyplanBridge | undefined;
function current(): KeyplanBridge {
  bridge ??= window.keyplan ?? httpBridge();
  return bridge;
}

/** Calls a backend method; resolves with its value or throws an ApiFailure. */
export async function api<M extends Method>(method: M, args: Args<M>): Promise<Result<M>> {
  const reply = await current().invoke(method, args);
  if (!reply.ok) throw new ApiFailure(reply.error);
  return reply.value as Result<M>;
}

/** Subscribes to one backend event; returns the unsubscribe function. */
export function onEvent<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
  return current().on((name, payload) => {
    if (name === event) listener(payload as Events[E]);
  });
}

/** Where the renderer runs: inside the Electron app or in a browser preview. */
export function runtime(): 'electron' | 'web' {
  return window.keyplan ? 'electron' : 'web';
}
