import { app, Menu } from 'electron';
import { MENU_LABELS, menuLanguage } from './menu-labels';
import { menuTemplate } from './menu-template';

/** Installs the zh-CN or English menu, following the system language. Call once the app is ready. */
export function installMenu(dev: boolean): void {
  app.setAboutPanelOptions({ applicationName: 'Keyplan', applicationVersion: app.getVersion() });
  const labels = MENU_LABELS[menuLanguage(app.getLocale())];
  const template = menuTemplate({ labels, dev, platform: process.platform, onAbout: () => app.showAboutPanel() });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
