/**
 * The stakeholder map as a file for meetings: SVG (vector, the saved positions), a PDF sized to the
 * map (text stays text: sharp at any zoom, readable with 300+ people), or a PNG at print
 * resolution. Customer-safe (`safe`: the customer audience) draws only what the one audience rule
 * (shared/domain/audience.ts) lets a customer see - the renderer's job; the file name says which
 * version it is.
 */
import type { ExportFile } from '../../../shared/api/accounts-views';
import { messages, type Locale } from '../../../shared/i18n';
import type { Db } from '../db/types';
import { getMap } from '../db/repos/stakeholders/map-read';
import { fill } from '../documents/html';
import { mapDocument, mapPngSize } from '../documents/map-document';
import { renderMapSvg } from '../documents/map-svg';
import type { Printer } from '../documents/printer';

export interface MapExportArgs {
  accountId: number;
  tenderId: number | null;
  format: 'svg' | 'png' | 'pdf';
  locale: Locale;
  safe: boolean;
  today: string;
}

const MIME = { svg: 'image/svg+xml', pdf: 'application/pdf', png: 'image/png' } as const;

/** What a file system accepts in a name on every OS: no separators, reserved or control characters. */
export function safeFileName(s: string): string {
  return [...s]
    .map((c) => (c.charCodeAt(0) < 0x20 ? '-' : c))
    .join('')
    .replace(/[\\/:*?"<>|]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.-]+|[\s.-]+$/g, '')
    .slice(0, 80);
}

export function mapFileName(account: string, tender: string | null, locale: Locale, safe: boolean, format: string): string {
  const zh = locale === 'zh-CN';
  const parts = [account, ...(tender ? [tender] : []), zh ? '决策链' : 'stakeholders', ...(safe ? [zh ? '对外版' : 'customer-safe'] : [])];
  return `${parts.map(safeFileName).filter((p) => p.length > 0).join('-')}.${format}`;
}

/** The document title: the account (and tender) and what the map is, in the locale. */
export function mapTitle(account: string, tender: string | null, locale: Locale): string {
  const doc = messages[locale].dmu.doc;
  const title = fill(doc.title, { account });
  return tender ? `${title} · ${fill(doc.tender, { tender })}` : title;
}

/** The map as a file; the printer is asked for only for a PDF or PNG (an SVG needs none). */
export async function exportMap(db: Db, printer: () => Printer, a: MapExportArgs): Promise<ExportFile> {
  const map = getMap(db, a.accountId, a.tenderId, { today: a.today });
  const drawn = renderMapSvg(map, { locale: a.locale, safe: a.safe, today: a.today });
  const fileName = mapFileName(map.account.name, map.tender?.name ?? null, a.locale, a.safe, a.format);
  let bytes: Uint8Array;
  if (a.format === 'svg') {
    bytes = Buffer.from(drawn.svg, 'utf8');
  } else {
    const doc = mapDocument(drawn, { locale: a.locale, title: mapTitle(map.account.name, map.tender?.name ?? null, a.locale) });
    bytes =
      a.format === 'pdf'
        ? await printer().pdf(doc.html, { landscape: doc.pageWidthMm > doc.pageHeightMm })
        : await printer().png(doc.html, mapPngSize(drawn.width, drawn.height));
  }
  return { fileName, mime: MIME[a.format], contentBase64: Buffer.from(bytes).toString('base64') };
}
