/**
 * The quadrant board as one A4 landscape PDF page or a PNG picture (documents/board-document.ts).
 * Internal only: a customer version is refused (board-internal-only), by the one audience rule
 * (shared/domain/audience.ts).
 */
import type { ExportFile } from '../../../shared/api/accounts-views';
import type { ParsedArgs } from '../../../shared/api/contract';
import { audienceOf, boardForAudience } from '../../../shared/domain/audience';
import { getBoard } from '../db/repos/board';
import type { Db } from '../db/types';
import { boardDocument } from '../documents/board-document';
import type { Printer } from '../documents/printer';

export type BoardExportArgs = Omit<ParsedArgs<'board-export'>, 'today'> & { today: string };

/** `printedAt`: the moment the document says it was printed (ISO). */
export async function exportBoard(db: Db, printer: () => Printer, a: BoardExportArgs, printedAt: string): Promise<ExportFile> {
  const { format, locale, today, safe, ...filters } = a;
  const board = boardForAudience(getBoard(db, { ...filters, today }), audienceOf(safe));
  const html = boardDocument(board, locale, printedAt);
  const bytes =
    format === 'pdf'
      ? await printer().pdf(html, { landscape: true, format: 'A4' })
      : await printer().png(html, { width: 1123, height: 794, scale: 2 });
  const name = `keyplan-${board.matrix.key}-${today}.${format}`;
  return { fileName: name, mime: format === 'pdf' ? 'application/pdf' : 'image/png', contentBase64: Buffer.from(bytes).toString('base64') };
}
