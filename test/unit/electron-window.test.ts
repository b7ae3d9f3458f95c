import { describe, expect, it } from 'vitest';
import { BACKGROUND_COLOR, DEFAULT_SIZE, MIN_SIZE, windowOptions } from '../../electron/main/window-options';

const preloadPath = '/app/out/preload/index.cjs';

describe('windowOptions', () => {
  const options = windowOptions({ preloadPath, dev: false });
  const prefs = options.webPreferences ?? {};

  it('turns on every renderer isolation the security checklist asks for', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    });
  });

  it('loads the built preload and nothing else', () => {
    expect(prefs.preload).toBe(preloadPath);
    expect(prefs).not.toHaveProperty('partition');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });

  it('allows DevTools only in development', () => {
    expect(prefs.devTools).toBe(false);
    expect(windowOptions({ preloadPath, dev: true }).webPreferences?.devTools).toBe(true);
  });

  it('stays hidden until the first frame is painted, on the app background', () => {
    expect(options.show).toBe(false);
    expect(options.backgroundColor).toBe(BACKGROUND_COLOR);
    expect(options.title).toBe('Keyplan');
  });

  it('opens at the default size with a minimum the workbench lays out in', () => {
    expect(options).toMatchObject({ ...DEFAULT_SIZE, minWidth: MIN_SIZE.width, minHeight: MIN_SIZE.height });
    expect(MIN_SIZE.width).toBeLessThanOrEqual(1280);
    expect(MIN_SIZE.height).toBeLessThanOrEqual(800);
  });

  it('fits a small screen, but never below the minimum', () => {
    expect(windowOptions({ preloadPath, dev: false, workArea: { width: 1366, height: 728 } })).toMatchObject({ width: 1366, height: 728 });
    expect(windowOptions({ preloadPath, dev: false, workArea: { width: 800, height: 600 } })).toMatchObject(MIN_SIZE);
    expect(windowOptions({ preloadPath, dev: false, workArea: { width: 2560, height: 1440 } })).toMatchObject(DEFAULT_SIZE);
  });
});
