import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { cx } from '../lib/cx';

export interface PopoverProps {
  /** The trigger's content. */
  trigger: ReactNode;
  /** Accessible name of the trigger when its content is not enough (e.g. an icon). */
  triggerLabel?: string;
  triggerClassName?: string;
  /** Names the panel for screen readers. */
  panelLabel: string;
  /** The panel: a function of `close` so actions inside can close it. */
  children: (close: (returnFocus?: boolean) => void) => ReactNode;
  align?: 'start' | 'end';
  className?: string;
  panelClassName?: string;
}

/**
 * A button that opens a non-modal panel under it (filters, saved views). Escape or a click outside
 * closes it; Escape returns focus to the button. Focus moves into the panel when it opens.
 */
export function Popover({ trigger, triggerLabel, triggerClassName, panelLabel, children, align = 'start', className, panelClassName }: PopoverProps) {
  const [{ open, refocus }, setState] = useState({ open: false, refocus: false });
  const setOpen = useCallback((o: boolean) => setState({ open: o, refocus: false }), []);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const id = useId();

  const close = useCallback((returnFocus = true) => setState({ open: false, refocus: returnFocus }), []);

  useEffect(() => {
    if (!open && refocus) button.current?.focus();
  }, [open, refocus]);

  useEffect(() => {
    if (!open) return;
    const first = panel.current?.querySelector<HTMLElement>('[data-autofocus], input, button:not([disabled]), [tabindex="0"]');
    first?.focus();
    const onDown = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open, setOpen]);

  return (
    <div
      ref={root}
      className={cx('popover', className)}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.preventDefault();
          e.stopPropagation();
          close();
        }
      }}
      onBlur={(e) => {
        if (open && e.relatedTarget instanceof Node && root.current && !root.current.contains(e.relatedTarget)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        className={triggerClassName}
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        aria-label={triggerLabel}
        onClick={() => setOpen(!open)}
      >
        {trigger}
      </button>
      {open ? (
        <div ref={panel} id={id} role="dialog" aria-label={panelLabel} className={cx('popover__panel', `popover__panel--${align}`, panelClassName)}>
          {children(close)}
        </div>
      ) : null}
    </div>
  );
}
