/**
 * The application menu as data, so its shape is unit-tested. Only types come from 'electron'.
 * Roles do the work (undo, zoom, fullscreen…); labels come from menu-labels.ts.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuLabels } from './menu-labels';

export interface MenuTemplateInput {
  labels: MenuLabels;
  /** Development build: Reload and DevTools appear. A user's reload would only lose unsaved input. */
  dev: boolean;
  platform: NodeJS.Platform;
  onAbout: () => void;
}

export function menuTemplate({ labels: l, dev, platform, onAbout }: MenuTemplateInput): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const about: MenuItemConstructorOptions = { label: l.about, click: onAbout };
  const separator: MenuItemConstructorOptions = { type: 'separator' };

  // macOS puts About and Quit in the menu named after the app; elsewhere they live in Help and File.
  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: 'Keyplan',
          submenu: [
            about,
            separator,
            { role: 'hide', label: l.hide },
            { role: 'hideOthers', label: l.hideOthers },
            { role: 'unhide', label: l.unhide },
            separator,
            { role: 'quit', label: l.quit },
          ],
        },
      ]
    : [{ label: l.file, submenu: [{ role: 'quit', label: l.quit }] }];

  return [
    ...appMenu,
    {
      label: l.edit,
      submenu: [
        { role: 'undo', label: l.undo },
        { role: 'redo', label: l.redo },
        separator,
        { role: 'cut', label: l.cut },
        { role: 'copy', label: l.copy },
        { role: 'paste', label: l.paste },
        { role: 'selectAll', label: l.selectAll },
      ],
    },
    {
      label: l.view,
      submenu: [
        ...(dev
          ? [{ role: 'reload', label: l.reload } as const, { role: 'toggleDevTools', label: l.toggleDevTools } as const, separator]
          : []),
        { role: 'resetZoom', label: l.resetZoom },
        { role: 'zoomIn', label: l.zoomIn },
        { role: 'zoomOut', label: l.zoomOut },
        separator,
        { role: 'togglefullscreen', label: l.toggleFullScreen },
      ],
    },
    {
      label: l.window,
      role: 'windowMenu',
      submenu: [
        { role: 'minimize', label: l.minimize },
        { role: 'close', label: l.close },
      ],
    },
    { label: l.help, role: 'help', submenu: mac ? [] : [about] },
  ];
}
