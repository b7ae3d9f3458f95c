import { useEffect, useId, useRef, type ReactNode } from 'react';
import { cx } from '../lib/cx';

export interface DialogProps {
  open: boolean;
  title: string;
  /** A short explanation under the title. */
  lead?: ReactNode;
  children: ReactNode;
  /** Escape, the backdrop's close request, or a Cancel button. Not called while `busy`. */
  onClose: () => void;
  busy?: boolean;
  size?: 'md' | 'lg';
}

/**
 * A modal on the native <dialog> for short forms: focus is trapped while open, Escape closes, and
 * focus returns to where it was. The first field (or the element with `data-autofocus`) gets focus.
 */
export function Dialog({ open, title, lead, children, onClose, busy, size = 'md' }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const returnTo = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      const first = dialog.querySelector<HTMLElement>('[data-autofocus], input:not([type="hidden"]), select, textarea');
      first?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
      returnTo.current?.focus();
    }
  }, [open]);

  // Unmounted while open (the caller stopped rendering it): give focus back all the same.
  useEffect(() => {
    const dialog = ref.current;
    return () => {
      if (dialog?.open) {
        dialog.close();
        if (returnTo.current?.isConnected) returnTo.current.focus();
      }
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={cx('dialog', size === 'lg' && 'dialog--lg')}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onClose();
      }}
    >
      {open ? (
        <>
          <h2 id={titleId} className="dialog__title">
            {title}
          </h2>
          {lead ? <p className="dialog__lead">{lead}</p> : null}
          {children}
        </>
      ) : null}
    </dialog>
  );
}
