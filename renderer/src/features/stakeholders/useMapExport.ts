/** Exporting the map as SVG, PNG or PDF in the current language (customer-safe when the view is). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../shared/i18n';
import { api } from '../../api/client';
import { downloadBase64 } from '../../lib/download';
import { errorText } from '../../lib/errors';
import { useNotice } from '../../ui/Notice';

export type MapFormat = 'svg' | 'png' | 'pdf';

export function useMapExport(mapRef: { accountId: number; tenderId?: number }, lang: Locale, safe: boolean): { exporting: boolean; exportAs: (format: MapFormat) => Promise<void> } {
  const { t } = useTranslation();
  const notice = useNotice();
  const [exporting, setExporting] = useState(false);
  const exportAs = async (format: MapFormat) => {
    setExporting(true);
    try {
      const file = await api('map-export', { ...mapRef, format, locale: lang, ...(safe ? { safe: true } : {}) });
      downloadBase64(file);
      notice.success(t('mapper.export.done', { file: file.fileName }));
    } catch (e) {
      notice.error(errorText(t, e));
    } finally {
      setExporting(false);
    }
  };
  return { exporting, exportAs };
}
