import { useTranslation } from 'react-i18next';
import type { Currency } from '../../../../shared/domain/enums';
import { parseMoney } from '../../../../shared/domain/values';
import { TextField, type TextFieldProps } from '../../ui/TextField';
import { moneyFull, moneyInput } from './format';

export interface MoneyFieldProps extends Omit<TextFieldProps, 'value' | 'onChange' | 'hint'> {
  value: string;
  onChange: (value: string) => void;
  currency: Currency;
  /** Shown while the field is empty. */
  hint?: string;
}

/**
 * An amount as a person types it: "1.2万", "12,000", "¥3,500.50". Under the field it reads back what
 * it understood (= ¥12,000), so a slip of a unit shows before saving. Parsing happens on save
 * (parseMoney gives integer minor units; never a float).
 */
export function MoneyField({ value, onChange, currency, hint, ...rest }: MoneyFieldProps) {
  const { t, i18n } = useTranslation();
  const parsed = value.trim() ? parseMoney(value) : null;
  // Read back only what was not typed plainly ("1.2万", "¥3k"): "12,000" needs no echo.
  const echo = parsed?.ok && moneyInput(parsed.value) !== value.trim() ? t('accounts.overview.moneyEquals', { value: moneyFull(parsed.value, currency, i18n.language) }) : hint;
  return <TextField {...rest} value={value} inputMode="decimal" autoComplete="off" hint={echo} onChange={(e) => onChange(e.target.value)} className={`money-field ${rest.className ?? ''}`} />;
}
