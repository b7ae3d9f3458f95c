import { useId, type ReactNode } from 'react';
import { cx } from '../lib/cx';

/** The ids a labelled control needs: its own, and those of its hint and error for aria-describedby. */
export function useFieldIds(hint: string | undefined, error: string | null | undefined, given?: string) {
  const own = useId();
  const id = given ?? own;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : null, hint && !error ? hintId : null].filter(Boolean).join(' ') || undefined;
  return { id, hintId, errorId, describedBy };
}

/**
 * What every form control of the app sits in: its label, the control, and under it the error
 * (announced) or else the hint. TextField, TextArea, SelectField and DateField share it.
 */
export function FieldFrame({
  ids,
  label,
  hideLabel,
  hint,
  error,
  className,
  children,
}: {
  ids: { id: string; hintId: string; errorId: string };
  label: string;
  hideLabel?: boolean | undefined;
  hint?: string | undefined;
  error?: string | null | undefined;
  className?: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className={cx('field', error && 'field--invalid', className)}>
      <label htmlFor={ids.id} className={cx('field__label', hideLabel && 'visually-hidden')}>
        {label}
      </label>
      {children}
      {error ? (
        <p id={ids.errorId} className="field__error" role="alert">
          {error}
        </p>
      ) : hint ? (
        <p id={ids.hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
