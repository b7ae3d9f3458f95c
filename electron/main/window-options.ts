/**
 * The main window's options, as a pure function so every security flag is unit-tested.
 * Only types come from 'electron' (erased at build); nothing here runs Electron.
 */
import type { BrowserWindowConstructorOptions, Size } from 'electron';

export interface WindowOptionsInput {
  /** Absolute path of the built preload (out/preload/index.cjs). */
  preloadPath: string;
  /** Development build: DevTools allowed. */
  dev: boolean;
  /** The usable area of the screen the window opens on; the default size is clamped to it. */
  workArea?: Size;
}

export const DEFAULT_SIZE = { width: 1440, height: 900 } as const;
/**
 * The smallest window the workbench lays out in. Smaller than the 1280x800 the screens are
 * designed for, because a 1920x1080 laptop at 150% scaling only has about 1280x680 to give.
 */
export const MIN_SIZE = { width: 1024, height: 640 } as const;
/** Painted before the first frame, so the window never flashes white-on-dark or the reverse. */
export const BACKGROUND_COLOR = '#f5f6f8';

export function windowOptions({ preloadPath, dev, workArea }: WindowOptionsInput): BrowserWindowConstructorOptions {
  const width = Math.min(DEFAULT_SIZE.width, workArea?.width ?? Infinity);
  const height = Math.min(DEFAULT_SIZE.height, workArea?.height ?? Infinity);
  return {
    title: 'Keyplan',
    width: Math.max(width, MIN_SIZE.width),
    height: Math.max(height, MIN_SIZE.height),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    backgroundColor: BACKGROUND_COLOR,
    // Shown on ready-to-show, once the first frame is painted.
    show: false,
    webPreferences: {
      preload: preloadPath,
      // The Electron security checklist, item by item. Most are the defaults today; they are
      // spelled out so that a changed default or a careless edit shows up in review and in tests.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      // Dropping a file on the window would otherwise navigate to it.
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: dev,
    },
  };
}
