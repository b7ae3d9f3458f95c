import type { Ref, TextareaHTMLAttributes } from 'react';
import { FieldFrame, useFieldIds } from './FieldFrame';

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
  const ids = useFieldIds(hint, error);
  return (
    <FieldFrame ids={ids} label={label} hideLabel={hideLabel} hint={hint} error={error} className={className}>
      <textarea ref={ref} id={ids.id} rows={rows} className="field__input field__textarea" aria-invalid={error ? true : undefined} aria-describedby={ids.describedBy} {...area} />
    </FieldFrame>
  );
}
