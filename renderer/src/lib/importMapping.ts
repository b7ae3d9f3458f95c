/** The mapping of an imported sheet's columns to fields, shared by the account importer and the stakeholder import. */
import type { TFunction } from 'i18next';
import { ACCOUNT_IMPORT_FIELDS } from '../../../shared/domain/import-fields';

/**
 * What a column of an imported sheet can fill: the importer's own list, from shared/.
 * Per-year revenue and target columns are `revenue:YYYY` and `target:YYYY`; `ignore` skips a column.
 */
export const IMPORT_FIELDS = ACCOUNT_IMPORT_FIELDS;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const IGNORE = 'ignore';

/** Years offered for revenue and target columns: the next year and the ten before this one, plus any the file names. */
export function targetYears(thisYear: number, mapping: readonly string[]): number[] {
  const years = new Set<number>();
  for (let y = thisYear + 1; y >= thisYear - 10; y--) years.add(y);
  for (const m of mapping) {
    const match = /^(?:revenue|target):(\d{4})$/.exec(m);
    if (match) years.add(Number(match[1]));
  }
  return [...years].sort((a, b) => b - a);
}

/** Targets chosen for more than one column: target -> the columns. */
export function duplicateTargets(headers: readonly string[], mapping: readonly string[]): Map<string, string[]> {
  const by = new Map<string, string[]>();
  mapping.forEach((m, i) => {
    if (m === IGNORE) return;
    by.set(m, [...(by.get(m) ?? []), headers[i] ?? '']);
  });
  return new Map([...by].filter(([, cols]) => cols.length > 1));
}

/** Reads a file's bytes as base64 without blocking the page (the browser encodes natively). */
export function toBase64(bytes: ArrayBuffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(new Blob([bytes]));
  });
}

/** The largest file the API takes (64 MiB of base64 is 48 MiB of bytes): the backend's own limit. */
export { MAX_IMPORT_BYTES } from '../../../shared/api/accounts';

/** The name a column goes by on screen: its header, or "Column 5 (no header)". */
export function columnName(t: TFunction, header: string, index: number): string {
  return header === '' ? t('importer.check.noHeader', { n: index + 1 }) : header;
}
