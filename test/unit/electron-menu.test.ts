import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { MENU_LABELS, menuLanguage } from '../../electron/main/menu-labels';
import { menuTemplate } from '../../electron/main/menu-template';

/** Every item of a template, depth first. */
function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

describe('menu labels', () => {
  it('has zh-CN and English with the same keys, none empty', () => {
    const zh = MENU_LABELS['zh-CN'];
    const en = MENU_LABELS.en;
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const labels of [zh, en]) {
      for (const value of Object.values(labels)) expect(value.trim()).not.toBe('');
    }
  });

  it('is actually translated', () => {
    expect(MENU_LABELS['zh-CN'].file).toBe('文件');
    expect(MENU_LABELS['zh-CN'].quit).not.toBe(MENU_LABELS.en.quit);
  });

  it('picks Chinese for any zh locale and English for the rest', () => {
    expect(menuLanguage('zh-CN')).toBe('zh-CN');
    expect(menuLanguage('zh')).toBe('zh-CN');
    expect(menuLanguage('zh-TW')).toBe('zh-CN');
    expect(menuLanguage('ZH-cn')).toBe('zh-CN');
    expect(menuLanguage('en-US')).toBe('en');
    expect(menuLanguage('de')).toBe('en');
    expect(menuLanguage('')).toBe('en');
  });
});

describe('menuTemplate', () => {
  const base = { labels: MENU_LABELS.en, onAbout: () => {} };

  it('offers Reload and DevTools only in development', () => {
    const prodRoles = items(menuTemplate({ ...base, dev: false, platform: 'win32' })).map((i) => i.role);
    expect(prodRoles).not.toContain('reload');
    expect(prodRoles).not.toContain('forceReload');
    expect(prodRoles).not.toContain('toggleDevTools');
    const devRoles = items(menuTemplate({ ...base, dev: true, platform: 'win32' })).map((i) => i.role);
    expect(devRoles).toContain('reload');
    expect(devRoles).toContain('toggleDevTools');
  });

  it('has File, Edit, View, Window and Help outside macOS, each labelled', () => {
    const template = menuTemplate({ ...base, dev: false, platform: 'linux' });
    expect(template.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    for (const item of items(template)) if (item.type !== 'separator') expect(item.label).toBeTruthy();
    const roles = items(template).map((i) => i.role);
    for (const role of ['quit', 'undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen'] as const) {
      expect(roles).toContain(role);
    }
  });

  it('puts About and Quit in the app menu on macOS', () => {
    const template = menuTemplate({ ...base, dev: false, platform: 'darwin' });
    expect(template[0]?.label).toBe('Keyplan');
    const appItems = items([template[0]!]);
    expect(appItems.map((i) => i.role)).toContain('quit');
    expect(appItems.map((i) => i.label)).toContain('About Keyplan');
  });

  it('calls back for About', () => {
    const onAbout = vi.fn();
    const about = items(menuTemplate({ ...base, onAbout, dev: false, platform: 'win32' })).find((i) => i.label === 'About Keyplan');
    (about?.click as (() => void) | undefined)?.();
    expect(onAbout).toHaveBeenCalledOnce();
  });

  it('uses the Chinese labels when given them', () => {
    const template = menuTemplate({ ...base, labels: MENU_LABELS['zh-CN'], dev: false, platform: 'win32' });
    expect(template.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '窗口', '帮助']);
  });
});
