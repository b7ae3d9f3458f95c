/** Small helpers for the print documents: escaping, and the fonts every document uses. */
import { EMBEDDED_FAMILY, embeddedFontFaces } from './fonts';

export function esc(s: string | number | null | undefined): string {
  return String(s ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Fills `{{name}}` placeholders of a catalogue string (values are escaped by the caller where needed). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? ''));
}

/** CJK first for Chinese documents, Latin first for English ones; embedded by Chromium's PDF writer. */
export function fontStack(locale: 'zh-CN' | 'en'): string {
  const cjk = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei"';
  const latin = '"Inter", "Segoe UI", "Helvetica Neue", Arial';
  return locale === 'zh-CN' ? `${cjk}, ${latin}, sans-serif` : `${latin}, ${cjk}, sans-serif`;
}

/** A printed document's fonts: the embedded Noto Sans SC first (see fonts.ts), the system's after it. */
export function printFontStack(locale: 'zh-CN' | 'en'): string {
  return `"${EMBEDDED_FAMILY}", ${fontStack(locale)}`;
}

/** The document with the pieces of the embedded font its text needs, as a <style> in its head. */
export function withEmbeddedFonts(html: string): string {
  const at = html.indexOf('</head>');
  if (at < 0) throw new Error('a print document needs a <head>');
  return `${html.slice(0, at)}<style>\n${embeddedFontFaces(html)}\n</style>${html.slice(at)}`;
}

/** A date-time for a document's small print, in the document's language. */
export function printedDate(iso: string, locale: 'zh-CN' | 'en'): string {
  const d = new Date(iso);
  return new Intl.DateTimeFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(d);
}
