import { useId, type ReactNode, type Ref, type SelectHTMLAttributes } from 'react';
import { cx } from '../lib/cx';

export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  label: string;
  hint?: string;
  error?: string | null;
  /** Keeps the label for screen readers only (e.g. in a table row that says what it is). */
  hideLabel?: boolean;
  children: ReactNode;
  className?: string;
  ref?: Ref<HTMLSelectElement>;
}

/** A labelled native select, styled like the text fields. */
export function SelectField({ label, hint, error, hideLabel, children, className, ref, ...select }: SelectFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : null, hint && !error ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={cx('field', error && 'field--invalid', className)}>
      <label htmlFor={id} className={cx('field__label', hideLabel && 'visually-hidden')}>
        {label}
      </label>
      <div className="field__control">
        <select ref={ref} id={id} className="field__input field__select" aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...select}>
          {children}
        </select>
      </div>
      {error ? (
        <p id={errorId} className="field__error" role="alert">
          {error}
        </p>
      ) : hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
