/**
 * The typed client. Components call `api('accounts-list', {...})`; whether the call goes through
 * Electron IPC or the preview's HTTP bridge is decided once, here.
 */
import { EVENT_NAMES, type Args, type EventName, type Events, type Method, type Result, type TableName } from '../../../shared/api/contract';
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

/** In a 'data-changed' event's tables: every table (the client missed what changed). */
export const ALL_TABLES = '*';

/**
 * The events as this client delivers them: the backend's, where a 'data-changed' may also name
 * ALL_TABLES (the client itself says so when it may have missed a change).
 */
export type ClientEvents = Omit<Events, 'data-changed'> & { 'data-changed': { tables: (TableName | typeof ALL_TABLES)[] } };

/**
 * The browser preview's bridge. Its token is a cookie the server set when the printed link was
 * opened (HttpOnly: this script never sees it); every same-origin request carries it.
 */
function httpBridge(): KeyplanBridge {
  const listeners = new Set<(event: string, payload: unknown) => void>();
  let source: EventSource | null = null;
  // The oldest change count a reply was read at while no stream was connected: if the stream's
  // `hello` reports a later count, a change went by unheard and every query refetches.
  let unheardSince: number | null = null;
  const dispatch = (name: string, payload: unknown): void => {
    for (const l of [...listeners]) l(name, payload);
  };
  return {
    async invoke(method, args) {
      let res: Response;
      try {
        res = await fetch(`/api/invoke/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(args ?? {}),
        });
      } catch (e) {
        return { ok: false, error: { code: 'internal', message: `network: ${(e as Error).message}` } };
      }
      // 401: no token (the preview was opened without its link, or restarted); 403: refused.
      if (res.status === 401 || res.status === 403) return { ok: false, error: { code: 'forbidden', message: `HTTP ${res.status}` } };
      const seq = Number(res.headers.get('x-keyplan-seq'));
      if (source?.readyState !== EventSource.OPEN && Number.isFinite(seq)) {
        unheardSince = unheardSince === null ? seq : Math.min(unheardSince, seq);
      }
      try {
        return (await res.json()) as Reply<unknown>;
      } catch {
        return { ok: false, error: { code: 'internal', message: `HTTP ${res.status} without a JSON reply` } };
      }
    },
    // One event stream per window, shared by every subscriber: browsers allow only six
    // connections per host, and each open EventSource holds one for good.
    on(listener) {
      listeners.add(listener);
      if (!source) {
        const stream = new EventSource('/api/events');
        for (const name of EVENT_NAMES) {
          stream.addEventListener(name, (e: MessageEvent<string>) => dispatch(name, JSON.parse(e.data)));
        }
        stream.addEventListener('hello', (e: MessageEvent<string>) => {
          const { seq } = JSON.parse(e.data) as { seq: number };
          if (unheardSince !== null && seq > unheardSince) dispatch('data-changed', { tables: [ALL_TABLES] });
          unheardSince = null;
        });
        source = stream;
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && source) {
          source.close();
          source = null;
        }
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
export function onEvent<E extends EventName>(event: E, listener: (payload: ClientEvents[E]) => void): () => void {
  return current().on((name, payload) => {
    if (name === event) listener(payload as ClientEvents[E]);
  });
}

/** Where the renderer runs: inside the Electron app or in a browser preview. */
export function runtime(): 'electron' | 'web' {
  return window.keyplan ? 'electron' : 'web';
}
