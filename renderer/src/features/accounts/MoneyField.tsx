import { useTranslation } from 'react-i18next';
import type { Currency } from '../../../../shared/domain/enums';
import { formatMoney, formatMoneyBoth } from '../../../../shared/domain/money';
import { parseMoney } from '../../../../shared/domain/values';
import { TextField, type TextFieldProps } from '../../ui/TextField';
import { moneyInput } from '../../lib/format';

export interface MoneyFieldProps extends Omit<TextFieldProps, 'value' | 'onChange' | 'hint'> {
  value: string;
  onChange: (value: string) => void;
  currency: Currency;
  /** Shown while the field is empty. */
  hint?: string;
}

/**
 * An amount as a person types it: "1.2万", "12,000", "¥3,500.50". Under the field it reads back what
 * it understood (= ¥12,000（¥1.2万）), so a slip of a unit shows before saving. Parsing happens on save
 * (parseMoney gives integer minor units; never a float).
 */
export function MoneyField({ value, onChange, currency, hint, ...rest }: MoneyFieldProps) {
  const { t, i18n } = useTranslation();
  const parsed = value.trim() ? parseMoney(value) : null;
  // Read back what was not typed plainly ("1.2万" = ¥12,000) and, for a large amount, how it reads
  // (1,200,000,000 = ¥12亿): the exact amount, then the compact one (shared/domain/money.ts).
  const both = parsed?.ok ? formatMoneyBoth(parsed.value, currency, i18n.language) : null;
  const echo = parsed?.ok && both !== null && (moneyInput(parsed.value) !== value.trim() || both !== formatMoney(parsed.value, currency, i18n.language)) ? t('accounts.overview.moneyEquals', { value: both }) : hint;
  return <TextField {...rest} value={value} inputMode="decimal" autoComplete="off" hint={echo} onChange={(e) => onChange(e.target.value)} className={`money-field ${rest.className ?? ''}`} />;
}
