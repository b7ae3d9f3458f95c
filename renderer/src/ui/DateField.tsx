import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseDate } from '../../../shared/domain/values';
import { cx } from '../lib/cx';
import { FieldFrame, useFieldIds } from './FieldFrame';
import { Icon } from './icons';

export interface DateFieldProps {
  label: string;
  /** 'YYYY-MM-DD', or '' for none. */
  value: string;
  /**
   * Called as the person types: with 'YYYY-MM-DD' once the text reads as a date, '' when it is
   * emptied, and the text itself while it does not read as a date (the form's check refuses it).
   */
  onChange: (value: string) => void;
  hint?: string;
  error?: string | null;
  hideLabel?: boolean;
  className?: string;
  required?: boolean;
  min?: string;
  max?: string;
  /** Render no label of its own: the caller's <label htmlFor={id}> names it. */
  id?: string;
  bare?: boolean;
  /** Extra classes of the text input (a toolbar's compact size). */
  inputClassName?: string;
}

/**
 * A date typed as the reader writes it - 2026-05-01, 2026/5/1, 20260501, 2026年5月1日 - and shown
 * as 2026-05-01 in every language, with a calendar button for the system picker. (A native date
 * input shows the browser's format, mm/dd/yyyy in an English browser even when the app is in
 * Chinese.)
 */
/** The text as a date: typed forms only (a bare number such as 45000 is not read as an Excel serial). */
function readDate(text: string): { ok: true; value: string } | { ok: false } | null {
  const s = text.trim();
  if (s === '') return null;
  if (/^\d{1,7}(\.\d*)?$/.test(s)) return { ok: false };
  const p = parseDate(s);
  return p.ok ? { ok: true, value: p.value } : { ok: false };
}

export function DateField({ label, value, onChange, hint, error, hideLabel, className, required, min, max, id: given, bare, inputClassName }: DateFieldProps) {
  const { t } = useTranslation();
  const picker = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  const [touched, setTouched] = useState(false);
  // Follow a value set from outside (a reset, another record) unless it is what the text says.
  if (value !== shown) {
    setShown(value);
    const mine = readDate(text);
    if (!(mine?.ok && mine.value === value) && text !== value) setText(value);
  }
  const parsed = readDate(text);
  const invalid = touched && parsed !== null && !parsed.ok;
  const shownError = error ?? (invalid ? t('common.invalidDate') : null);
  const ids = useFieldIds(hint, shownError, given);

  const emit = (raw: string) => {
    setText(raw);
    const p = readDate(raw);
    const v = p === null ? '' : p.ok ? p.value : raw;
    setShown(v);
    onChange(v);
  };

  const control = (
    <div className="field__control date-field">
      <input
        id={ids.id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        className={cx('field__input date-field__input tabular', inputClassName)}
        placeholder={t('common.datePlaceholder')}
        value={text}
        required={required}
        aria-invalid={shownError ? true : undefined}
        aria-describedby={bare ? undefined : ids.describedBy}
        onChange={(e) => {
          setTouched(false);
          emit(e.target.value);
        }}
        onBlur={() => {
          setTouched(true);
          if (parsed?.ok && parsed.value !== text) setText(parsed.value);
        }}
      />
      <button
        type="button"
        className="date-field__pick"
        aria-label={t('common.pickDate', { field: label })}
        title={t('common.pickDate', { field: label })}
        onClick={() => {
          const el = picker.current;
          if (!el) return;
          try {
            el.showPicker();
          } catch {
            el.focus();
          }
        }}
      >
        <Icon name="calendar" size={16} />
      </button>
      <input
        ref={picker}
        type="date"
        tabIndex={-1}
        aria-hidden="true"
        className="date-field__native"
        value={parsed?.ok ? parsed.value : ''}
        min={min}
        max={max}
        onChange={(e) => {
          setTouched(true);
          emit(e.target.value);
        }}
      />
    </div>
  );
  if (bare) return control;
  return (
    <FieldFrame ids={ids} label={label} hideLabel={hideLabel} hint={hint} error={shownError} className={className}>
      {control}
    </FieldFrame>
  );
}
