import type { Reply } from './errors';

/**
 * What the Electron preload exposes on `window.keyplan`, and nothing more: one call and one event
 * subscription. The renderer's client wraps it; the browser preview provides the same over HTTP.
 */
export interface KeyplanBridge {
  invoke(method: string, args: unknown): Promise<Reply<unknown>>;
  /** Subscribes to backend events; returns the unsubscribe function. */
  on(listener: (event: string, payload: unknown) => void): () => void;
}

export const IPC_INVOKE = 'keyplan:invoke';
export const IPC_EVENT = 'keyplan:event';
