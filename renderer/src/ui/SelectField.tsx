import type { ReactNode, Ref, SelectHTMLAttributes } from 'react';
import { FieldFrame, useFieldIds } from './FieldFrame';

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
  const ids = useFieldIds(hint, error);
  return (
    <FieldFrame ids={ids} label={label} hideLabel={hideLabel} hint={hint} error={error} className={className}>
      <div className="field__control">
        <select ref={ref} id={ids.id} className="field__input field__select" aria-invalid={error ? true : undefined} aria-describedby={ids.describedBy} {...select}>
          {children}
        </select>
      </div>
    </FieldFrame>
  );
}
