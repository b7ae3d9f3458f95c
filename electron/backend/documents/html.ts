/** Small helpers for the print documents: escaping, and the fonts every document uses. */
import { EMBEDDED_FAMILY, embeddedFontFaces } from './fonts';
import type { Locale } from '../../../shared/i18n';

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
export function fontStack(locale: Locale): string {
  const cjk = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei"';
  const latin = '"Inter", "Segoe UI", "Helvetica Neue", Arial';
  return locale === 'zh-CN' ? `${cjk}, ${latin}, sans-serif` : `${latin}, ${cjk}, sans-serif`;
}

/** A printed document's fonts: the embedded Noto Sans SC first (see fonts.ts), the system's after it. */
export function printFontStack(locale: Locale): string {
  return `"${EMBEDDED_FAMILY}", ${fontStack(locale)}`;
}

/**
 * The Content-Security-Policy of every print document (plan, stakeholder map, forum deck, board),
 * wherever it is shown: Chromium's printer, Electron's printToPDF, the forum's Present frame.
 * Nothing may load or run: no script at all (the documents are static; page numbers are the
 * printer's header and footer templates), styles only inline, fonts and images only as data: URLs.
 * `frame-ancestors` and `sandbox` are left out: a <meta> policy cannot carry them.
 */
export const PRINT_CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'font-src data:',
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The <meta> that carries PRINT_CSP; first in a document's <head>, before anything it governs. */
export function printCspMeta(): string {
  return `<meta http-equiv="Content-Security-Policy" content="${PRINT_CSP}">`;
}

/**
 * A print document made whole: its strict CSP first in <head>, then its text, and the pieces of
 * the embedded font its text needs as a <style> at the end of <head>. Every print document goes
 * through here.
 */
export function printDocument(html: string): string {
  const open = /<head>/i.exec(html);
  if (!open) throw new Error('a print document needs a <head>');
  const at = open.index + open[0].length;
  return withEmbeddedFonts(`${html.slice(0, at)}${printCspMeta()}${html.slice(at)}`);
}

/** The document with the pieces of the embedded font its text needs, as a <style> in its head. */
export function withEmbeddedFonts(html: string): string {
  const at = html.indexOf('</head>');
  if (at < 0) throw new Error('a print document needs a <head>');
  return `${html.slice(0, at)}<style>\n${embeddedFontFaces(html)}\n</style>${html.slice(at)}`;
}

/** A date-time for a document's small print, in the document's language. */
export function printedDate(iso: string, locale: Locale): string {
  const d = new Date(iso);
  return new Intl.DateTimeFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(d);
}
