/**
 * The one IPC channel. The renderer's whole API is `invoke(method, args)`; the backend validates
 * method and arguments, so this file only decides who may ask.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { IPC_EVENT, IPC_INVOKE } from '../../shared/api/bridge';
import { EVENT_NAMES } from '../../shared/api/contract';
import type { Reply } from '../../shared/api/errors';
import type { Backend } from '../backend/backend';
import { isAllowedSender } from './origins';

const EVENTS = EVENT_NAMES;

export interface InvokeChannelOptions {
  allowedOrigins: readonly string[];
  /** Whether these web contents belong to one of the app's own windows. */
  isAppWindow: (contents: WebContents) => boolean;
}

export function registerInvokeChannel(backend: Backend, opts: InvokeChannelOptions): void {
  ipcMain.handle(IPC_INVOKE, async (event, method: unknown, args: unknown): Promise<Reply<unknown>> => {
    const refusal = refuse(event, opts);
    if (refusal) {
      console.warn(`keyplan: refused IPC call: ${refusal}`);
      return { ok: false, error: { code: 'forbidden', message: refusal } };
    }
    if (typeof method !== 'string') {
      return { ok: false, error: { code: 'unknown-method', message: 'The method name must be a string.' } };
    }
    try {
      return await backend.invoke(method, args);
    } catch (e) {
      // invoke turns handler failures into replies itself; this is only a last line of defence,
      // so the renderer gets a Reply rather than a bare 'Error invoking remote method'.
      return { ok: false, error: { code: 'internal', message: `${method}: ${String(e)}` } };
    }
  });
}

/**
 * Why a call must be refused, or null. Any page that somehow got our preload (a frame, a window
 * we did not make, a page navigated elsewhere) must not reach the database.
 */
function refuse(event: IpcMainInvokeEvent, opts: InvokeChannelOptions): string | null {
  const frame = event.senderFrame;
  if (!frame) return 'the sending frame is gone';
  if (frame.parent !== null) return 'only the top frame may call the backend';
  if (!opts.isAppWindow(event.sender)) return 'the sender is not a Keyplan window';
  if (!isAllowedSender(frame.url, opts.allowedOrigins)) return `pages from ${frame.url.slice(0, 200)} may not call the backend`;
  return null;
}

/** Pushes every backend event to the app's windows as ('keyplan:event', name, payload). */
export function forwardBackendEvents(backend: Backend, windows: () => Iterable<WebContents>): void {
  for (const name of EVENTS) {
    backend.on(name, (payload) => {
      for (const contents of windows()) {
        if (!contents.isDestroyed()) contents.send(IPC_EVENT, name, payload);
      }
    });
  }
}
