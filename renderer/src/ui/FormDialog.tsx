import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';

export interface FormDialogProps {
  open: boolean;
  title: string;
  /** The fields; the first focusable one takes focus when the dialog opens. */
  children: ReactNode;
  submitLabel: string;
  busy?: boolean;
  /** An error from the last attempt that belongs to no single field. */
  error?: string | null;
  onSubmit: () => void;
  onCancel: () => void;
  className?: string;
}

/**
 * A modal form on the native <dialog>: focus is trapped while open and starts on the first field,
 * Enter submits, Escape cancels, and focus returns to where it was.
 */
export function FormDialog({ open, title, children, submitLabel, busy, error, onSubmit, onCancel, className }: FormDialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>('input:not([type="hidden"]):not([disabled]), select, textarea')?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!busy) onSubmit();
  };

  return (
    <dialog
      ref={ref}
      className={['dialog', 'dialog--form', className].filter(Boolean).join(' ')}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <form onSubmit={submit} noValidate>
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        <div className="dialog__body dialog__fields">{open ? children : null}</div>
        {error ? (
          <p className="dialog__error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="dialog__actions">
          <Button onClick={onCancel} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="primary" busy={busy}>
            {submitLabel}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
