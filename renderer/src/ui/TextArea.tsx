import { useId, type Ref, type TextareaHTMLAttributes } from 'react';
import { cx } from '../lib/cx';

export interface TextAreaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {
  label: string;
  hint?: string;
  error?: string | null;
  /** Keeps the label for screen readers only (when a heading right above says the same). */
  hideLabel?: boolean;
  className?: string;
  ref?: Ref<HTMLTextAreaElement>;
}

/** A labelled multi-line text input. */
export function TextArea({ label, hint, error, hideLabel, className, ref, rows = 3, ...area }: TextAreaProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : null, hint && !error ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={cx('field', error && 'field--invalid', className)}>
      <label htmlFor={id} className={cx('field__label', hideLabel && 'visually-hidden')}>
        {label}
      </label>
      <textarea ref={ref} id={id} rows={rows} className="field__input field__textarea" aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...area} />
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
