import type { Locale } from '../../shared/i18n';
/**
 * The application menu in both languages. The shell keeps its own few labels rather than load the
 * renderer's i18n catalogue: main starts before any page and must not depend on the UI's bundle.
 */
const en = {
  file: 'File',
  quit: 'Quit Keyplan',
  edit: 'Edit',
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  selectAll: 'Select All',
  view: 'View',
  reload: 'Reload',
  toggleDevTools: 'Toggle Developer Tools',
  resetZoom: 'Actual Size',
  zoomIn: 'Zoom In',
  zoomOut: 'Zoom Out',
  toggleFullScreen: 'Toggle Full Screen',
  window: 'Window',
  minimize: 'Minimize',
  close: 'Close Window',
  help: 'Help',
  about: 'About Keyplan',
  hide: 'Hide Keyplan',
  hideOthers: 'Hide Others',
  unhide: 'Show All',
};

export type MenuLabels = typeof en;

const zhCN: MenuLabels = {
  file: '文件',
  quit: '退出 Keyplan',
  edit: '编辑',
  undo: '撤销',
  redo: '重做',
  cut: '剪切',
  copy: '复制',
  paste: '粘贴',
  selectAll: '全选',
  view: '视图',
  reload: '重新加载',
  toggleDevTools: '切换开发者工具',
  resetZoom: '实际大小',
  zoomIn: '放大',
  zoomOut: '缩小',
  toggleFullScreen: '切换全屏',
  window: '窗口',
  minimize: '最小化',
  close: '关闭窗口',
  help: '帮助',
  about: '关于 Keyplan',
  hide: '隐藏 Keyplan',
  hideOthers: '隐藏其他',
  unhide: '全部显示',
};

export const MENU_LABELS: Readonly<Record<Locale, MenuLabels>> = { 'zh-CN': zhCN, en };

/** zh, zh-CN, zh-TW… get Chinese; every other locale English. */
export function menuLanguage(locale: string): Locale {
  return locale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
