/** Exporting the board as PNG or a one-page PDF in the current language, as shown (dates, filters). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Args } from '../../../../shared/api/contract';
import type { Locale } from '../../../../shared/i18n';
import { api } from '../../api/client';
import { downloadBase64 } from '../../lib/download';
import { errorText } from '../../lib/errors';
import { useNotice } from '../../ui/Notice';

export type BoardFormat = 'png' | 'pdf';

export function useBoardExport(what: Omit<Args<'board-export'>, 'format' | 'locale'>, lang: Locale) {
  const { t } = useTranslation();
  const notice = useNotice();
  const [exporting, setExporting] = useState<BoardFormat | null>(null);
  const exportAs = async (format: BoardFormat) => {
    setExporting(format);
    try {
      const file = await api('board-export', { ...what, format, locale: lang });
      downloadBase64(file);
      notice.success(t('board.exported', { file: file.fileName }));
    } catch (e) {
      notice.error(errorText(t, e));
    } finally {
      setExporting(null);
    }
  };
  return { exporting, exportAs };
}
