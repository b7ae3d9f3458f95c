import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';

export interface EditFormProps {
  /** Shown as the form's heading and its accessible name (the add/edit panels of the account tabs). */
  title?: string;
  className?: string;
  /** The fields. */
  children: ReactNode;
  /** Runs on Save and on Enter (the browser's own validation is off: the form checks its fields). */
  onSubmit: () => void;
  onCancel: () => void;
  busy: boolean;
  /** The last save's failure that belongs to no single field. */
  error: string | null;
}

/** An inline add/edit form: its fields, the save error, and Cancel / Save. */
export function EditForm({ title, className = 'inline-form', children, onSubmit, onCancel, busy, error }: EditFormProps) {
  const { t } = useTranslation();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <form className={className} onSubmit={submit} noValidate aria-label={title}>
      {title ? <h3 className="edit-panel__title">{title}</h3> : null}
      {children}
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="inline-form__actions">
        <Button onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" variant="primary" busy={busy}>
          {t('common.save')}
        </Button>
      </div>
    </form>
  );
}
