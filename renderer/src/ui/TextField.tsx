import type { InputHTMLAttributes, Ref } from 'react';
import { cx } from '../lib/cx';
import { FieldFrame, useFieldIds } from './FieldFrame';
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
  const ids = useFieldIds(hint, error);
  return (
    <FieldFrame ids={ids} label={label} hideLabel={hideLabel} hint={hint} error={error} className={className}>
      <div className={cx('field__control', icon && 'field__control--icon')}>
        {icon ? <Icon name={icon} size={18} /> : null}
        <input
          ref={ref}
          id={ids.id}
          className={cx('field__input', mono && 'mono')}
          aria-invalid={error ? true : undefined}
          aria-describedby={ids.describedBy}
          {...input}
        />
      </div>
    </FieldFrame>
  );
}
