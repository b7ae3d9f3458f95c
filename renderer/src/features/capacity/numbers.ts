import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { CapacityView } from '../../../../shared/api/capacity';
import { formatCount, formatDay, formatPercent } from '../../lib/figures';

/** The page's number formats in the language on screen. */
export function useNumbers() {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return useMemo(() => {
    const oneDecimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
    return {
      pct: (r: number) => formatPercent(r, locale),
      count: (v: number) => formatCount(v, locale),
      days: (v: number) => oneDecimal.format(v),
    };
  }, [locale]);
}

/** "2026-Q4 · follow-ups counted to 8 Dec 2026". */
export function formatAsOf(t: TFunction, view: CapacityView, locale: string): string {
  return t('capacity.asOf', { quarter: view.label, date: formatDay(view.asOf, locale) });
}
