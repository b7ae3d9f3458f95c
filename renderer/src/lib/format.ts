import type { TFunction } from 'i18next';

/** A date and time in the reader's locale, e.g. 2026年11月24日 11:50 / Nov 24, 2026, 11:50 AM. */
export function formatDateTime(iso: string, locale: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** A date in the reader's locale. */
export function formatDate(iso: string, locale: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(d);
}

/** A file size: B, KB or MB (binary multiples), one decimal at most. */
export function formatBytes(bytes: number, locale: string, t: TFunction): string {
  const n = (v: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(v);
  if (bytes < 1024) return t('format.bytes', { value: n(bytes) });
  if (bytes < 1024 * 1024) return t('format.kilobytes', { value: n(bytes / 1024) });
  return t('format.megabytes', { value: n(bytes / (1024 * 1024)) });
}

/** The last segment of a path, for either separator. */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

/** The folder part of a path, keeping its separator style ('' when there is none). */
export function dirName(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i <= 0 ? path.slice(0, i + 1) : path.slice(0, i);
}

/** The separator a path uses. */
export function separatorOf(path: string): string {
  return path.includes('\\') && !path.includes('/') ? '\\' : '/';
}
