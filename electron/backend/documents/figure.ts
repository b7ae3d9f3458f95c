/**
 * An objective's figure as the printed documents show it (the plan's objectives table, the forum
 * deck's objectives slide): money short (compact), a percentage stored in basis points, a count
 * with the locale's grouping; nothing for no value. HTML-escaped.
 */
import type { Currency } from '../../../shared/domain/enums';
import { formatMoney } from '../../../shared/domain/money';
import type { ObjectiveData } from '../../../shared/domain/plan';
import { esc } from './html';
import type { Locale } from '../../../shared/i18n';

export function objectiveFigure(unit: ObjectiveData['unit'], v: number | null, currency: Currency, locale: Locale): string {
  if (v === null) return '';
  if (unit === 'money') return esc(formatMoney(v, currency, locale, { compact: true }));
  if (unit === 'percent') return esc(`${Math.round(v) / 100}%`);
  return esc(new Intl.NumberFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-GB').format(v));
}
