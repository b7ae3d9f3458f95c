/**
 * The preload: exposes `window.keyplan` with `invoke` and `on`, nothing else. Runs sandboxed, so it
 * may import only 'electron' (and type-only modules, erased at build).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { KeyplanBridge } from '../../shared/api/bridge';
import type { Reply } from '../../shared/api/errors';

// Literal channel names: a sandboxed preload cannot load shared modules at run time.
const INVOKE = 'keyplan:invoke';
const EVENT = 'keyplan:event';

const bridge: KeyplanBridge = {
  invoke: (method, args) => ipcRenderer.invoke(INVOKE, String(method), args) as Promise<Reply<unknown>>,
  on: (listener) => {
    const handler = (_e: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (typeof name === 'string') listener(name, payload);
    };
    ipcRenderer.on(EVENT, handler);
    return () => {
      ipcRenderer.removeListener(EVENT, handler);
    };
  },
};

contextBridge.exposeInMainWorld('keyplan', bridge);
