import { useId, type InputHTMLAttributes, type Ref } from 'react';
import { cx } from '../lib/cx';
import { Icon, type IconName } from './icons';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'size'> {
  label: string;
  /** Shown under the field until there is an error. */
  hint?: string;
  error?: string | null;
  /** Keeps the label for screen readers only (e.g. inline rename, where the row says what it is). */
  hideLabel?: boolean;
  icon?: IconName;
  ref?: Ref<HTMLInputElement>;
  className?: string;
  mono?: boolean;
}

/** A labelled text input with an optional hint and an error that screen readers announce. */
export function TextField({ label, hint, error, hideLabel, icon, className, mono, ref, ...input }: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : null, hint && !error ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={cx('field', error && 'field--invalid', className)}>
      <label htmlFor={id} className={cx('field__label', hideLabel && 'visually-hidden')}>
        {label}
      </label>
      <div className={cx('field__control', icon && 'field__control--icon')}>
        {icon ? <Icon name={icon} size={18} /> : null}
        <input
          ref={ref}
          id={id}
          className={cx('field__input', mono && 'mono')}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...input}
        />
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
